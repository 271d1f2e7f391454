package dev.automl.algorithms.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.Priors;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.forest.TestTables;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogisticRegressionTest {

    private static final LogisticRegression LR = new LogisticRegression();

    private static TrialContext ctx() {
        return new TrialContext(Deadline.never(), 1, 1);
    }

    @Test
    void irisAccuracyAtLeast90Percent() {
        // Floor: a multinomial linear model separates iris's species almost perfectly; 0.9 allows 3 of 37 wrong.
        TestTables.Split s = TestTables.iris(true);
        FittedModel m = LR.fit(s.train(), null, Params.empty(), ctx());
        double acc = TestTables.accuracy(m.predict(s.test().x()), s.test().y());
        System.out.printf("LogisticRegression iris accuracy %.4f (floor 0.90)%n", acc);
        assertTrue(acc >= 0.9, "accuracy " + acc);
    }

    @Test
    void bloodTransfusionAucAtLeast070() {
        // Floor: logistic regression scores about 0.75 AUC on blood-transfusion; the AutoML benchmark's frameworks
        // reach 0.73-0.76 (PEERS.md section 3).
        TestTables.Split s = TestTables.blood(true);
        FittedModel m = LR.fit(s.train(), null, Params.empty(), ctx());
        double auc = TestTables.auc(m.predict(s.test().x()), s.test().y());
        System.out.printf("LogisticRegression blood_transfusion AUC %.4f (floor 0.70)%n", auc);
        assertTrue(auc >= 0.70, "AUC " + auc);
    }

    @Test
    void ownPredictionsEqualSmiles() {
        for (TestTables.Split s : List.of(TestTables.iris(true), TestTables.blood(true))) {
            ClassIndex ci = ClassIndex.of(s.train().y());
            double[][] x = s.train().x().toDoubleRows();
            smile.classification.LogisticRegression lr = SmileLogistic.fit(x, ci, 0.01, 1e-5, 500);
            int k = s.train().y().numClasses();
            LinearModel ours = SmileLogistic.toModel(LogisticRegression.NAME, lr, ci, k, s.train().x().cols(),
                    Priors.of(s.train().y()), Params.empty());
            Predictions p = ours.predict(s.test().x());
            double[] smile = new double[p.values().length];
            double[] post = new double[ci.present().length];
            for (int i = 0; i < s.test().x().rows(); i++) {
                lr.predict(s.test().x().row(i), post);
                for (int c = 0; c < post.length; c++) {
                    smile[i * k + ci.present()[c]] = post[c];
                }
            }
            double diff = TestTables.maxDiff(p.values(), smile);
            System.out.printf("LogisticRegression (%s) vs Smile, max |diff| %.3g%n", ours.kind(), diff);
            assertTrue(diff <= 1e-9, "max difference " + diff);
        }
    }

    @Test
    void aClassMissingFromTheTrainingRowsGetsProbabilityZero() {
        TestTables.Split s = TestTables.iris(true);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < s.train().y().size(); i++) {
            if (s.train().y().classOf(i) != 1) {
                keep.add(i);
            }
        }
        int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
        TrainingData two = new TrainingData(select(s.train().x(), rows), s.train().y().select(rows));
        Predictions p = LR.fit(two, null, Params.empty(), ctx()).predict(s.test().x());
        assertEquals(3, p.numClasses());
        for (int i = 0; i < p.rows(); i++) {
            assertEquals(0.0, p.probability(i, 1));
            assertEquals(1.0, p.probability(i, 0) + p.probability(i, 2), 1e-12);
        }
    }

    static FeatureMatrix select(FeatureMatrix x, int[] rows) {
        float[] v = new float[rows.length * x.cols()];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x.values(), rows[i] * x.cols(), v, i * x.cols(), x.cols());
        }
        return new FeatureMatrix(v, rows.length, x.cols(), x.names(), new BitSet());
    }

    @Test
    void deadlineAlreadyPassedGivesTheClassSharesAtOnce() {
        TestTables.Split s = TestTables.blood(true);
        long start = System.nanoTime();
        FittedModel m = LR.fit(s.train(), null, Params.empty(), new TrialContext(Deadline.afterSeconds(0), 1, 1));
        assertTrue(m.stoppedByDeadline(), "a model fitted after its deadline says so");
        assertTrue((System.nanoTime() - start) / 1e9 < 0.5);
        assertEquals(0, m.fittedParams().getInt("max_iter", -1));
        assertEquals(Priors.of(s.train().y())[1], m.predict(s.test().x()).probability(3, 1), 1e-12);
    }

    @Test
    void tightDeadlineCapsIterations() {
        TestTables.Split s = TestTables.blood(true);
        FittedModel m = LR.fit(s.train(), null, Params.empty(), new TrialContext(Deadline.afterSeconds(5), 1, 1));
        int cap = m.fittedParams().getInt("max_iter", -1);
        assertTrue(cap >= 1 && cap <= 500, "max_iter " + cap);
    }

    @Test
    void savedModelPredictsExactlyTheSame(@TempDir Path dir) throws Exception {
        TestTables.Split s = TestTables.iris(true);
        FittedModel m = LR.fit(s.train(), null, Params.of("lambda", 0.5), ctx());
        m.save(dir);
        FittedModel back = LR.load(dir, Task.CLASSIFICATION, 3);
        assertArrayEquals(m.predict(s.test().x()).values(), back.predict(s.test().x()).values(), 0.0);
        assertEquals(m.fittedParams(), back.fittedParams());
        assertThrows(java.io.IOException.class, () -> LR.load(dir, Task.CLASSIFICATION, 4));
    }

    @Test
    void rejectsNaNRegressionAndUnknownParams() {
        TestTables.Split s = TestTables.iris(true);
        float[] v = s.train().x().values().clone();
        v[0] = Float.NaN;
        TrainingData bad = new TrainingData(new FeatureMatrix(v, s.train().x().rows(), s.train().x().cols(),
                s.train().x().names(), new BitSet()), s.train().y());
        assertThrows(IllegalArgumentException.class, () -> LR.fit(bad, null, Params.empty(), ctx()));
        assertThrows(IllegalArgumentException.class, () -> LR.fit(s.train(), null, Params.of("C", 1.0), ctx()));
        TrainingData reg = new TrainingData(s.train().x(),
                new Target(Task.REGRESSION, s.train().y().y(), List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> LR.fit(reg, null, Params.empty(), ctx()));
    }
}
