package dev.automl.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.boosting.LightGbmLearner;
import dev.automl.algorithms.forest.RandomForest;
import dev.automl.data.ColumnType;
import dev.automl.data.DataSource;
import dev.automl.data.Table;
import dev.automl.data.Task;
import dev.automl.engine.model.Member;
import dev.automl.engine.model.TrainedPipeline;
import dev.automl.featurization.FeaturizationSettings;
import dev.automl.featurization.Featurizer;
import dev.automl.featurization.FittedFeaturizer;
import dev.automl.featurization.Target;
import dev.automl.featurization.TargetEncoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 17's explanation figures: rows per second of each method on models trained on covertype's first 30,000 rows
 * (54 columns, 7 classes), explained on the next rows: exact SHAP for LightGBM (the library's TreeSHAP) and the
 * engine's RandomForest (TreeShap), permutation importance (3 shuffles of every raw column and feature) and sampled
 * Shapley values against 32 background rows. Run by hand:
 * {@code mvn -q -o verify -pl data,metrics,featurization,algorithms,engine -DskipITs -Dautoml.bench=true
 * -Dtest=ExplainBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "automl.bench", matches = "true")
class ExplainBench {

    private static final String TARGET = "Cover_Type";
    private static final int TRAIN_ROWS = 30_000;

    @Test
    void everyMethod() throws Exception {
        Table all = DataSource.read(repoRoot().resolve("testdata/covertype/covertype.csv.gz"),
                Map.of(TARGET, ColumnType.CATEGORICAL));
        Table features = all.drop(List.of(TARGET));
        int[] train = IntStream.range(0, TRAIN_ROWS).toArray();
        TargetEncoding encoding = TargetEncoding.fit(all.column(TARGET), Task.CLASSIFICATION);
        Target y = encoding.encode(all.column(TARGET), null, null);
        FittedFeaturizer ff = new Featurizer(FeaturizationSettings.auto()).fit(features, train);
        System.out.printf(Locale.ROOT, "%n== explanations of models fitted on %,d covertype rows (%s)%n", TRAIN_ROWS,
                load());
        try (TrainedPipeline boosted = fit(ff, encoding, features, all, train, new LightGbmLearner(),
                Params.of("learning_rate", 0.1, "num_leaves", 31, "n_estimators", 200));
             TrainedPipeline forest = fit(ff, encoding, features, all, train, new RandomForest(),
                     Params.of("n_estimators", 100))) {
            exact("LightGBM, 200 rounds", boosted, features, 5_000);
            exact("RandomForest, 100 trees", forest, features, 200);
            int[] rows = IntStream.range(TRAIN_ROWS, TRAIN_ROWS + 5_000).toArray();
            Table explained = features.select(rows);
            Target target = y.select(rows);
            for (TrainedPipeline p : List.of(boosted, forest)) {
                long t0 = System.nanoTime();
                Explanation e = PermutationImportance.compute(p, explained, target, features.columnNames(),
                        ExplainBench::errorRate, 3, 1, Deadline.never());
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "  permutation importance, %s: %,d rows x (%d columns + %d features)"
                        + " x 3 shuffles in %.2f s = %,.0f rows/s; first %s%n", p.algorithm(), e.rows(),
                        features.columns().size(), e.engineered().size(), s, e.rows() / s, e.raw().get(0).name());
            }
            Table background = features.select(IntStream.range(0, 32).map(i -> i * 937).toArray());
            for (TrainedPipeline p : List.of(boosted, forest)) {
                Table few = features.select(IntStream.range(TRAIN_ROWS, TRAIN_ROWS + 100).toArray());
                long t0 = System.nanoTime();
                RawContributions c = SampledShapley.compute(p, few, background, features.columnNames(), 1);
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "  sampled Shapley, %s: %,d rows x 32 background rows x %d columns in"
                        + " %.2f s = %,.1f rows/s%n", p.algorithm(), c.rows(), c.columns().size(), s, c.rows() / s);
            }
        }
    }

    private static void exact(String what, TrainedPipeline p, Table features, int n) {
        Table rows = features.select(IntStream.range(TRAIN_ROWS, TRAIN_ROWS + n).toArray());
        var views = p.views(rows);
        long t0 = System.nanoTime();
        PipelineContributions c = PipelineContributions.of(p, views).orElseThrow();
        double s = (System.nanoTime() - t0) / 1e9;
        assertEquals(n, c.rows());
        System.out.printf(Locale.ROOT, "  exact SHAP, %s: %,d rows x %d outputs in %.2f s = %,.0f rows/s%n", what, n,
                c.outputs(), s, n / s);
    }

    private static TrainedPipeline fit(FittedFeaturizer ff, TargetEncoding encoding, Table features, Table all,
                                       int[] train, Learner learner, Params params) {
        FittedModel model = learner.fit(new TrainingData(ff.transform(features, train, learner.view()),
                encoding.encode(all.column(TARGET), train, null)), null, params,
                new TrialContext(Deadline.never(), 2, 0));
        return TrainedPipeline.single(ff, encoding, new Member(learner, params, model));
    }

    private static double errorRate(Target y, double[] probabilities) {
        int k = probabilities.length / y.size();
        int wrong = 0;
        for (int i = 0; i < y.size(); i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (probabilities[i * k + c] > probabilities[i * k + best]) {
                    best = c;
                }
            }
            if (best != (int) y.y()[i]) {
                wrong++;
            }
        }
        return (double) wrong / y.size();
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
