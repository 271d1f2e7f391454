package dev.automl.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.job.Limits;
import dev.automl.engine.trial.Candidate;
import dev.automl.engine.trial.TrialOrigin;
import dev.automl.engine.trial.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search stage on blood transfusion: trials recorded as they end, the stop reasons, and the stand-ins kept. */
class SearchStageTest {

    @TempDir
    Path dir;

    @AfterEach
    void closeFolders() {
        StageFixture.closeFolders();
    }

    @Test
    void runsMaxTrialsRecordsEachAndKeepsTheFirstFoldModelsOfTheBest() throws Exception {
        StageFixture f = new StageFixture(dir);
        JobSpec spec = StageFixture.job(List.of("LightGBM", "LogisticRegression"), 4, 3).build();
        RunContext ctx = f.context(spec, 10);
        Prepared p = f.prepare(spec, ctx);
        SearchResult s = new SearchStage(ctx).search(p);
        try (StandInModels standIns = s.standIns()) {
            assertEquals("max_trials (4) reached", s.stoppedBecause());
            assertEquals(4, s.board().size());
            // Each learner's cheap start point first, in catalog order, from its portfolio.
            List<TrialResult> byId = s.board().ranked().stream().sorted((a, b) -> a.id() - b.id()).toList();
            assertEquals(List.of("LightGBM", "LogisticRegression"), byId.subList(0, 2).stream().map(TrialResult::algorithm).toList());
            assertEquals(TrialOrigin.PORTFOLIO, byId.get(0).candidate().origin());
            assertTrue(byId.get(0).candidate() instanceof Candidate.Configuration c && c.learner().name().equals("LightGBM"));
            for (TrialResult r : byId) {
                assertTrue(r.completed(), r.toString());
                // Any working model tells donors apart better than chance on blood transfusion (AUC ~0.75).
                assertTrue(r.score() > 0.65, r.toString());
                assertEquals(3, r.foldsFitted());
                assertEquals(748 * 2, r.validPredictions().length, "out-of-fold probabilities of both classes");
            }
            assertTrue(s.estimate().required(), "with k folds the refit on all rows is planned for");
            assertTrue(standIns.hasAll(byId.stream().map(TrialResult::id).toList()),
                    "four trials are all among the ensemble's candidates, so their first-fold models are kept");

            List<String> lines = Files.readAllLines(dir.resolve("trials.jsonl"));
            assertEquals(4, lines.size());
            JsonNode first = new ObjectMapper().readTree(lines.get(0));
            assertEquals(1, first.get("trial_id").asInt());
            assertEquals("portfolio", first.get("origin").asText());
            assertEquals(5, Files.readAllLines(dir.resolve("leaderboard.csv")).size());
            assertEquals(4, f.reporter.finished.size());
            assertTrue(f.reporter.said("Search ended: max_trials (4) reached."), f.reporter.lines.toString());
        }
    }

    @Test
    void aTrialMayTakeItsShareOfTheSearchsTimeLeftAndALearnersFirstTrialLess() {
        assertEquals(10, SearchStage.share(100, SearchStage.FIRST_SHARE), 1e-12, "a tenth for a learner's cheap start");
        assertEquals(25, SearchStage.share(100, SearchStage.FAIR_SHARE), 1e-12, "a quarter after");
        assertEquals(50, SearchStage.share(100, SearchStage.GROW_SHARE), 1e-12, "half for the leader on a larger sample");
        assertEquals(5, SearchStage.share(30, SearchStage.FIRST_SHARE), 1e-12, "never below five seconds");
        assertEquals(8, SearchStage.share(8, SearchStage.FAIR_SHARE), 1e-12, "all of it when a share would leave under five seconds");
    }

    @Test
    void exitScoreStopsTheSearchAtTheFirstTrialThatReachesIt() {
        StageFixture f = new StageFixture(dir);
        JobSpec spec = StageFixture.job(List.of("LogisticRegression"), 10, 3)
                .limits(Limits.builder().maxTrials(10).exitScore(0.5).build()).build();
        RunContext ctx = f.context(spec, 10);
        SearchResult s = new SearchStage(ctx).search(f.prepare(spec, ctx));
        s.standIns().close();
        assertEquals("exit_score (0.5) reached by trial 1", s.stoppedBecause());
        assertEquals(1, s.board().size());
    }

    @Test
    void aSearchWithNoTimeLeftStopsAtTheTimeout() {
        StageFixture f = new StageFixture(dir);
        JobSpec spec = StageFixture.job(List.of("LightGBM"), 10, 3)
                .limits(Limits.builder().maxTrials(10).timeoutMinutes(0.05).build()).build();
        // A promise of three seconds, all of them kept for the ensembles, the refit and saving.
        RunContext ctx = f.context(spec, spec.limits().timeoutMinutes());
        SearchResult s = new SearchStage(ctx).search(f.prepare(spec, ctx));
        s.standIns().close();
        assertEquals("timeout_minutes (0.05) reached", s.stoppedBecause());
        assertEquals(0, s.board().size());
    }
}
