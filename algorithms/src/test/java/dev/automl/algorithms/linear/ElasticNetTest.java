package dev.automl.algorithms.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticNetTest {

    private static final ElasticNet EN = new ElasticNet();

    private static TrialContext ctx() {
        return new TrialContext(Deadline.never(), 1, 1);
    }

    @Test
    void concreteR2AtLeast055() {
        // Floor: ordinary least squares reaches R^2 of about 0.6 on concrete strength; a lightly penalised
        // elastic net should not fall far below it.
        TestTables.Split s = TestTables.concrete(true);
        for (Params p : List.of(Params.empty(), Params.of("l1_ratio", 1.0), Params.of("l1_ratio", 0.0))) {
            FittedModel m = EN.fit(s.train(), null, p, ctx());
            double r2 = TestTables.r2(m.predict(s.test().x()), s.test().y());
            System.out.printf("ElasticNet %s concrete R^2 %.4f (floor 0.55)%n", p, r2);
            assertTrue(r2 >= 0.55, p + ": R^2 " + r2);
        }
    }

    @Test
    void ownPredictionsEqualSmiles() {
        TestTables.Split s = TestTables.concrete(true);
        double[][] x = s.train().x().toDoubleRows();
        int[] all = VaryingColumns.of(x);
        for (double l1 : new double[] {0.0, 0.5, 1.0}) {
            smile.regression.LinearModel fitted = SmileElasticNet.fit(x, s.train().y().y(), 0.05, l1, 1e-4, 1000);
            LinearModel ours = ElasticNet.toModel(fitted, all, x[0].length, Priors.of(s.train().y()), Params.empty());
            Predictions p = ours.predict(s.test().x());
            double[] smile = new double[s.test().x().rows()];
            for (int i = 0; i < smile.length; i++) {
                smile[i] = fitted.predict(s.test().x().row(i));
            }
            double diff = TestTables.maxDiff(p.values(), smile);
            System.out.printf("ElasticNet l1_ratio %.1f vs Smile, max |diff| %.3g%n", l1, diff);
            assertTrue(diff <= 1e-9, "max difference " + diff);
        }
    }

    @Test
    void aConstantColumnGetsCoefficientZero() {
        TestTables.Split s = TestTables.concrete(true);
        FeatureMatrix x = s.train().x();
        List<String> names = new ArrayList<>(x.names());
        names.add("constant");
        float[] v = new float[x.rows() * (x.cols() + 1)];
        for (int i = 0; i < x.rows(); i++) {
            System.arraycopy(x.values(), i * x.cols(), v, i * (x.cols() + 1), x.cols());
            v[i * (x.cols() + 1) + x.cols()] = 3f;
        }
        TrainingData train = new TrainingData(new FeatureMatrix(v, x.rows(), x.cols() + 1, names, new BitSet()),
                s.train().y());
        LinearModel m = (LinearModel) EN.fit(train, null, Params.empty(), ctx());
        assertEquals(0.0, m.weights()[0][x.cols()]);
        assertTrue(Double.isFinite(m.intercepts()[0]));
    }

    @Test
    void deadlineAlreadyPassedGivesTheMeanAtOnce() {
        TestTables.Split s = TestTables.concrete(true);
        FittedModel m = EN.fit(s.train(), null, Params.empty(), new TrialContext(Deadline.afterSeconds(0), 1, 1));
        assertTrue(m.stoppedByDeadline(), "a model fitted after its deadline says so");
        assertEquals(Priors.of(s.train().y())[0], m.predict(s.test().x()).values()[0], 1e-12);
        assertEquals(0, m.fittedParams().getInt("max_iter", -1));
    }

    @Test
    void savedModelPredictsExactlyTheSame(@TempDir Path dir) throws Exception {
        TestTables.Split s = TestTables.concrete(true);
        FittedModel m = EN.fit(s.train(), null, Params.of("alpha", 0.1, "l1_ratio", 0.3), ctx());
        m.save(dir);
        FittedModel back = EN.load(dir, Task.REGRESSION, 0);
        assertArrayEquals(m.predict(s.test().x()).values(), back.predict(s.test().x()).values(), 0.0);
        assertEquals(m.fittedParams(), back.fittedParams());
    }
}
