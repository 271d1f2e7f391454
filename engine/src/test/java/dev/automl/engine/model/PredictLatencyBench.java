package dev.automl.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.boosting.LightGbmLearner;
import dev.automl.algorithms.forest.RandomForest;
import dev.automl.data.ColumnType;
import dev.automl.data.DataSource;
import dev.automl.data.Table;
import dev.automl.data.Task;
import dev.automl.featurization.FeaturizationSettings;
import dev.automl.featurization.Featurizer;
import dev.automl.featurization.FittedFeaturizer;
import dev.automl.featurization.TargetEncoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's predict-latency figure, through the path a user takes: a pipeline saved with {@link ModelStore#save},
 * read back with {@link ModelStore#load}, then {@link TrainedPipeline#predict} on one-row tables (median and p99 of
 * single calls after warm-up) and on all 100,000 rows of covertype. The models are trained on covertype's first
 * 20,000 rows (7 classes). Run by hand:
 * {@code mvn -q -o verify -pl data,metrics,featurization,algorithms,engine -DskipITs -Dautoml.bench=true
 * -Dtest=PredictLatencyBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "automl.bench", matches = "true")
class PredictLatencyBench {

    private static final String TARGET = "Cover_Type";
    private static final int TRAIN_ROWS = 20_000;
    private static final int WARMUP_CALLS = 3_000;
    private static final int CALLS = 10_000;

    @TempDir
    Path tmp;

    @Test
    void lightGbm() throws Exception {
        measure(new LightGbmLearner(), Params.of("learning_rate", 0.1, "num_leaves", 31, "n_estimators", 200));
    }

    /** A small model, where the cost of each call shows next to the trees' own. */
    @Test
    void lightGbmSmall() throws Exception {
        measure(new LightGbmLearner(), Params.of("learning_rate", 0.1, "num_leaves", 31, "n_estimators", 20));
    }

    @Test
    void randomForest() throws Exception {
        measure(new RandomForest(), Params.of("n_estimators", 100));
    }

    private void measure(Learner learner, Params params) throws Exception {
        Table all = DataSource.read(repoRoot().resolve("testdata/covertype/covertype.csv.gz"),
                Map.of(TARGET, ColumnType.CATEGORICAL));
        Table features = all.drop(List.of(TARGET));
        int[] train = IntStream.range(0, TRAIN_ROWS).toArray();
        TargetEncoding encoding = TargetEncoding.fit(all.column(TARGET), Task.CLASSIFICATION);
        FittedFeaturizer ff = new Featurizer(FeaturizationSettings.auto()).fit(features, train);
        long t0 = System.nanoTime();
        FittedModel model = learner.fit(new TrainingData(ff.transform(features, train, learner.view()),
                encoding.encode(all.column(TARGET), train, null)), null, params, new TrialContext(Deadline.never(), 2, 0));
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        Path dir = tmp.resolve("model");
        try (TrainedPipeline trained = TrainedPipeline.single(ff, encoding, new Member(learner, params, model))) {
            ModelStore.save(dir, trained, DataSource.typesOf(features), TARGET, null);
        }
        long size;
        try (var files = Files.walk(dir)) {
            size = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        t0 = System.nanoTime();
        try (ModelStore.LoadedModel loaded = ModelStore.load(dir, LearnerCatalog.standard())) {
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%n== %s %s on %,d covertype rows: fit %.2f s, model %,d bytes, load %.3f s"
                    + " (%s)%n", learner.name(), params.values(), TRAIN_ROWS, fitSeconds, size, loadSeconds, load());
            TrainedPipeline p = loaded.pipeline();
            Table[] single = new Table[1000];
            for (int i = 0; i < single.length; i++) {
                single[i] = features.select(new int[] {TRAIN_ROWS + i * 37});
            }
            Predictions whole = p.predict(features);
            for (int i = 0; i < WARMUP_CALLS; i++) {
                p.predict(single[i % single.length]);
            }
            long[] nanos = new long[CALLS];
            for (int i = 0; i < CALLS; i++) {
                Table row = single[i % single.length];
                long s = System.nanoTime();
                Predictions one = p.predict(row);
                nanos[i] = System.nanoTime() - s;
                if (i < single.length) {
                    int r = TRAIN_ROWS + i * 37;
                    assertEquals(whole.probability(r, 0), one.probability(0, 0), 1e-9, "row " + r);
                }
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "  one row: median %.1f us, p90 %.1f us, p99 %.1f us, max %.1f us over %,d"
                    + " calls after %,d warm-up calls%n", nanos[CALLS / 2] / 1e3, nanos[CALLS * 9 / 10] / 1e3,
                    nanos[CALLS * 99 / 100] / 1e3, nanos[CALLS - 1] / 1e3, CALLS, WARMUP_CALLS);
            double[] batch = new double[3];
            for (int r = 0; r < batch.length; r++) {
                long s = System.nanoTime();
                Predictions out = p.predict(features);
                batch[r] = (System.nanoTime() - s) / 1e9;
                assertEquals(features.rows(), out.rows());
            }
            Arrays.sort(batch);
            System.out.printf(Locale.ROOT, "  %,d rows: median %.3f s (best %.3f) = %,.0f rows/s (%s)%n",
                    features.rows(), batch[1], batch[0], features.rows() / batch[1], load());
            assertTrue(whole.rows() == features.rows());
        }
    }

    private static String load() throws java.io.IOException {
        String[] p = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return "load " + p[0] + " " + p[1] + " " + p[2];
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("testdata"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
