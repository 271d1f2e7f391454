package dev.automl.algorithms.boosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.ml.lightgbm.PredictionType;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_float;
import com.microsoft.ml.lightgbm.lightgbmlib;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.DataSource;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeatureView;
import dev.automl.featurization.FeaturizationSettings;
import dev.automl.featurization.Featurizer;
import dev.automl.featurization.FittedFeaturizer;
import dev.automl.featurization.Target;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 3's engine-overhead figure: one LightGBM configuration (learning rate 0.1, 31 leaves, 200 rounds, no early
 * stopping, one thread) on covertype's 100,000 rows as a binary task (Cover_Type 2 or not), (a) as a trial runs it
 * (featurize a 90 % fold and its 10 % holdout, {@link LightGbmLearner#fit}, predict the holdout) and (b) through
 * lightgbm4j directly on the same matrices with the same parameter string. Run by hand:
 * {@code mvn -q -o verify -pl data,featurization,algorithms -DskipITs -Dautoml.bench=true
 * -Dtest=LightGbmOverheadBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "automl.bench", matches = "true")
class LightGbmOverheadBench {

    private static final int ROUNDS = 200;
    private static final int RUNS = 3;
    private static final Params PARAMS = Params.of("learning_rate", 0.1, "num_leaves", 31,
            LibraryParams.ROUNDS, ROUNDS);

    /** Seconds of the steps of one path. */
    private record Steps(double featurize, double dataset, double train, double predict, double[] predictions) {
        double total() {
            return featurize + dataset + train + predict;
        }
    }

    @Test
    void engineAgainstLightGbm4j() throws Exception {
        // lightgbm4j's static initialiser would extract the natives to a fixed /tmp path; load them our way first.
        LightGbmBooster.ensureNativeLoaded();
        Table all = DataSource.read(repoRoot().resolve("testdata/covertype/covertype.csv.gz"));
        double[] cover = ((NumericColumn) all.column("Cover_Type")).values();
        Table features = all.drop(List.of("Cover_Type"));
        int n = all.rows();
        int[] train = java.util.stream.IntStream.range(0, n).filter(i -> i % 10 != 0).toArray();
        int[] valid = java.util.stream.IntStream.range(0, n).filter(i -> i % 10 == 0).toArray();
        double[] y = Arrays.stream(cover).map(c -> c == 2 ? 1 : 0).toArray();
        Target yTrain = new Target(Task.CLASSIFICATION,
                Arrays.stream(train).mapToDouble(i -> y[i]).toArray(), List.of("other", "2"), null);
        FittedFeaturizer ff = new Featurizer(FeaturizationSettings.auto()).fit(features, train);
        FeatureMatrix xTrain = ff.transform(features, train, FeatureView.TREES);
        FeatureMatrix xValid = ff.transform(features, valid, FeatureView.TREES);
        String library = LightGbmLearner.libraryParams(PARAMS, Task.CLASSIFICATION, 2, xTrain.categorical(),
                new TrialContext(Deadline.never(), 1, 0));
        System.out.printf(Locale.ROOT, "%n== LightGBM on covertype, %,d training rows x %d features, %,d predicted,"
                + " %d rounds: %s (%s)%n", xTrain.rows(), xTrain.cols(), xValid.rows(), ROUNDS, library, load());

        engine(features, train, valid, yTrain);
        direct(xTrain, xValid, yTrain, library);
        Steps[] engine = new Steps[RUNS];
        Steps[] direct = new Steps[RUNS];
        for (int r = 0; r < RUNS; r++) {
            engine[r] = engine(features, train, valid, yTrain);
            direct[r] = direct(xTrain, xValid, yTrain, library);
            print("engine path", engine[r], "(in train)");
            print("lightgbm4j", direct[r], String.format(Locale.ROOT, "%6.3f", direct[r].dataset()));
        }
        Steps e = medianOf(engine);
        Steps d = medianOf(direct);
        double maxDiff = 0;
        for (int i = 0; i < d.predictions().length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(d.predictions()[i] - e.predictions()[i]));
        }
        System.out.printf(Locale.ROOT, "  median engine %.3f s, lightgbm4j %.3f s: ratio %.3f (%.3f without"
                + " featurizing); max |prediction difference| %.2e (%s)%n", e.total(), d.total(), e.total() / d.total(),
                (e.total() - e.featurize()) / d.total(), maxDiff, load());
        copyCost(xTrain);
        assertEquals(xValid.rows(), d.predictions().length);
        assertTrue(maxDiff < 1e-9, "the two paths train the same model");
    }

    /** A trial's path: the fold's features, the learner's fit, the holdout's predictions. */
    private static Steps engine(Table features, int[] train, int[] valid, Target yTrain) {
        long t0 = System.nanoTime();
        FittedFeaturizer ff = new Featurizer(FeaturizationSettings.auto()).fit(features, train);
        TrainingData data = new TrainingData(ff.transform(features, train, FeatureView.TREES), yTrain);
        FeatureMatrix xValid = ff.transform(features, valid, FeatureView.TREES);
        long t1 = System.nanoTime();
        try (FittedModel m = new LightGbmLearner().fit(data, null, PARAMS, new TrialContext(Deadline.never(), 1, 0))) {
            long t2 = System.nanoTime();
            Predictions p = m.predict(xValid);
            long t3 = System.nanoTime();
            double[] positive = new double[p.rows()];
            for (int i = 0; i < positive.length; i++) {
                positive[i] = p.probability(i, 1);
            }
            return new Steps(sec(t0, t1), 0, sec(t1, t2), sec(t2, t3), positive);
        }
    }

    /** lightgbm4j's documented use on the same matrices and parameters. */
    private static Steps direct(FeatureMatrix xTrain, FeatureMatrix xValid, Target yTrain, String library)
            throws Exception {
        long t0 = System.nanoTime();
        LGBMDataset ds = LGBMDataset.createFromMat(xTrain.values(), xTrain.rows(), xTrain.cols(), true, library, null);
        float[] label = new float[yTrain.size()];
        for (int i = 0; i < label.length; i++) {
            label[i] = (float) yTrain.y()[i];
        }
        ds.setField("label", label);
        long t1 = System.nanoTime();
        LGBMBooster booster = LGBMBooster.create(ds, library);
        for (int r = 0; r < ROUNDS; r++) {
            booster.updateOneIter();
        }
        long t2 = System.nanoTime();
        double[] p = booster.predictForMat(xValid.values(), xValid.rows(), xValid.cols(), true,
                PredictionType.C_API_PREDICT_NORMAL, "num_threads=1");
        long t3 = System.nanoTime();
        booster.close();
        ds.close();
        return new Steps(0, sec(t0, t1), sec(t1, t2), sec(t2, t3), p);
    }

    /**
     * The part of the dataset step that is lightgbm4j's (and the engine's) copy of the matrix into native memory,
     * one JNI call per value: the SWIG API has no bulk copy into a native float array.
     */
    private static void copyCost(FeatureMatrix x) {
        float[] v = x.values();
        double[] seconds = new double[5];
        for (int r = 0; r < seconds.length; r++) {
            long t0 = System.nanoTime();
            SWIGTYPE_p_float p = lightgbmlib.new_floatArray(v.length);
            for (int i = 0; i < v.length; i++) {
                lightgbmlib.floatArray_setitem(p, i, v[i]);
            }
            lightgbmlib.delete_floatArray(p);
            seconds[r] = sec(t0, System.nanoTime());
        }
        Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "  of the dataset step, copying %,d floats with floatArray_setitem: median %.3f s"
                + " (%.1f ns a value)%n", v.length, seconds[2], seconds[2] / v.length * 1e9);
    }

    private static void print(String path, Steps s, String dataset) {
        System.out.printf(Locale.ROOT, "  %-12s total %6.3f s: featurize %6.3f, dataset %s, train %6.3f, predict %6.3f%n",
                path, s.total(), s.featurize(), dataset, s.train(), s.predict());
    }

    private static Steps medianOf(Steps[] runs) {
        Steps[] sorted = runs.clone();
        Arrays.sort(sorted, (a, b) -> Double.compare(a.total(), b.total()));
        return sorted[sorted.length / 2];
    }

    private static double sec(long from, long to) {
        return (to - from) / 1e9;
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("testdata"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    /** The machine's load averages; the algorithms module cannot see featurization's bench classes. */
    private static String load() {
        try {
            String[] p = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return "load " + p[0] + " " + p[1] + " " + p[2];
        } catch (java.io.IOException e) {
            return "load unknown";
        }
    }
}
