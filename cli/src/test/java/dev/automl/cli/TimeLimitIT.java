package dev.automl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time promise on real jobs: a run returns within timeout_minutes + 10 % + 15 s, JVM start and the final
 * refit included. These are correctness checks of a promise, not performance targets.
 */
class TimeLimitIT {

    @TempDir
    Path work;

    @Test
    void oneMinuteOnCovertypeKeepsThePromise() throws Exception {
        Path job = work.resolve("covertype.yml");
        Files.writeString(job, "type: automl\ntask: classification\ntarget_column_name: Cover_Type\n"
                + "training_data:\n  path: " + JarRunner.testdata("covertype/covertype.csv.gz") + "\n  type: uri_file\n"
                + "limits:\n  timeout_minutes: 1\n");
        JarRunner.Result r = JarRunner.run(work, "run", job.toString(), "--output", "out");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.seconds() < 60 * 1.1 + 15, "took " + r.seconds() + " s\n" + r);
        JsonNode s = RunJobIT.summary(work.resolve("out"));
        assertEquals(100_000, s.get("rows").asInt());
        assertTrue(s.get("trials").get("completed").asInt() >= 1, r.toString());
    }

    @Test
    void trialsPastTheirTimeoutStopAndAreRecordedAsTimedOut() throws Exception {
        Path job = work.resolve("covertype-trials.yml");
        Files.writeString(job, "type: automl\ntask: classification\ntarget_column_name: Cover_Type\n"
                + "training_data:\n  path: " + JarRunner.testdata("covertype/covertype.csv.gz") + "\n  type: uri_file\n"
                + "training:\n  allowed_training_algorithms: [LightGBM]\n"
                + "limits:\n  trial_timeout_minutes: 0.05\n  max_trials: 2\n");
        JarRunner.Result r = JarRunner.run(work, "run", job.toString(), "--output", "out");
        // LightGBM needs far more than 3 s on 90,000 rows: the first trial stops at its limit, and since
        // LightGBM's fastest trial took longer than a trial may, no second one is started. No model is left.
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.seconds() < 2 * (3 + 3) + 10, "took " + r.seconds() + " s\n" + r);
        JsonNode s = RunJobIT.summary(work.resolve("out"));
        assertEquals(1, s.get("trials").get("timed_out").asInt(), s.toString());
        assertEquals("no algorithm's next trial is expected to fit in the time left", s.get("stopped_because").asText());
        for (String line : Files.readAllLines(work.resolve("out/trials.jsonl"))) {
            assertTrue(line.contains("\"status\":\"timed_out\"") && line.contains("trial_timeout_minutes: 0.05"), line);
        }
    }

    @Test
    void bankMarketingJobFromTheReadme() throws Exception {
        JarRunner.Result r = JarRunner.run(work, "run",
                JarRunner.testdata("bank_marketing/bank-marketing-job.yml").toString(), "--output", "out");
        assertEquals(0, r.exitCode(), r.toString());
        // The explanation is within timeout_minutes: the run keeps time for it (issue 18: overshoot under 2 %).
        JsonNode s = RunJobIT.summary(work.resolve("out"));
        assertTrue(s.get("timing").get("overshoot_percent").asDouble() < 2, s.get("timing").toString());
        assertTrue(r.seconds() < 120 * 1.02 + 3, "took " + r.seconds() + " s\n" + r);
        assertTrue(s.get("timing").get("explain_seconds").asDouble() <= 12 + 1, s.get("timing").toString());
        assertEquals("user", s.get("validation").get("type").asText());
        // Azure's example explains its model: call duration, known only after the call, leads the importances.
        List<String> raw = Files.readAllLines(work.resolve("out/explanations/raw_importance.csv"));
        assertTrue(raw.get(1).startsWith("duration,"), raw.toString());
        // The bar; Azure's own example reaches about 0.94-0.95 AUC_weighted on this split.
        assertTrue(s.get("test").get("AUC_weighted").asDouble() >= 0.94, r.toString());
    }
}
