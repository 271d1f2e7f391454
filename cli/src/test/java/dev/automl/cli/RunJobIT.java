package dev.automl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real jobs through the jar: each task, Azure's validation rules, and what a run leaves behind. */
class RunJobIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    static JsonNode summary(Path out) throws IOException {
        return JSON.readTree(out.resolve("summary.json").toFile());
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file))) {
            return parser.getRecords();
        }
    }

    /** A job file in the temp folder; {@code data} is a path relative to testdata/. */
    Path job(String name, String task, String target, String data, String type, String extra) throws IOException {
        String yaml = "type: automl\n"
                + "task: " + task + "\n"
                + "target_column_name: " + target + "\n"
                + "training_data:\n  path: " + JarRunner.testdata(data) + "\n  type: " + type + "\n"
                + extra;
        Path f = work.resolve(name + ".yml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void multiclassFromCsvUsesTenFoldsBelowAThousandRowsAndPredicts() throws Exception {
        Path job = job("penguins", "classification", "species", "penguins/penguins.csv", "uri_file",
                "primary_metric: accuracy\nlimits:\n  max_trials: 4\n");
        JarRunner.Result r = JarRunner.run(work, "run", job.toString(), "--output", "out");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode s = summary(work.resolve("out"));
        assertEquals("classification", s.get("task").asText());
        assertEquals("kfold", s.get("validation").get("type").asText());
        assertEquals(10, s.get("validation").get("folds").asInt());
        assertEquals(344, s.get("rows").asInt());
        // Penguin species are almost separable by bill and flipper sizes: any working model is above 0.95.
        assertTrue(s.get("best").get("score").asDouble() > 0.95, r.toString());
        // Four trials, then the voting and the stack ensemble.
        assertEquals(6, s.get("trials").get("total").asInt());
        assertEquals(6, Files.readAllLines(work.resolve("out/trials.jsonl")).size());
        List<CSVRecord> board = csv(work.resolve("out/leaderboard.csv"));
        assertEquals(6, board.size());
        assertEquals("1", board.get(0).get("rank"));
        assertTrue(r.stdout().contains("rank"), r.stdout());
        // Azure's featurization summary of the saved model: one entry per feature column, species being the target.
        JsonNode featurization = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                work.resolve("out/featurization.json").toFile());
        assertEquals(7, featurization.size(), featurization.toString());
        JsonNode island = featurization.get(0);
        assertEquals("island", island.get("RawFeatureName").asText());
        assertEquals("Categorical", island.get("TypeDetected").asText());
        assertEquals("No", island.get("Dropped").asText());
        assertEquals(4, island.get("EngineeredFeatureCount").asInt(), island.toString());
        // Guardrails: 68 Chinstraps are 45 % of the 152 Adelies; bill, flipper, mass and sex have gaps.
        JsonNode guardrails = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                work.resolve("out/guardrails.json").toFile());
        java.util.Map<String, String> status = new java.util.LinkedHashMap<>();
        guardrails.forEach(g -> status.put(g.get("name").asText(), g.get("status").asText()));
        assertEquals(java.util.Map.of("Class balancing detection", "passed", "Missing feature values imputation", "done",
                "High cardinality feature detection", "passed", "Columns dropped", "passed",
                "Target leakage detection", "passed", "Validation split handling", "passed"), status);
        assertTrue(r.stdout().contains("Guardrail 'Missing feature values imputation': done."), r.stdout());

        JarRunner.Result p = JarRunner.run(work, "predict", "--model", "out/model", "--data",
                JarRunner.testdata("penguins/penguins.csv").toString(), "--output", "preds.csv");
        assertEquals(0, p.exitCode(), p.toString());
        List<CSVRecord> preds = csv(work.resolve("preds.csv"));
        assertEquals(344, preds.size());
        assertEquals(List.of("prediction", "proba_Adelie", "proba_Chinstrap", "proba_Gentoo"), preds.get(0).getParser().getHeaderNames());
    }

    @Test
    void regressionWithAzureCustomFeaturization() throws Exception {
        JarRunner.Result r = JarRunner.run(work, "run", JarRunner.testdata("machine_cpu/machine-cpu-job.yml").toString(),
                "--output", "out");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode s = summary(work.resolve("out"));
        assertEquals("regression", s.get("task").asText());
        assertEquals("r2_score", s.get("primary_metric").asText());
        assertEquals(10, s.get("validation").get("folds").asInt());
        assertTrue(r.stdout().contains("The imputer for 'PRP' does not apply"), r.stdout());
        // Published CPU performance is well explained by the machine's specs: tree ensembles reach R^2 ~0.9.
        assertTrue(s.get("best").get("score").asDouble() > 0.75, r.toString());
        JsonNode model = JSON.readTree(work.resolve("out/model/model.json").toFile());
        assertEquals("categorical", model.get("input_columns").get("CHMIN").asText());
        assertTrue(model.get("input_columns").get("ERP") == null, "ERP is dropped by the MLTable");
    }

    /** Log loss, beyond Azure's primary metrics: the leaderboard ranks it lowest first and the summary says so. */
    @Test
    void logLossRanksLowestFirst() throws Exception {
        Path job = work.resolve("penguins.yml");
        Files.writeString(job, "type: automl\ntask: classification\nprimary_metric: log_loss\n"
                + "target_column_name: species\ntraining_data:\n  path: " + JarRunner.testdata("penguins/penguins.csv")
                + "\n  type: uri_file\nlimits:\n  max_trials: 6\ntraining:\n  enable_model_explainability: false\n");
        JarRunner.Result r = JarRunner.run(work, "run", job.toString(), "--output", "out");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode s = summary(work.resolve("out"));
        assertEquals("log_loss", s.get("primary_metric").asText());
        assertTrue(s.get("notes").toString().contains("primary_metric: log_loss is an extension"), s.toString());
        List<Double> losses = csv(work.resolve("out/leaderboard.csv")).stream()
                .filter(row -> row.get("status").equals("completed"))
                .map(row -> Double.parseDouble(row.get("log_loss"))).toList();
        assertTrue(losses.size() >= 6, losses.toString());
        for (int i = 1; i < losses.size(); i++) {
            assertTrue(losses.get(i - 1) <= losses.get(i), "lowest first: " + losses);
        }
        // Penguins separate almost perfectly: the best probabilities are sharp and right.
        assertTrue(losses.get(0) < 0.05, losses.toString());
    }

    @Test
    void threeFoldsFromAThousandRows() throws Exception {
        // concrete: 1,030 rows, just above Azure's 1,000-row threshold.
        Path job = job("concrete", "regression", "compressive_strength", "concrete/concrete.csv", "uri_file",
                "limits:\n  max_trials: 2\n");
        JarRunner.Result r = JarRunner.run(work, "run", job.toString(), "--output", "out");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode s = summary(work.resolve("out"));
        assertEquals("kfold", s.get("validation").get("type").asText());
        assertEquals(3, s.get("validation").get("folds").asInt());
        assertEquals("normalized_root_mean_squared_error", s.get("primary_metric").asText());
    }

    @Test
    void tenFoldsJustBelowAThousandRows() throws Exception {
        Path job = job("blood", "classification", "donated", "blood_transfusion/blood_transfusion.csv", "uri_file",
                "limits:\n  max_trials: 2\n");
        JarRunner.Result r = JarRunner.run(work, "run", job.toString(), "--output", "out");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(10, summary(work.resolve("out")).get("validation").get("folds").asInt());
    }

    /** An MLTable folder over covertype that keeps the first {@code rows} rows. */
    private Path covertypeTable(String name, int rows) throws IOException {
        Path dir = work.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("MLTable"), "paths:\n  - file: " + JarRunner.testdata("covertype/covertype.csv.gz")
                + "\ntransformations:\n  - read_delimited:\n      delimiter: ','\n  - take: " + rows + "\n");
        return dir;
    }

    @Test
    void twentyThousandRowsAreCrossValidatedOneMoreIsHeldOut() throws Exception {
        for (int rows : new int[] {20_000, 20_001}) {
            Path table = covertypeTable("cover" + rows, rows);
            Path job = work.resolve("cover" + rows + ".yml");
            Files.writeString(job, "type: automl\ntask: classification\ntarget_column_name: Cover_Type\n"
                    + "training_data:\n  path: " + table + "\n  type: mltable\n"
                    + "training:\n  allowed_training_algorithms: [LightGBM]\nlimits:\n  max_trials: 1\n  timeout_minutes: 0.25\n");
            JarRunner.Result r = JarRunner.run(work, "run", job.toString(), "--output", "out" + rows);
            assertEquals(0, r.exitCode(), r.toString());
            JsonNode v = summary(work.resolve("out" + rows)).get("validation");
            if (rows == 20_000) {
                assertEquals("kfold", v.get("type").asText());
                assertEquals(3, v.get("folds").asInt());
            } else {
                assertEquals("holdout", v.get("type").asText());
                assertEquals(0.1, v.get("fraction").asDouble(), 1e-12);
                assertEquals(2000, v.get("validation_rows").asInt(), 2);
            }
        }
    }

    @Test
    void explicitCrossValidationsAndHoldoutSize() throws Exception {
        Path cv = job("cv", "classification", "donated", "blood_transfusion/blood_transfusion.csv", "uri_file",
                "n_cross_validations: 5\nlimits:\n  max_trials: 1\n");
        JarRunner.Result r = JarRunner.run(work, "run", cv.toString(), "--output", "cv");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(5, summary(work.resolve("cv")).get("validation").get("folds").asInt());

        Path holdout = job("holdout", "classification", "donated", "blood_transfusion/blood_transfusion.csv", "uri_file",
                "validation_data_size: 0.2\nlimits:\n  max_trials: 1\n");
        r = JarRunner.run(work, "run", holdout.toString(), "--output", "holdout");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode v = summary(work.resolve("holdout")).get("validation");
        assertEquals("holdout", v.get("type").asText());
        assertEquals(150, v.get("validation_rows").asInt(), 2);
    }

    @Test
    void blockedAlgorithmsAreNeverTried() throws Exception {
        Path job = job("blocked", "classification", "donated", "blood_transfusion/blood_transfusion.csv", "uri_file",
                "training:\n  blocked_training_algorithms: [light_gbm, XGBoostClassifier]\nlimits:\n  max_trials: 6\n");
        JarRunner.Result r = JarRunner.run(work, "run", job.toString(), "--output", "out");
        assertEquals(0, r.exitCode(), r.toString());
        List<CSVRecord> board = csv(work.resolve("out/leaderboard.csv"));
        assertEquals(8, board.size());
        for (CSVRecord row : board) {
            assertTrue(!row.get("algorithm").equals("LightGBM") && !row.get("algorithm").equals("XGBoostClassifier"), row.toString());
        }
    }

    @Test
    void ensemblesJoinTheLeaderboardAndTheBestRowIsTheSavedModel() throws Exception {
        Path job = job("ens", "classification", "donated", "blood_transfusion/blood_transfusion.csv", "uri_file",
                "primary_metric: AUC_weighted\nlimits:\n  max_trials: 8\n  max_concurrent_trials: 1\n");
        JarRunner.Result r = JarRunner.run(work, "run", job.toString(), "--output", "out");
        assertEquals(0, r.exitCode(), r.toString());
        List<CSVRecord> board = csv(work.resolve("out/leaderboard.csv"));
        assertEquals(10, board.size());
        CSVRecord vote = board.stream().filter(row -> row.get("algorithm").equals("VotingEnsemble")).findFirst().orElseThrow();
        JsonNode params = new ObjectMapper().readTree(vote.get("hyperparameters"));
        double sum = 0;
        for (JsonNode w : params.get("ensemble_weights")) {
            sum += w.asDouble();
        }
        assertEquals(1.0, sum, 1e-3, vote.toString());
        assertEquals(params.get("ensemble_weights").size(), params.get("ensembled_iterations").size());
        CSVRecord stack = board.stream().filter(row -> row.get("algorithm").equals("StackEnsemble")).findFirst().orElseThrow();
        assertEquals("completed", stack.get("status"), stack.toString());
        assertTrue(stack.get("hyperparameters").contains("\"stack_meta_learner_type\":\"LogisticRegressionCV\""), stack.toString());

        JsonNode s = summary(work.resolve("out"));
        JsonNode model = new ObjectMapper().readTree(work.resolve("out/model/model.json").toFile());
        assertEquals(board.get(0).get("algorithm"), model.get("algorithm").asText());
        assertEquals(board.get(0).get("trial_id"), s.get("refit").get("trial_id").asText());
        assertEquals(0.0, s.get("timing").get("overshoot_seconds").asDouble(), s.toString());

        JarRunner.Result p = JarRunner.run(work, "predict", "--model", "out/model", "--data",
                JarRunner.testdata("blood_transfusion/blood_transfusion.csv").toString(), "--output", "preds.csv");
        assertEquals(0, p.exitCode(), p.toString());
        List<CSVRecord> preds = csv(work.resolve("preds.csv"));
        assertEquals(748, preds.size());
        for (CSVRecord row : preds) {
            assertEquals(1.0, Double.parseDouble(row.get("proba_0")) + Double.parseDouble(row.get("proba_1")), 1e-6);
        }
    }

    @Test
    void sameSeedSameLeaderboard() throws Exception {
        // Past the learners' start points the search draws learners by their cost for improvement, and early
        // termination ends it: neither may depend on how long trials took on the machine.
        Path job = job("det", "classification", "donated", "blood_transfusion/blood_transfusion.csv", "uri_file",
                "primary_metric: AUC_weighted\nlimits:\n  max_trials: 40\n  max_concurrent_trials: 1\n");
        JarRunner.Result a = JarRunner.run(work, "run", job.toString(), "--output", "a", "--seed", "7");
        JarRunner.Result b = JarRunner.run(work, "run", job.toString(), "--output", "b", "--seed", "7");
        assertEquals(0, a.exitCode(), a.toString());
        assertEquals(0, b.exitCode(), b.toString());
        List<CSVRecord> ra = csv(work.resolve("a/leaderboard.csv"));
        List<CSVRecord> rb = csv(work.resolve("b/leaderboard.csv"));
        assertEquals(summary(work.resolve("a")).get("stopped_because"), summary(work.resolve("b")).get("stopped_because"));
        assertTrue(ra.size() >= 20, "the five learners' start points and more: " + ra.size());
        assertEquals(ra.size(), rb.size());
        for (int i = 0; i < ra.size(); i++) {
            for (String column : ra.get(i).getParser().getHeaderNames()) {
                if (!column.equals("fit_seconds")) {
                    assertEquals(ra.get(i).get(column), rb.get(i).get(column), "row " + i + " column " + column);
                }
            }
        }
    }

    @Test
    void exitScoreStopsTheRunAndConcurrentTrialsShareTheCores() throws Exception {
        // Any working model beats 0.5 accuracy on blood transfusion (76 % of donors are in one class).
        Path job = job("exit", "classification", "donated", "blood_transfusion/blood_transfusion.csv", "uri_file",
                "limits:\n  max_trials: 20\n  max_concurrent_trials: 2\n  exit_score: 0.5\n");
        JarRunner.Result r = JarRunner.run(work, "run", job.toString(), "--output", "out");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode s = summary(work.resolve("out"));
        assertTrue(s.get("stopped_because").asText().startsWith("exit_score (0.5) reached by trial "), s.toString());
        // The first finished trial stops the run; the other one already running is still recorded, and the
        // two ensembles follow.
        assertTrue(s.get("trials").get("total").asInt() <= 5, s.toString());
    }

    @Test
    void weightColumnWeighsRowsAndIsNotAFeature() throws Exception {
        List<String> lines = Files.readAllLines(JarRunner.testdata("blood_transfusion/blood_transfusion.csv"));
        StringBuilder sb = new StringBuilder(lines.get(0) + ",w\n");
        for (int i = 1; i < lines.size(); i++) {
            sb.append(lines.get(i)).append(',').append(i % 3 == 0 ? "2.5" : "1").append('\n');
        }
        Path csv = work.resolve("weighted.csv");
        Files.writeString(csv, sb.toString());
        Path job = work.resolve("weighted.yml");
        Files.writeString(job, "type: automl\ntask: classification\ntarget_column_name: donated\nweight_column_name: w\n"
                + "training_data:\n  path: " + csv + "\n  type: uri_file\nlimits:\n  max_trials: 2\n");
        JarRunner.Result r = JarRunner.run(work, "run", job.toString(), "--output", "out");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode model = JSON.readTree(work.resolve("out/model/model.json").toFile());
        assertTrue(model.get("input_columns").get("w") == null, model.get("input_columns").toString());
        assertEquals(4, model.get("input_columns").size());
    }
}
