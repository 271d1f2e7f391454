package dev.automl.algorithms.forest;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Training-time measurements of the extremely randomized trees, run by hand only:
 * {@code mvn -o -pl algorithms verify -Dtest=ExtraTreesTimingBench -Dautoml.bench=true}.
 */
@EnabledIfSystemProperty(named = "automl.bench", matches = "true")
class ExtraTreesTimingBench {

    /**
     * scikit-learn's make_friedman1 with 20 features (5 informative, uniform on [0, 1], noise sd 1); for
     * classification the target is whether y is above its median.
     */
    static TrainingData friedman(int rows, int cols, Task task, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[rows * cols];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                v[i * cols + j] = (float) r.nextDouble();
            }
            int b = i * cols;
            y[i] = 10 * Math.sin(Math.PI * v[b] * v[b + 1]) + 20 * Math.pow(v[b + 2] - 0.5, 2) + 10 * v[b + 3]
                    + 5 * v[b + 4] + gaussian(r);
        }
        List<String> names = IntStream.range(0, cols).mapToObj(j -> "x" + j).toList();
        FeatureMatrix x = new FeatureMatrix(v, rows, cols, names, new BitSet());
        if (task == Task.REGRESSION) {
            return new TrainingData(x, new Target(task, y, List.of(), null));
        }
        double median = Arrays.stream(y).sorted().toArray()[rows / 2];
        double[] c = Arrays.stream(y).map(t -> t > median ? 1 : 0).toArray();
        return new TrainingData(x, new Target(task, c, List.of("low", "high"), null));
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static double seconds(Learner l, TrainingData d, Params p, int threads) {
        long start = System.nanoTime();
        l.fit(d, null, p, new TrialContext(Deadline.never(), threads, 1));
        return (System.nanoTime() - start) / 1e9;
    }

    @Test
    void oneTreeOnCovertype() throws IOException {
        TrainingData d = CovertypeTimingBench.covertype(100_000);
        ExtraTreeData data = ExtraTreeData.of(d.x(), d.y());
        ExtraTrees.Settings s = new ExtraTrees.Settings(MaxFeatures.of("sqrt").featuresPerSplit(d.x().cols()), 2, 1,
                Integer.MAX_VALUE, Integer.MAX_VALUE, SplitCriterion.Kind.GINI);
        double[] ms = new double[20];
        int leaves = 0;
        for (int t = 0; t < ms.length; t++) {
            long start = System.nanoTime();
            leaves += new ExtraTreeGrower(data, s, TreeSeeds.of(1, t)).grow().leaves();
            ms[t] = (System.nanoTime() - start) / 1e6;
        }
        double[] warm = Arrays.copyOfRange(ms, 5, ms.length);
        Arrays.sort(warm);
        System.out.printf("ExtraTreeGrower, one tree on covertype %d x %d (7 classes, max_features sqrt = %d), "
                        + "1 thread: first %.0f ms, second %.0f ms; after 5 warm-up trees median %.0f ms, min %.0f ms, "
                        + "max %.0f ms; %d leaves per tree on average%n", d.x().rows(), d.x().cols(),
                s.featuresPerSplit(), ms[0], ms[1], warm[warm.length / 2], warm[0], warm[warm.length - 1],
                leaves / ms.length);
    }

    @Test
    void hundredTreesOnFiveThousandRows() {
        ExtremeRandomTrees et = new ExtremeRandomTrees();
        for (Task task : new Task[] {Task.CLASSIFICATION, Task.REGRESSION}) {
            TrainingData d = friedman(5_000, 20, task, 7);
            seconds(et, d, Params.of("n_estimators", 30), 1);
            for (int threads : new int[] {1, 2}) {
                for (int rep = 0; rep < 3; rep++) {
                    System.out.printf("ExtremeRandomTrees %s, 100 trees on 5,000 x 20 (friedman1), %d thread(s): "
                            + "%.3f s%n", task.id(), threads, seconds(et, d, Params.of("n_estimators", 100), threads));
                }
            }
        }
    }

    @Test
    void costRelativeToRandomForest() throws IOException {
        Learner et = new ExtremeRandomTrees();
        Learner rf = new RandomForest();
        TrainingData cover = CovertypeTimingBench.covertype(100_000);
        List<TrainingData> sets = List.of(cover, CovertypeTimingBench.covertype(10_000),
                friedman(5_000, 20, Task.CLASSIFICATION, 7), friedman(5_000, 20, Task.REGRESSION, 7),
                TestTables.concrete(false).train(), TestTables.blood(false).train());
        List<String> names = List.of("covertype 100k x 12", "covertype 10k x 12", "friedman1 class 5k x 20",
                "friedman1 regr 5k x 20", "concrete (regr)", "blood_transfusion");
        for (int i = 0; i < sets.size(); i++) {
            TrainingData d = sets.get(i);
            int trees = d.x().rows() >= 50_000 ? 8 : 100;
            Params p = Params.of("n_estimators", trees);
            seconds(et, d, p, 2);
            seconds(rf, d, p, 2);
            double a = Math.min(seconds(et, d, p, 2), seconds(et, d, p, 2));
            double b = Math.min(seconds(rf, d, p, 2), seconds(rf, d, p, 2));
            System.out.printf("%-24s %3d trees, defaults, 2 threads: ExtremeRandomTrees %.3f s, RandomForest %.3f s, "
                    + "ratio %.2f%n", names.get(i), trees, a, b, a / b);
        }
    }
}
