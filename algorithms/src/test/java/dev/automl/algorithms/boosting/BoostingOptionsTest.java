package dev.automl.algorithms.boosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.automl.algorithms.OptionsContract;
import dev.automl.algorithms.Params;
import dev.automl.data.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GradientBoosting's options record: scikit-learn's defaults, round trips and messages. */
class BoostingOptionsTest {

    @Test
    void defaultsAreScikitLearns() {
        GradientBoosting.Options o = GradientBoosting.Options.of(Params.empty());
        assertEquals(100, o.nEstimators());
        assertEquals(0.1, o.learningRate());
        assertEquals(3, o.maxDepth());
        assertEquals(1.0, o.subsample());
        assertEquals(1, o.minSamplesLeaf());
        assertEquals(new GradientBoosting.MaxFeatures.Amount(1.0), o.maxFeatures());
        assertEquals(Params.of("n_estimators", 100, "learning_rate", 0.1, "max_depth", 3, "subsample", 1.0,
                "min_samples_leaf", 1, "max_features", 1.0), o.toParams());
    }

    @Test
    void everyPortfolioEntryAndSampleReadsAndWritesBack() {
        for (Task task : List.of(Task.CLASSIFICATION, Task.REGRESSION)) {
            OptionsContract.check(new GradientBoosting(), task, GradientBoosting.Options::of,
                    GradientBoosting.Options::toParams);
        }
        // A whole count stays whole, and a named rule stays its name.
        assertEquals(3L, GradientBoosting.Options.of(Params.of("max_features", 3)).toParams().values()
                .get("max_features"));
        assertEquals("log2", GradientBoosting.Options.of(Params.of("max_features", "log2")).toParams().values()
                .get("max_features"));
    }

    @Test
    void unknownKeysAndBadValuesFailAsBefore() {
        assertEquals("GradientBoosting has no hyperparameter eta; it takes learning_rate, max_depth, max_features, "
                + "min_samples_leaf, n_estimators, subsample", assertThrows(IllegalArgumentException.class,
                        () -> GradientBoosting.Options.of(Params.of("eta", 0.3))).getMessage());
        assertEquals("GradientBoosting: learning_rate must be > 0, subsample in (0, 1], max_depth and "
                + "min_samples_leaf >= 1, got {learning_rate=0.0, max_depth=3, max_features=1.0, min_samples_leaf=1, "
                + "n_estimators=5, subsample=1.0}", assertThrows(IllegalArgumentException.class,
                        () -> GradientBoosting.Options.of(Params.of("learning_rate", 0.0, "n_estimators", 5)))
                .getMessage());
        assertEquals("GradientBoosting: max_features must be > 0, got -1", assertThrows(IllegalArgumentException.class,
                () -> GradientBoosting.Options.of(Params.of("max_features", -1))).getMessage());
        assertEquals("GradientBoosting: max_features must be a number, sqrt or log2, got 'SQRT'",
                assertThrows(IllegalArgumentException.class,
                        () -> GradientBoosting.Options.of(Params.of("max_features", "SQRT"))).getMessage());
    }
}
