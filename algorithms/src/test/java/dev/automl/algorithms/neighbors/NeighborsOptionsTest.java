package dev.automl.algorithms.neighbors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.automl.algorithms.OptionsContract;
import dev.automl.algorithms.Params;
import dev.automl.data.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KNN's options record: defaults, round trips and messages. */
class NeighborsOptionsTest {

    @Test
    void defaultsAreScikitLearns() {
        KNearestNeighbors.Options o = KNearestNeighbors.Options.of(Params.empty());
        assertEquals(5, o.nNeighbors());
        assertEquals(KNearestNeighbors.Weights.UNIFORM, o.weights());
        assertEquals(Params.of("n_neighbors", 5, "weights", "uniform", "kept_rows", 100), o.fitted(100));
        assertEquals(Params.of("n_neighbors", 5, "weights", "uniform"),
                new KNearestNeighbors().portfolio(Task.REGRESSION, OptionsContract.SHAPE).get(0));
    }

    @Test
    void everyPortfolioEntryAndSampleReadsAndWritesBack() {
        for (Task task : List.of(Task.CLASSIFICATION, Task.REGRESSION)) {
            OptionsContract.check(new KNearestNeighbors(), task, KNearestNeighbors.Options::of,
                    KNearestNeighbors.Options::toParams);
        }
        KNearestNeighbors.Options o = KNearestNeighbors.Options.of(Params.of("weights", "distance"));
        assertEquals(o, KNearestNeighbors.Options.of(o.fitted(561)));
    }

    @Test
    void unknownKeysAndBadValuesFailAsBefore() {
        assertEquals("KNN has no hyperparameter k; it takes kept_rows, n_neighbors, weights",
                assertThrows(IllegalArgumentException.class,
                        () -> KNearestNeighbors.Options.of(Params.of("k", 3))).getMessage());
        assertEquals("KNN: weights must be uniform or distance, not bogus", assertThrows(IllegalArgumentException.class,
                () -> KNearestNeighbors.Options.of(Params.of("weights", "bogus"))).getMessage());
        assertEquals("KNN: n_neighbors must be at least 1", assertThrows(IllegalArgumentException.class,
                () -> KNearestNeighbors.Options.of(Params.of("n_neighbors", 0))).getMessage());
    }
}
