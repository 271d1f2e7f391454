package dev.automl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prediction on new data with categories and gaps the training data did not have. */
class PredictIT {

    @TempDir
    Path work;

    @Test
    void unseenCategoryAndMissingValuesArePredicted() throws Exception {
        // The penguins with a running number in front, which featurization drops as ID-like.
        List<String> lines = Files.readAllLines(JarRunner.testdata("penguins/penguins.csv"));
        StringBuilder train = new StringBuilder("row_id," + lines.get(0) + "\n");
        for (int i = 1; i < lines.size(); i++) {
            train.append(i).append(',').append(lines.get(i)).append('\n');
        }
        Files.writeString(work.resolve("train.csv"), train);
        Path job = work.resolve("job.yml");
        Files.writeString(job, "type: automl\ntask: classification\ntarget_column_name: species\n"
                + "training_data:\n  path: " + work.resolve("train.csv") + "\n  type: uri_file\n"
                + "limits:\n  max_trials: 3\n");
        JarRunner.Result run = JarRunner.run(work, "run", job.toString(), "--output", "out");
        assertEquals(0, run.exitCode(), run.toString());

        // 'Atlantis' is an island the model never saw; the second row has no measurements and no sex.
        Path csv = work.resolve("new.csv");
        Files.writeString(csv, "island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year\n"
                + "Atlantis,46.1,13.2,211,4500,female,2008\n"
                + "Biscoe,,,,,,2009\n"
                + "Torgersen,39.1,18.7,181,3750,male,2007\n");
        JarRunner.Result p = JarRunner.run(work, "predict", "--model", "out/model", "--data", csv.toString(), "--output", "p.csv");
        assertEquals(0, p.exitCode(), p.toString());
        assertTrue(p.stdout().contains("1 values were categories the model had not seen"), p.stdout());
        assertTrue(!p.stdout().contains("Ignored"), p.stdout());
        assertTrue(p.stdout().contains("Absent, and not needed (training dropped them): row_id."), p.stdout());

        // The training file itself: its target column is not a feature, and is reported as ignored.
        JarRunner.Result again = JarRunner.run(work, "predict", "--model", "out/model", "--data",
                JarRunner.testdata("penguins/penguins.csv").toString(), "--output", "again.csv");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.stdout().contains("Ignored 1 column the model does not use: species."), again.stdout());
        List<CSVRecord> rows = RunJobIT.csv(work.resolve("p.csv"));
        assertEquals(3, rows.size());
        // A Gentoo-sized bird and a textbook Adelie (the first row of the training data).
        assertEquals("Gentoo", rows.get(0).get("prediction"));
        assertEquals("Adelie", rows.get(2).get("prediction"));
        for (CSVRecord r : rows) {
            double sum = Double.parseDouble(r.get("proba_Adelie")) + Double.parseDouble(r.get("proba_Chinstrap"))
                    + Double.parseDouble(r.get("proba_Gentoo"));
            assertEquals(1.0, sum, 1e-6);
        }
    }

    /** Runs a penguins job with one algorithm and no ensembles, so that the saved model is that algorithm's. */
    private void runWith(String algorithm, String output) throws Exception {
        Path job = work.resolve(algorithm + ".yml");
        Files.writeString(job, "type: automl\ntask: classification\ntarget_column_name: species\n"
                + "training_data:\n  path: " + JarRunner.testdata("penguins/penguins.csv") + "\n  type: uri_file\n"
                + "limits:\n  max_trials: 2\ntraining:\n  allowed_training_algorithms: [" + algorithm + "]\n"
                + "  enable_vote_ensemble: false\n  enable_stack_ensemble: false\n");
        JarRunner.Result run = JarRunner.run(work, "run", job.toString(), "--output", output);
        assertEquals(0, run.exitCode(), run.toString());
    }

    @Test
    void explainAddsEachRowsLargestContributionsExactForTreesAndSampledOtherwise() throws Exception {
        Path data = JarRunner.testdata("penguins/penguins.csv");
        List<String> columns = List.of("island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm",
                "body_mass_g", "sex", "year");
        for (String algorithm : List.of("LightGBM", "KNN")) {
            runWith(algorithm, algorithm);
            Path out = work.resolve(algorithm + ".csv");
            JarRunner.Result p = JarRunner.run(work, "predict", "--model", algorithm + "/model", "--data",
                    data.toString(), "--output", out.toString(), "--explain", "3");
            assertEquals(0, p.exitCode(), p.toString());
            assertTrue(p.stdout().contains(algorithm.equals("LightGBM") ? "exact SHAP values" : "sampled Shapley"),
                    p.stdout());
            List<CSVRecord> rows = RunJobIT.csv(out);
            assertEquals(344, rows.size());
            assertTrue(rows.get(0).isMapped("explain_3_value") && !rows.get(0).isMapped("explain_4_value"));
            Map<String, Integer> leaders = new HashMap<>();
            for (CSVRecord r : rows) {
                double previous = Double.POSITIVE_INFINITY;
                for (int k = 1; k <= 3; k++) {
                    assertTrue(columns.contains(r.get("explain_" + k + "_feature")), r.toString());
                    double v = Math.abs(Double.parseDouble(r.get("explain_" + k + "_value")));
                    assertTrue(v <= previous, "largest first: " + r);
                    previous = v;
                }
                leaders.merge(r.get("explain_1_feature"), 1, Integer::sum);
            }
            // The species differ by their bills above all (Adelie's short one); the year of measuring tells nothing.
            String first = leaders.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertEquals("bill_length_mm", first, algorithm + ": " + leaders);
            assertTrue(!leaders.containsKey("year"), algorithm + ": " + leaders);
        }
        JarRunner.Result negative = JarRunner.run(work, "predict", "--model", "KNN/model", "--data", data.toString(),
                "--output", "x.csv", "--explain", "-1");
        assertEquals(2, negative.exitCode(), negative.toString());
        assertTrue(negative.stderr().contains("--explain must be 0 or more, got -1."), negative.stderr());
    }
}
