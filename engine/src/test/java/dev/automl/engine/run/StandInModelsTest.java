package dev.automl.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.engine.trial.Leaderboard;
import dev.automl.engine.trial.TrialOutcome;
import dev.automl.engine.trial.TrialResult;
import dev.automl.engine.trial.TrialRows;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.metrics.MetricCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first-fold models kept as stand-ins: the ensemble's candidates only, the others closed as they drop out. */
class StandInModelsTest {

    /** A model that remembers being closed. */
    private static final class Model implements FittedModel {
        boolean closed;

        @Override
        public Predictions predict(FeatureMatrix x) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void save(Path dir) {
        }

        @Override
        public Params fittedParams() {
            return Params.empty();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void keepsTheBestTenAndTheBestOfEachAlgorithmAndClosesTheRest() {
        Leaderboard board = new Leaderboard(MetricCatalog.find("accuracy").orElseThrow());
        List<Model> models = new ArrayList<>();
        try (StandInModels standIns = new StandInModels()) {
            // Twelve LightGBM trials, each better than the last, then a worse logistic regression.
            for (int id = 1; id <= 13; id++) {
                TrialResult r = TrialRows.of(id, id <= 12 ? "LightGBM" : "LogisticRegression")
                        .score(id <= 12 ? 0.5 + id / 100.0 : 0.4).predictions(new double[] {0.5, 0.5}).build();
                board.add(r);
                Model m = new Model();
                models.add(m);
                standIns.offer(new TrialOutcome(r, m), board);
            }
            assertTrue(models.get(0).closed && models.get(1).closed, "the two worst LightGBM trials fell out of the best ten");
            assertFalse(models.get(2).closed);
            assertTrue(standIns.hasAll(List.of(3, 4, 12, 13)), "the logistic regression is the best of its algorithm");
            assertFalse(standIns.hasAll(List.of(1)));
            assertEquals(List.of(models.get(11)), standIns.takeAll(List.of(12)));
            assertTrue(standIns.take(12).isEmpty(), "a model handed over is no longer kept");
        }
        assertTrue(models.get(2).closed && models.get(12).closed, "closing closes what is still kept");
        assertFalse(models.get(11).closed, "the model handed over is its taker's to close");
    }
}
