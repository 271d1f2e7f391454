package dev.automl.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Deadline;
import dev.automl.data.Table;
import dev.automl.engine.model.TrainedPipeline;
import dev.automl.featurization.Target;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Permutation importance on a synthetic regression where only two of eight columns matter. */
class PermutationImportanceTest {

    @Test
    void theTwoColumnsThatMatterComeFirstForEveryKindOfModel() {
        Table all = TwoColumnsMatter.data(new Random(1));
        Table features = all.drop(List.of("y"));
        Target y = TwoColumnsMatter.target(all);
        for (String algorithm : List.of("LightGBM", "ElasticNet", "RandomForest", "KNN")) {
            try (TrainedPipeline p = TwoColumnsMatter.pipeline(algorithm, features, y)) {
                Explanation r = PermutationImportance.compute(p, features, y, features.columnNames(),
                        TwoColumnsMatter::rmse, 3, 7, Deadline.never());
                assertEquals(3, r.repeats(), algorithm);
                assertEquals(Set.of("x0", "x3"), Set.of(r.raw().get(0).name(), r.raw().get(1).name()), algorithm + ": " + r.raw());
                assertEquals("x0", r.raw().get(0).name(), algorithm + ": x0 weighs 3, x3 2");
                assertTrue(r.raw().get(2).importance() < 0.2 * r.raw().get(1).importance(), algorithm + ": " + r.raw());
                assertEquals(Set.of("x0", "x3"), Set.of(r.engineered().get(0).source(), r.engineered().get(1).source()),
                        algorithm + ": " + r.engineered());
            }
        }
    }

    @Test
    void aSpentBudgetLeavesTheFewestRowsAndSaysItWasCutShort() {
        Table all = TwoColumnsMatter.data(new Random(2));
        Table features = all.drop(List.of("y"));
        Target y = TwoColumnsMatter.target(all);
        try (TrainedPipeline p = TwoColumnsMatter.pipeline("LightGBM", features, y)) {
            Explanation r = PermutationImportance.compute(p, features, y, features.columnNames(),
                    TwoColumnsMatter::rmse, 3, 7, Deadline.afterSeconds(0));
            assertEquals(PermutationImportance.MIN_ROWS, r.rows());
            assertTrue(r.cutShort());
            assertEquals(0, r.repeats());
            // The same seed, the same importances.
            Explanation a = PermutationImportance.compute(p, features, y, features.columnNames(),
                    TwoColumnsMatter::rmse, 2, 7, Deadline.never());
            Explanation b = PermutationImportance.compute(p, features, y, features.columnNames(),
                    TwoColumnsMatter::rmse, 2, 7, Deadline.never());
            assertEquals(a.raw(), b.raw());
        }
    }
}
