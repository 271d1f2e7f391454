package dev.automl.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.trial.Leaderboard;
import dev.automl.engine.trial.TrialRows;
import dev.automl.engine.trial.TrialStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report stage: the final summary.json from the other stages' results, and how the run ended. */
class ReportStageTest {

    @TempDir
    Path dir;

    @AfterEach
    void closeFolders() {
        StageFixture.closeFolders();
    }

    @Test
    void aRunWhoseTrialsAllFailedEndsWithoutAModelAndSaysWhereTheReasonsAre() throws Exception {
        StageFixture f = new StageFixture(dir);
        JobSpec spec = StageFixture.job(List.of("LightGBM"), 2, 3).build();
        RunContext ctx = f.context(spec, 10);
        Prepared p = f.prepare(spec, ctx);
        Leaderboard board = new Leaderboard(spec.primaryMetric());
        board.add(TrialRows.of(1, "LightGBM").status(TrialStatus.FAILED).seconds(0.5).build());
        board.add(TrialRows.of(2, "LightGBM").status(TrialStatus.TIMED_OUT).seconds(0.5).build());
        SearchResult searched = new SearchResult(board, "max_trials (2) reached", false, new StandInModels(),
                new RefitEstimate(p.plan(), 2), 1.0);

        AutoMLRun.Outcome outcome = new ReportStage(ctx).report(p, searched, EnsembleResult.none(0), FinishResult.nothing());

        assertFalse(outcome.modelSaved());
        assertEquals("max_trials (2) reached", outcome.stoppedBecause());
        assertEquals(dir, outcome.outputDir());
        assertTrue(f.reporter.said("No trial completed; see " + dir.resolve("trials.jsonl")), f.reporter.lines.toString());
        JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals("failed", s.get("status").asText());
        assertEquals("max_trials (2) reached", s.get("stopped_because").asText());
        assertEquals(1, s.get("trials").get("failed").asInt());
        assertEquals(1, s.get("trials").get("timed_out").asInt());
        assertNull(s.get("best"));
        assertNull(s.get("refit"));
        assertNull(s.get("timing").get("refit_seconds"), "no refit was tried");
        assertEquals(600.0, s.get("timing").get("timeout_seconds").asDouble());
        assertEquals(1.0, s.get("timing").get("search_seconds").asDouble());
    }
}
