package dev.automl.algorithms.svm;

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
 * SVM against scikit-learn 1.2.1's SVC(probability=True) (C = 1, gamma "scale") on the same standardised split: the
 * same LIBSVM solver gives the same classes; the probabilities come from an inner cross-validation whose folds
 * differ, so the AUC is within 0.01.
 */
class SupportVectorMachineTest {

    private static final SupportVectorMachine SVM = new SupportVectorMachine();

    private static TrialContext ctx() {
        return new TrialContext(Deadline.never(), 1, 1);
    }

    @Test
    void matchesScikitLearnOnBloodAndIris() {
        TestTables.Split blood = TestTables.blood(true);
        double auc = TestTables.auc(SVM.fit(blood.train(), null, Params.empty(), ctx()).predict(blood.test().x()),
                blood.test().y());
        TestTables.Split iris = TestTables.iris(true);
        double acc = TestTables.accuracy(SVM.fit(iris.train(), null, Params.empty(), ctx()).predict(iris.test().x()),
                iris.test().y());
        System.out.printf("SVM blood AUC %.4f (scikit-learn 0.6775), iris accuracy %.4f (0.9459)%n", auc, acc);
        assertEquals(0.6775, auc, 0.01);
        assertEquals(0.9459, acc, 1e-4);
    }

    @Test
    void aShortDeadlineFitsASampleAndSaysSo(@TempDir Path dir) throws Exception {
        TestTables.Split blood = TestTables.blood(true);
        FittedModel m = SVM.fit(blood.train(), null, Params.empty(), new TrialContext(Deadline.afterSeconds(1e-3), 1, 1));
        assertTrue(m.stoppedByDeadline());
        assertEquals(SupportVectorMachine.MIN_ROWS, m.fittedParams().getInt("kept_rows", -1));
        m.save(dir);
        FittedModel back = SVM.load(dir, Task.CLASSIFICATION, 2);
        assertArrayEquals(m.predict(blood.test().x()).values(), back.predict(blood.test().x()).values(), 0.0);
        assertEquals(m.fittedParams(), back.fittedParams());
    }

    @Test
    void gammaScaleIsScikitLearns() {
        TestTables.Split iris = TestTables.iris(true);
        // Standardised columns have variance 1 on the training rows, so gamma "scale" is one over the 4 features.
        assertEquals(0.25, SupportVectorMachine.scaleGamma(iris.train().x()), 1e-6);
    }
}
