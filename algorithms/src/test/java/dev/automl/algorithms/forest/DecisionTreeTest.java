package dev.automl.algorithms.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One CART tree. Floors come from scikit-learn 1.2.1's DecisionTreeClassifier/Regressor (random_state 0) on the
 * same split (every fourth row held out): with max_depth 10, min_samples_split 5, max_leaf_nodes 32 it scores
 * blood_transfusion AUC 0.7039, iris accuracy 0.9730 and concrete R^2 0.7788; unlimited, concrete R^2 0.8539.
 */
class DecisionTreeTest {

    private static final DecisionTree TREE = new DecisionTree();
    private static final Params START = Params.of("max_depth", 10, "min_samples_split", 5, "max_leaf_nodes", 32);

    private static TrialContext ctx() {
        return new TrialContext(Deadline.never(), 1, 1);
    }

    @Test
    void bloodTransfusionAucNearScikitLearns() {
        TestTables.Split s = TestTables.blood(false);
        double auc = TestTables.auc(TREE.fit(s.train(), null, START, ctx()).predict(s.test().x()), s.test().y());
        System.out.printf("DecisionTree blood_transfusion AUC %.4f (scikit-learn 0.7039, floor 0.68)%n", auc);
        assertTrue(auc >= 0.68, "AUC " + auc);
    }

    @Test
    void irisAccuracyNearScikitLearns() {
        TestTables.Split s = TestTables.iris(false);
        double acc = TestTables.accuracy(TREE.fit(s.train(), null, START, ctx()).predict(s.test().x()), s.test().y());
        System.out.printf("DecisionTree iris accuracy %.4f (scikit-learn 0.9730, floor 0.92)%n", acc);
        assertTrue(acc >= 0.92, "accuracy " + acc);
    }

    @Test
    void concreteR2NearScikitLearnsSmallAndFullTrees() {
        TestTables.Split s = TestTables.concrete(false);
        double small = TestTables.r2(TREE.fit(s.train(), null, START, ctx()).predict(s.test().x()), s.test().y());
        double full = TestTables.r2(TREE.fit(s.train(), null, Params.empty(), ctx()).predict(s.test().x()), s.test().y());
        System.out.printf("DecisionTree concrete R^2 %.4f small (scikit-learn 0.7788, floor 0.74), %.4f full "
                + "(scikit-learn 0.8539, floor 0.82)%n", small, full);
        assertTrue(small >= 0.74, "R^2 " + small);
        assertTrue(full >= 0.82, "R^2 " + full);
    }

    @Test
    void leafLimitIsKeptAndTheSavedTreePredictsTheSame(@TempDir Path dir) throws Exception {
        TestTables.Split s = TestTables.concrete(false);
        FittedModel m = TREE.fit(s.train(), null, Params.of("max_leaf_nodes", 8), ctx());
        double[] values = m.predict(s.test().x()).values();
        long distinct = java.util.Arrays.stream(values).distinct().count();
        assertTrue(distinct <= 8, distinct + " distinct predictions from 8 leaves");
        m.save(dir);
        FittedModel back = TREE.load(dir, Task.REGRESSION, 0);
        assertArrayEquals(values, back.predict(s.test().x()).values(), 0.0);
        assertEquals("DecisionTree", TREE.name());
    }
}
