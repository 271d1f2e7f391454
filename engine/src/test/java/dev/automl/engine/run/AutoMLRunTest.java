package dev.automl.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.engine.job.JobSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The five stages in a row on blood transfusion, in process: what the run returns and the summary.json it leaves. */
class AutoMLRunTest {

    @TempDir
    Path dir;

    @Test
    void theStagesRunInOrderAndTheSummaryIsBuiltFromTheirResults() throws Exception {
        JobSpec spec = StageFixture.job(List.of("LightGBM", "LogisticRegression"), 3, 3).build();
        StageFixture.Recorder reporter = new StageFixture.Recorder();
        AutoMLRun.Outcome outcome = new AutoMLRun(StageFixture.CATALOG, reporter).execute(spec,
                new AutoMLRun.Options(dir, 7, System.nanoTime(), 2));

        assertTrue(outcome.modelSaved());
        assertEquals("max_trials (3) reached", outcome.stoppedBecause());
        assertEquals(5, outcome.leaderboard().size(), "three trials, the vote and the stack");
        JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        List<String> keys = new ArrayList<>();
        s.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("task", "primary_metric", "target_column", "rows", "feature_columns", "classes", "validation",
                "seed", "timeout_minutes", "ignored_keys", "notes", "engine_version", "status", "stopped_because", "refit",
                "model", "trials", "best", "explanation", "timing", "seconds"), keys);
        assertEquals("completed", s.get("status").asText());
        assertEquals(outcome.leaderboard().best().orElseThrow().id(), s.get("best").get("trial_id").asInt());
        assertEquals(s.get("best").get("trial_id"), s.get("refit").get("trial_id"));
        List<String> timing = new ArrayList<>();
        s.get("timing").fieldNames().forEachRemaining(timing::add);
        assertEquals(List.of("search_seconds", "ensemble_seconds", "refit_seconds", "save_seconds", "explain_seconds",
                "total_seconds", "timeout_seconds", "overshoot_seconds", "overshoot_percent"), timing);
        // Azure explains the best model by default: each raw column's permutation importance, most important first.
        assertEquals("permutation_importance", s.get("explanation").get("method").asText());
        List<String> raw = Files.readAllLines(dir.resolve("explanations/raw_importance.csv"));
        assertEquals("column,importance,std,repeats", raw.get(0));
        assertTrue(raw.size() > 2, raw.toString());
        assertTrue(Files.exists(dir.resolve("explanations/engineered_importance.csv")));
        assertTrue(Files.exists(dir.resolve("explanations/explanation.json")));
        List<String> trials = Files.readAllLines(dir.resolve("trials.jsonl"));
        assertEquals(5, trials.size());
        double before = 0;
        for (String line : trials) {
            double elapsed = new ObjectMapper().readTree(line).get("elapsed_seconds").asDouble();
            assertTrue(elapsed >= before && elapsed > 0, "elapsed_seconds grows from the run's start: " + trials);
            before = elapsed;
        }
        // Azure's chart data of the saved model, on its validation predictions (no test data here).
        for (String file : List.of("confusion_matrix.json", "accuracy_table.json", "calibration_curve.json")) {
            assertTrue(Files.exists(dir.resolve("metrics").resolve(file)), file);
        }
        JsonNode cm = new ObjectMapper().readTree(dir.resolve("metrics/confusion_matrix.json").toFile());
        long counted = 0;
        for (JsonNode row : cm.get("data").get("matrix")) {
            for (JsonNode cell : row) {
                counted += cell.asLong();
            }
        }
        assertEquals(s.get("rows").asLong(), counted, "every validation row once (3 folds cover all rows)");
        assertTrue(Files.notExists(dir.resolve("metrics/test")));
        int search = reporter.lines.indexOf("Search ended: max_trials (3) reached.");
        assertTrue(search > 0 && reporter.lines.stream().anyMatch(l -> l.startsWith("Model saved to ")),
                reporter.lines.toString());
        assertTrue(reporter.lines.get(reporter.lines.size() - 2).startsWith("Explained the model on "),
                reporter.lines.toString());
        assertEquals("Report: " + dir.resolve("report.html"), reporter.lines.get(reporter.lines.size() - 1));
        assertTrue(Files.readString(dir.resolve("report.html")).contains("Confusion matrix, counts (validation)"));
    }
}
