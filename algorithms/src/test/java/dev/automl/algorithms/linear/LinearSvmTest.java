package dev.automl.algorithms.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.forest.TestTables;
import dev.automl.data.Task;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LinearSVM against scikit-learn 1.2.1's LinearSVC (C = 1) on the same standardised split: the same LIBLINEAR solver
 * gives the same predicted classes; the probabilities are compared with scikit-learn's sigmoid-calibrated LinearSVC.
 */
class LinearSvmTest {

    private static final LinearSvm SVM = new LinearSvm();

    private static TrialContext ctx() {
        return new TrialContext(Deadline.never(), 1, 1);
    }

    @Test
    void matchesScikitLearnOnBloodAndIris() {
        TestTables.Split blood = TestTables.blood(true);
        FittedModel b = SVM.fit(blood.train(), null, Params.empty(), ctx());
        double auc = TestTables.auc(b.predict(blood.test().x()), blood.test().y());
        double bloodAcc = TestTables.accuracy(b.predict(blood.test().x()), blood.test().y());
        TestTables.Split iris = TestTables.iris(true);
        double acc = TestTables.accuracy(SVM.fit(iris.train(), null, Params.empty(), ctx()).predict(iris.test().x()),
                iris.test().y());
        System.out.printf("LinearSVM blood AUC %.4f (scikit-learn calibrated 0.7229), accuracy %.4f (0.7807); "
                + "iris accuracy %.4f (0.9459)%n", auc, bloodAcc, acc);
        assertEquals(0.7229, auc, 0.01);
        assertEquals(0.7807, bloodAcc, 1e-4);
        assertEquals(0.9459, acc, 1e-4);
    }

    @Test
    void balancedClassWeightsRaiseTheMinorityClassShare() {
        TestTables.Split blood = TestTables.blood(true);
        double plain = StochasticGradientDescentTest.meanMinorityProbability(SVM.fit(blood.train(), null, Params.empty(), ctx()), blood);
        double balanced = StochasticGradientDescentTest.meanMinorityProbability(
                SVM.fit(blood.train(), null, Params.of("class_weight", "balanced"), ctx()), blood);
        assertTrue(balanced > plain + 0.1, plain + " -> " + balanced);
    }

    @Test
    void savedModelPredictsTheSame(@TempDir Path dir) throws Exception {
        TestTables.Split iris = TestTables.iris(true);
        FittedModel m = SVM.fit(iris.train(), null, Params.of("C", 0.1), ctx());
        m.save(dir);
        FittedModel back = SVM.load(dir, Task.CLASSIFICATION, 3);
        assertArrayEquals(m.predict(iris.test().x()).values(), back.predict(iris.test().x()).values(), 0.0);
        assertEquals(m.fittedParams(), back.fittedParams());
    }
}
