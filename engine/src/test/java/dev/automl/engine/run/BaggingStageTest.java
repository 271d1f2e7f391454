package dev.automl.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.algorithms.Predictions;
import dev.automl.data.DataSource;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.model.ModelStore;
import dev.automl.engine.model.TrainedPipeline;
import dev.automl.engine.trial.Candidate;
import dev.automl.engine.trial.TrialOrigin;
import dev.automl.engine.trial.TrialResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bagging stage on blood transfusion (748 rows, 3 folds) after a search that ended with time left: the best
 * configurations cross-validated again, rows whose predictions average the repeats, and a saved bag that predicts
 * as the pipeline did.
 */
class BaggingStageTest {

    @TempDir
    Path dir;

    @AfterEach
    void closeFolders() {
        StageFixture.closeFolders();
    }

    @Test
    void aSearchThatEndedEarlyIsFollowedByBaggedRowsAndTheBestIsSavedAsABag() throws Exception {
        StageFixture f = new StageFixture(dir);
        JobSpec spec = StageFixture.job(List.of("LogisticRegression"), 3, 3).build();
        RunContext ctx = f.context(spec, 2);
        Prepared p = f.prepare(spec, ctx);
        SearchResult s = new SearchStage(ctx).search(p);
        // As if early termination had stopped it: max_trials leaves no time to the bagging stage.
        assertEquals(0, new BaggingStage(ctx).bagging(p, s).rows().size());
        SearchResult early = new SearchResult(s.board(), "early termination", true, s.standIns(), s.estimate(), s.seconds());

        BaggingResult bagged = new BaggingStage(ctx).bagging(p, early);

        assertEquals(3, bagged.rows().size(), "every completed trial is among the best six");
        assertEquals(15, BaggingStage.maxRepeats(3), "16 rounds of 3 folds: 48 models, within the bound of 50");
        assertEquals(15, bagged.repeats(), "logistic regression on 748 rows is fast: every repeat fits");
        for (TrialResult row : bagged.rows()) {
            Candidate.Configuration c = (Candidate.Configuration) row.candidate();
            assertEquals(TrialOrigin.BAGGED, c.origin());
            assertEquals(48, c.bag().size());
            assertEquals(48, row.foldsFitted());
            assertTrue(row.reason().matches("trial \\d cross-validated 16 times; its model averages 48 fold models"),
                    row.reason());
            assertEquals(p.data().target().size() * 2, row.validPredictions().length);
            assertTrue(row.score() > 0.65, "AUC_weighted " + row.score());
        }
        assertTrue(f.reporter.said("The search ended with "), f.reporter.lines.toString());

        // The best bagged row, saved: each of its 48 models in a folder of its own, and it predicts as it did.
        TrialResult best = bagged.rows().stream().max((a, b) -> Double.compare(a.score(), b.score())).orElseThrow();
        SearchResult only = new SearchResult(boardOf(early, best), "early termination", true, s.standIns(),
                s.estimate(), s.seconds());
        FinishResult finished = new FinishStage(ctx).finish(p, only);
        assertEquals(best.id(), finished.saved().row().id());
        JsonNode model = new ObjectMapper().readTree(dir.resolve("model/model.json").toFile());
        assertEquals(48, model.get("members").get(0).get("bagged").asInt());
        assertTrue(dir.resolve("model/members/0/47").toFile().isDirectory());
        ModelStore.LoadedModel loaded = ModelStore.load(dir.resolve("model"), StageFixture.CATALOG);
        try (TrainedPipeline pipeline = loaded.pipeline()) {
            Predictions predicted = pipeline.predict(DataSource.read(StageFixture.BLOOD, p.data().schema()));
            assertEquals(p.data().target().size(), predicted.rows());
            for (int i = 0; i < predicted.rows(); i++) {
                assertEquals(1.0, predicted.probability(i, 0) + predicted.probability(i, 1), 1e-9);
            }
        }
        s.standIns().close();
    }

    /** A leaderboard of one row, so that the finish stage saves that row. */
    private static dev.automl.engine.trial.Leaderboard boardOf(SearchResult s, TrialResult row) {
        dev.automl.engine.trial.Leaderboard board = new dev.automl.engine.trial.Leaderboard(s.board().primary());
        board.add(row);
        return board;
    }
}
