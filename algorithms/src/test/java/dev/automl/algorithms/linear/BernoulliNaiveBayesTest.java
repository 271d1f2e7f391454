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
 * Bernoulli naive Bayes against scikit-learn 1.2.1's BernoulliNB (alpha 1, binarize 0, fitted class prior) on the
 * standardised split: the same model gives the same scores.
 */
class BernoulliNaiveBayesTest {

    private static final BernoulliNaiveBayes NB = new BernoulliNaiveBayes();

    private static TrialContext ctx() {
        return new TrialContext(Deadline.never(), 1, 1);
    }

    @Test
    void matchesScikitLearn() {
        TestTables.Split blood = TestTables.blood(true);
        double auc = TestTables.auc(NB.fit(blood.train(), null, Params.empty(), ctx()).predict(blood.test().x()),
                blood.test().y());
        TestTables.Split iris = TestTables.iris(true);
        double acc = TestTables.accuracy(NB.fit(iris.train(), null, Params.empty(), ctx()).predict(iris.test().x()),
                iris.test().y());
        System.out.printf("BernoulliNaiveBayes blood AUC %.4f (scikit-learn 0.6561), iris accuracy %.4f (0.7838)%n", auc, acc);
        assertEquals(0.6561, auc, 1e-4);
        assertEquals(0.7838, acc, 1e-4);
    }

    /** Balanced class weights make the prior uniform, which moves the predicted shares toward the rare class. */
    @Test
    void balancedClassWeightsRaiseTheRareClass() {
        TestTables.Split blood = TestTables.blood(true);
        double plain = meanRareShare(NB.fit(blood.train(), null, Params.empty(), ctx()), blood);
        double balanced = meanRareShare(NB.fit(blood.train(), null, Params.of("class_weight", "balanced"), ctx()), blood);
        assertTrue(balanced > plain + 0.1, "balanced " + balanced + " vs " + plain);
    }

    private static double meanRareShare(FittedModel m, TestTables.Split s) {
        double[] p = m.predict(s.test().x()).values();
        double sum = 0;
        for (int r = 0; r < p.length / 2; r++) {
            sum += p[2 * r + 1];
        }
        return sum / (p.length / 2.0);
    }

    @Test
    void savedModelPredictsTheSame(@TempDir Path dir) throws Exception {
        TestTables.Split iris = TestTables.iris(true);
        FittedModel m = NB.fit(iris.train(), null, Params.of("alpha", 0.1, "binarize", 0.5), ctx());
        m.save(dir);
        FittedModel back = NB.load(dir, Task.CLASSIFICATION, 3);
        assertArrayEquals(m.predict(iris.test().x()).values(), back.predict(iris.test().x()).values(), 0.0);
        assertEquals(Params.of("alpha", 0.1, "binarize", 0.5, "class_weight", "none"), back.fittedParams());
    }
}
