package dev.automl.algorithms.forest;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Training-time measurements on covertype (100,000 rows x 12 features, 7 classes), run by hand only:
 * {@code mvn -o -pl algorithms verify -Dtest=CovertypeTimingBench -Dautoml.bench=true}.
 */
@EnabledIfSystemProperty(named = "automl.bench", matches = "true")
class CovertypeTimingBench {

    static TrainingData covertype(int rows) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(
                TestTables.repoRoot().resolve("testdata/covertype/covertype.csv.gz"))), StandardCharsets.UTF_8))) {
            String[] header = r.readLine().split(",");
            int t = Arrays.asList(header).indexOf("Cover_Type");
            int cols = header.length - 1;
            List<String[]> lines = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null && lines.size() < rows) {
                lines.add(line.split(",", -1));
            }
            Map<Integer, Map<String, Integer>> codes = new HashMap<>();
            float[] v = new float[lines.size() * cols];
            double[] y = new double[lines.size()];
            TreeSet<String> labels = new TreeSet<>();
            lines.forEach(l -> labels.add(l[t]));
            List<String> labelList = new ArrayList<>(labels);
            for (int i = 0; i < lines.size(); i++) {
                String[] l = lines.get(i);
                for (int j = 0, c = 0; j < l.length; j++) {
                    if (j == t) {
                        continue;
                    }
                    float f;
                    try {
                        f = Float.parseFloat(l[j]);
                    } catch (NumberFormatException e) {
                        Map<String, Integer> m = codes.computeIfAbsent(j, k -> new HashMap<>());
                        f = m.computeIfAbsent(l[j], k -> m.size());
                    }
                    v[i * cols + c++] = f;
                }
                y[i] = labelList.indexOf(l[t]);
            }
            List<String> names = new ArrayList<>(Arrays.asList(header));
            names.remove(t);
            return new TrainingData(new FeatureMatrix(v, lines.size(), cols, names, new BitSet()),
                    new Target(Task.CLASSIFICATION, y, labelList, null));
        }
    }

    private static void time(Learner learner, TrainingData d, Params p, int threads) {
        long start = System.nanoTime();
        FittedModel m = learner.fit(d, null, p, new TrialContext(Deadline.never(), threads, 1));
        double fit = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        double acc = TestTables.accuracy(m.predict(d.x()), d.y());
        double predict = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s %s on %d x %d, %d thread(s): fit %.2f s, predict %.2f s, training accuracy %.3f%n",
                learner.name(), p, d.x().rows(), d.x().cols(), threads, fit, predict, acc);
    }

    private static void deadline(Learner learner, TrainingData d, Params p, double seconds) {
        long start = System.nanoTime();
        FittedModel m = learner.fit(d, null, p, new TrialContext(Deadline.afterSeconds(seconds), 2, 1));
        System.out.printf("%s %s with a %.0f s deadline: returned after %.2f s, fitted %s%n", learner.name(), p,
                seconds, (System.nanoTime() - start) / 1e9, m.fittedParams());
    }

    @Test
    void deadlines() throws IOException {
        TrainingData d = covertype(100_000);
        deadline(new RandomForest(), d, Params.empty(), 3);
        deadline(new RandomForest(), d, Params.empty(), 3);
        deadline(new ExtremeRandomTrees(), d, Params.empty(), 5);
        deadline(new dev.automl.algorithms.linear.LogisticRegression(), d, Params.empty(), 3);
    }

    @Test
    void elasticNet() throws IOException {
        // Regression stand-in: elevation from the other covertype columns, standardised.
        TrainingData c = covertype(100_000);
        int cols = c.x().cols() - 1;
        float[] v = new float[c.x().rows() * cols];
        double[] y = new double[c.x().rows()];
        for (int i = 0; i < c.x().rows(); i++) {
            y[i] = c.x().get(i, 0);
            for (int j = 0; j < cols; j++) {
                v[i * cols + j] = c.x().get(i, j + 1);
            }
        }
        for (int j = 0; j < cols; j++) {
            double m = 0;
            double sq = 0;
            for (int i = 0; i < y.length; i++) {
                m += v[i * cols + j];
                sq += (double) v[i * cols + j] * v[i * cols + j];
            }
            m /= y.length;
            double sd = Math.sqrt(sq / y.length - m * m);
            for (int i = 0; i < y.length; i++) {
                v[i * cols + j] = (float) ((v[i * cols + j] - m) / sd);
            }
        }
        TrainingData d = new TrainingData(new FeatureMatrix(v, y.length, cols, c.x().names().subList(1, cols + 1),
                new BitSet()), new Target(Task.REGRESSION, y, List.of(), null));
        Learner en = new dev.automl.algorithms.linear.ElasticNet();
        for (int rep = 0; rep < 2; rep++) {
            long start = System.nanoTime();
            FittedModel m = en.fit(d, null, Params.empty(), new TrialContext(Deadline.never(), 2, 1));
            System.out.printf("ElasticNet on %d x %d: fit %.2f s, training R^2 %.3f%n", y.length, cols,
                    (System.nanoTime() - start) / 1e9, TestTables.r2(m.predict(d.x()), d.y()));
        }
        deadline(en, d, Params.empty(), 1);
        deadline(new dev.automl.algorithms.linear.LogisticRegression(), c, Params.empty(), 3);
    }

    @Test
    void forests() throws IOException {
        TrainingData d = covertype(100_000);
        TrainingData small = covertype(5_000);
        // Warm the JIT first: the first fit of a JVM is several times slower than the next.
        new RandomForest().fit(small, null, Params.of("n_estimators", 20), new TrialContext(Deadline.never(), 1, 1));
        new ExtremeRandomTrees().fit(small, null, Params.of("n_estimators", 5), new TrialContext(Deadline.never(), 1, 1));
        for (int threads : new int[] {1, 2}) {
            time(new RandomForest(), d, Params.of("n_estimators", 4), threads);
            time(new RandomForest(), d, Params.of("n_estimators", 4), threads);
            time(new ExtremeRandomTrees(), d, Params.of("n_estimators", 2), threads);
        }
        time(new RandomForest(), d, Params.of("n_estimators", 4, "max_features", 1.0), 2);
        time(new ExtremeRandomTrees(), small, Params.of("n_estimators", 100), 1);
        time(new RandomForest(), small, Params.of("n_estimators", 100), 1);
        time(new dev.automl.algorithms.linear.LogisticRegression(), d, Params.empty(), 1);
        time(new dev.automl.algorithms.linear.LogisticRegression(), d, Params.empty(), 2);
    }
}
