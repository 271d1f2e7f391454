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
 * SGD against scikit-learn 1.2.1's SGDClassifier/SGDRegressor (defaults, random_state 0) on the same standardised
 * split (every fourth row held out). The two take different steps (AdaGrad against scikit-learn's "optimal" rate),
 * so the floors are scikit-learn's scores less a small margin, not equalities.
 */
class StochasticGradientDescentTest {

    private static final StochasticGradientDescent SGD = new StochasticGradientDescent();

    private static TrialContext ctx() {
        return new TrialContext(Deadline.never(), 1, 1);
    }

    @Test
    void classifiesBloodAndIrisAtLeastAsWellAsScikitLearn() {
        TestTables.Split blood = TestTables.blood(true);
        double auc = TestTables.auc(SGD.fit(blood.train(), null, Params.empty(), ctx()).predict(blood.test().x()),
                blood.test().y());
        TestTables.Split iris = TestTables.iris(true);
        double hinge = TestTables.accuracy(SGD.fit(iris.train(), null, Params.of("loss", "hinge"), ctx())
                .predict(iris.test().x()), iris.test().y());
        System.out.printf("SGD blood AUC %.4f (scikit-learn log loss 0.6355), iris accuracy by hinge %.4f (0.9459)%n",
                auc, hinge);
        assertTrue(auc >= 0.6355, "AUC " + auc);
        assertTrue(hinge >= 0.9459 - 1e-9, "accuracy " + hinge);
    }

    @Test
    void regressesConcreteNearScikitLearn() {
        TestTables.Split concrete = TestTables.concrete(true);
        double r2 = TestTables.r2(SGD.fit(concrete.train(), null, Params.empty(), ctx()).predict(concrete.test().x()),
                concrete.test().y());
        double huber = TestTables.r2(SGD.fit(concrete.train(), null, Params.of("loss", "absolute_error"), ctx())
                .predict(concrete.test().x()), concrete.test().y());
        System.out.printf("SGD concrete R^2 %.4f (scikit-learn 0.6372, least squares 0.6411), by absolute error %.4f%n", r2, huber);
        assertEquals(0.6372, r2, 0.02);
        assertTrue(huber > 0.6 && huber != r2, "absolute-error R^2 " + huber);
    }

    @Test
    void balancedClassWeightsRaiseTheMinorityClassShare() {
        TestTables.Split blood = TestTables.blood(true);
        double plain = meanMinorityProbability(SGD.fit(blood.train(), null, Params.empty(), ctx()), blood);
        double balanced = meanMinorityProbability(SGD.fit(blood.train(), null, Params.of("class_weight", "balanced"), ctx()), blood);
        assertTrue(balanced > plain + 0.1, plain + " -> " + balanced);
    }

    static double meanMinorityProbability(FittedModel m, TestTables.Split s) {
        var p = m.predict(s.test().x());
        double sum = 0;
        for (int r = 0; r < p.rows(); r++) {
            sum += p.probability(r, 1);
        }
        return sum / p.rows();
    }

    @Test
    void aDeadlineCutsTheEpochsAndSavedModelsPredictTheSame(@TempDir Path dir) throws Exception {
        TestTables.Split iris = TestTables.iris(true);
        FittedModel m = SGD.fit(iris.train(), null, Params.of("loss", "hinge", "epochs", 7), ctx());
        m.save(dir);
        FittedModel back = SGD.load(dir, Task.CLASSIFICATION, 3);
        assertArrayEquals(m.predict(iris.test().x()).values(), back.predict(iris.test().x()).values(), 0.0);
        assertEquals(7, back.fittedParams().getInt("epochs", -1));
        FittedModel late = SGD.fit(iris.train(), null, Params.of("epochs", 50), new TrialContext(Deadline.afterSeconds(0), 1, 1));
        assertTrue(late.stoppedByDeadline());
        assertEquals(1, late.fittedParams().getInt("epochs", -1));
    }
}
