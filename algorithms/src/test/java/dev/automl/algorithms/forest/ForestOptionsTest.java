package dev.automl.algorithms.forest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.OptionsContract;
import dev.automl.algorithms.Params;
import dev.automl.data.Task;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The forests' and the decision tree's options records: defaults, round trips and messages. */
class ForestOptionsTest {

    private static final Task C = Task.CLASSIFICATION;
    private static final Task R = Task.REGRESSION;

    private static void fails(String message, Executable read) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, read).getMessage());
    }

    @Test
    void randomForestDefaults() {
        RandomForest.Options c = RandomForest.Options.of(Params.empty(), C);
        assertEquals(300, c.nEstimators());
        assertEquals(MaxFeatures.Rule.SQRT, c.splits().maxFeatures());
        assertEquals("sqrt", c.splits().maxFeatures().value());
        assertEquals(SplitCriterion.Kind.GINI, c.splits().criterion());
        assertEquals(1, c.shape().minSamplesLeaf());
        assertEquals(15000, c.shape().maxLeafNodes());
        assertEquals(0, c.shape().maxDepth());
        RandomForest.Options r = RandomForest.Options.of(Params.empty(), R);
        assertEquals(new MaxFeatures.Fraction(1.0), r.splits().maxFeatures());
        assertEquals(1.0, r.splits().maxFeatures().value());
        assertEquals(SplitCriterion.Kind.VARIANCE, r.splits().criterion());
        assertEquals(c.shape(), r.shape());
    }

    @Test
    void extremeRandomTreesDefaults() {
        ExtremeRandomTrees.Options c = ExtremeRandomTrees.Options.of(Params.empty(), C);
        assertEquals(300, c.nEstimators());
        assertEquals(MaxFeatures.Rule.SQRT, c.splits().maxFeatures());
        assertEquals(SplitCriterion.Kind.GINI, c.splits().criterion());
        assertEquals(2, c.shape().minSamplesSplit());
        assertEquals(1, c.shape().minSamplesLeaf());
        assertEquals(0, c.shape().maxDepth());
        assertEquals(0, c.shape().maxLeafNodes());
        ExtremeRandomTrees.Options r = ExtremeRandomTrees.Options.of(Params.empty(), R);
        assertEquals(new MaxFeatures.Fraction(1.0), r.splits().maxFeatures());
        assertEquals(SplitCriterion.Kind.VARIANCE, r.splits().criterion());
        assertEquals(c.shape(), r.shape());
    }

    @Test
    void theForestsStartWithFewerTreesOnMoreRows() {
        for (Learner forest : List.of(new RandomForest(), new ExtremeRandomTrees())) {
            assertEquals(Params.empty(), forest.portfolio(C, shape(10_000)).get(0), forest.name());
            // 300 trees x 10,000 rows spread over 50,000 rows: 60 trees.
            assertEquals(Params.of("n_estimators", 60), forest.portfolio(C, shape(50_000)).get(0), forest.name());
            assertEquals(Params.of("n_estimators", 50), forest.portfolio(R, shape(2_610_000)).get(0), forest.name());
        }
    }

    @Test
    void aForestsHeapEstimateHoldsItsGrownTrees() {
        // 300 fully grown trees on 90,000 rows of 7 classes reach the 16 million leaf values' budget, plus the
        // crossing tree: (16,000,000 + 630,000) values x 4 bytes + 2,375,714 leaves x 24 bytes.
        long values = 16_000_000L + 90_000L * 7;
        assertEquals(4 * values + 24 * (values / 7), Forests.modelBytes(90_000, 7, 300, 0, 1, 16_000_000L));
        // RandomForest's default cap of 15,000 leaves: 60 trees x 15,000 leaves x 2 classes.
        assertEquals(4L * 1_800_000 + 24L * 900_000, Forests.modelBytes(50_000, 2, 60, 15_000, 1, 16_000_000L));
        // Regression, 5 rows a leaf: 100 trees x 2,000 leaves of one value.
        assertEquals(4L * 200_000 + 24L * 200_000, Forests.modelBytes(10_000, 0, 100, 0, 5, 16_000_000L));
        long features = 4L * 90_000 * 54;
        assertEquals(features + Forests.modelBytes(90_000, 7, 300, 0, 1, Forests.MAX_LEAF_VALUES),
                new ExtremeRandomTrees().heapBytes(90_000, 54, 7, Params.empty()));
        assertEquals(SmileForest.HEAP_BYTES_PER_VALUE * 90_000 * 54
                        + Forests.modelBytes(90_000, 7, 100, 15_000, 1, Forests.MAX_LEAF_VALUES),
                new RandomForest().heapBytes(90_000, 54, 7, Params.of("n_estimators", 100)));
    }

    private static DataShape shape(int rows) {
        return new DataShape(rows, 12, 2, 0);
    }

    @Test
    void decisionTreeDefaults() {
        DecisionTree.Options c = DecisionTree.Options.of(Params.empty(), C);
        assertEquals(0, c.maxDepth());
        assertEquals(2, c.minSamplesSplit());
        assertEquals(0, c.maxLeafNodes());
        assertEquals(SplitCriterion.Kind.GINI, c.criterion());
        assertEquals(SplitCriterion.Kind.VARIANCE, DecisionTree.Options.of(Params.empty(), R).criterion());
    }

    @Test
    void theDefaultsAreWrittenOutInFull() {
        assertEquals(Params.of("n_estimators", 300, "max_features", "sqrt", "min_samples_leaf", 1,
                "max_leaf_nodes", 15000, "max_depth", 0, "criterion", "gini"),
                RandomForest.Options.of(Params.empty(), C).toParams());
        assertEquals(Params.of("n_estimators", 300, "max_features", 1.0, "min_samples_leaf", 1,
                "max_leaf_nodes", 15000, "max_depth", 0), RandomForest.Options.of(Params.empty(), R).toParams());
        assertEquals(Params.of("n_estimators", 300, "max_features", 1.0, "min_samples_split", 2,
                "min_samples_leaf", 1, "max_depth", 0, "max_leaf_nodes", 0),
                ExtremeRandomTrees.Options.of(Params.empty(), R).toParams());
        assertEquals(Params.of("max_depth", 0, "min_samples_split", 2, "max_leaf_nodes", 0, "criterion", "gini"),
                DecisionTree.Options.of(Params.empty(), C).toParams());
    }

    @Test
    void everyPortfolioEntryAndSampleReadsAndWritesBack() {
        for (Task task : List.of(C, R)) {
            OptionsContract.check(new RandomForest(), task, p -> RandomForest.Options.of(p, task),
                    RandomForest.Options::toParams);
            OptionsContract.check(new ExtremeRandomTrees(), task, p -> ExtremeRandomTrees.Options.of(p, task),
                    ExtremeRandomTrees.Options::toParams);
            OptionsContract.check(new DecisionTree(), task, p -> DecisionTree.Options.of(p, task),
                    DecisionTree.Options::toParams);
        }
        // A count of features is not a fraction, and stays a whole number.
        RandomForest.Options count = RandomForest.Options.of(Params.of("max_features", 3), C);
        assertEquals(new MaxFeatures.Count(3), count.splits().maxFeatures());
        assertEquals(3L, count.toParams().values().get("max_features"));
    }

    @Test
    void unknownKeysFailAsBefore() {
        fails("RandomForest has no hyperparameter n_trees; it takes criterion, max_depth, max_features, "
                + "max_leaf_nodes, min_samples_leaf, n_estimators",
                () -> RandomForest.Options.of(Params.of("n_trees", 5), C));
        fails("ExtremeRandomTrees has no hyperparameter max_trees; it takes criterion, max_depth, max_features, "
                + "max_leaf_nodes, min_samples_leaf, min_samples_split, n_estimators",
                () -> ExtremeRandomTrees.Options.of(Params.of("max_trees", 10), C));
        fails("DecisionTree has no hyperparameter min_samples_leaf; it takes criterion, max_depth, max_leaf_nodes, "
                + "min_samples_split", () -> DecisionTree.Options.of(Params.of("min_samples_leaf", 3), R));
    }

    @Test
    void badValuesFailAsBefore() {
        fails("max_features must be a fraction in (0, 1], got 1.5",
                () -> RandomForest.Options.of(Params.of("max_features", 1.5), C));
        fails("RandomForest: criterion applies to classification only",
                () -> RandomForest.Options.of(Params.of("criterion", "gini"), R));
        fails("ExtremeRandomTrees: min_samples_split must be at least 2, got 1",
                () -> ExtremeRandomTrees.Options.of(Params.of("min_samples_split", 1), C));
        fails("ExtremeRandomTrees: max_features must be a fraction in (0, 1], got 1.5",
                () -> ExtremeRandomTrees.Options.of(Params.of("max_features", 1.5), R));
        fails("DecisionTree: min_samples_split must be at least 2",
                () -> DecisionTree.Options.of(Params.of("min_samples_split", 1), C));
        fails("DecisionTree: criterion must be gini or entropy",
                () -> DecisionTree.Options.of(Params.of("criterion", "log_loss"), C));
    }
}
