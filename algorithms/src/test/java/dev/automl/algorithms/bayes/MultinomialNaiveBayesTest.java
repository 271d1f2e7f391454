package dev.automl.algorithms.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Multinomial naive Bayes against scikit-learn 1.2.1's MultinomialNB (alpha 1, fitted class prior) on the standardised
 * split mapped onto [0, 1] by MinMaxScaler (test rows clipped): the same model gives the same scores.
 */
class MultinomialNaiveBayesTest {

    private static final MultinomialNaiveBayes NB = new MultinomialNaiveBayes();

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
        System.out.printf("MultinomialNaiveBayes blood AUC %.4f (scikit-learn 0.6886), iris accuracy %.4f (0.6216)%n", auc, acc);
        assertEquals(0.6886, auc, 1e-4);
        assertEquals(0.6216, acc, 1e-4);
    }

    @Test
    void savedModelPredictsTheSame(@TempDir Path dir) throws Exception {
        TestTables.Split iris = TestTables.iris(true);
        FittedModel m = NB.fit(iris.train(), null, Params.of("alpha", 0.1), ctx());
        m.save(dir);
        FittedModel back = NB.load(dir, Task.CLASSIFICATION, 3);
        assertArrayEquals(m.predict(iris.test().x()).values(), back.predict(iris.test().x()).values(), 0.0);
        assertEquals(Params.of("alpha", 0.1), back.fittedParams());
    }
}
