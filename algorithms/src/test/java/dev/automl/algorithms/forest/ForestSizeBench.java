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
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Size, save/load and accuracy measurements of forests at their defaults on covertype, run by hand only:
 * {@code mvn -o verify -pl data,featurization,algorithms -DskipITs -Dtest=ForestSizeBench
 * -Dsurefire.failIfNoSpecifiedTests=false -Dautoml.bench=true}; add {@code -Dautoml.bench.trees=N} to ask for N trees
 * instead of the default number, {@code -Dautoml.bench.threads=2} for one thread count only.
 */
@EnabledIfSystemProperty(named = "automl.bench", matches = "true")
class ForestSizeBench {

    /** Bytes of the tree arrays on a 64-bit JVM with compressed pointers: 16-byte array headers, 8-byte alignment. */
    static long arrayBytes(Object array) {
        Class<?> c = array.getClass().getComponentType();
        int element = c == double.class || c == long.class ? 8 : c == float.class || c == int.class ? 4 : 8;
        long raw = 16L + (long) Array.getLength(array) * element;
        return (raw + 7) / 8 * 8;
    }

    static long ensembleBytes(TreeEnsemble e) {
        long bytes = 0;
        for (TreeEnsemble.Tree t : e.trees()) {
            // The record: a 12-byte header, five compressed references and the width, aligned to 8.
            bytes += 40 + arrayBytes(t.splitFeature()) + arrayBytes(t.threshold()) + arrayBytes(t.leftChild())
                    + arrayBytes(t.rightChild()) + arrayBytes(t.leafValue());
        }
        return bytes;
    }

    private static TrainingData rows(TrainingData d, int from, int to) {
        int[] keep = IntStream.range(from, to).toArray();
        int cols = d.x().cols();
        float[] v = Arrays.copyOfRange(d.x().values(), from * cols, to * cols);
        return new TrainingData(new FeatureMatrix(v, keep.length, cols, d.x().names(), new BitSet()),
                d.y().select(keep));
    }

    private static void measure(Learner learner, TrainingData d, TrainingData test, Params p, int threads, Path dir)
            throws IOException {
        long start = System.nanoTime();
        FittedModel m = learner.fit(d, null, p, new TrialContext(Deadline.never(), threads, 1));
        double fit = (System.nanoTime() - start) / 1e9;
        TreeEnsemble e = ((ForestModel) m).ensemble();
        int trees = e.trees().size();
        long leaves = 0;
        long leafValues = 0;
        int maxLeaves = 0;
        for (TreeEnsemble.Tree t : e.trees()) {
            leaves += t.leaves();
            leafValues += Array.getLength(t.leafValue());
            maxLeaves = Math.max(maxLeaves, t.leaves());
        }
        String accuracy = test == null ? "" : String.format(", holdout accuracy %.4f",
                TestTables.accuracy(m.predict(test.x()), test.y()));

        Path out = Files.createDirectories(dir.resolve(learner.name() + "-" + threads));
        start = System.nanoTime();
        m.save(out);
        double save = (System.nanoTime() - start) / 1e9;
        long fileBytes = 0;
        StringBuilder files = new StringBuilder();
        try (Stream<Path> s = Files.list(out)) {
            for (Path f : s.sorted().toList()) {
                long size = Files.size(f);
                fileBytes += size;
                files.append(String.format(" %s %.1f MB", f.getFileName(), size / 1e6));
            }
        }
        start = System.nanoTime();
        FittedModel back = learner.load(out, d.y().task(), d.y().numClasses());
        double load = (System.nanoTime() - start) / 1e9;
        TrainingData probe = rows(d, 0, 2000);
        boolean same = Arrays.equals(m.predict(probe.x()).values(), back.predict(probe.x()).values());

        System.out.printf("%s %s on %d x %d, %d thread(s): %d trees, fit %.1f s = %.3f s per tree; leaves per tree "
                        + "mean %d, max %d; %d leaf values; in memory %.1f MB; files%s (%.1f MB); save %.2f s, "
                        + "load %.2f s; predictions after load identical: %s%s%n",
                learner.name(), p, d.x().rows(), d.x().cols(), threads, trees, fit, fit / Math.max(1, trees),
                trees == 0 ? 0 : leaves / trees, maxLeaves, leafValues, ensembleBytes(e) / 1e6, files,
                fileBytes / 1e6, save, load, same, accuracy);
        try (Stream<Path> s = Files.list(out)) {
            for (Path f : s.toList()) {
                Files.delete(f);
            }
        }
    }

    /** The first fits of a JVM run several times slower than the next: grow a few trees of each kind first. */
    private static void warmUp(TrainingData d) {
        for (Learner l : List.of(new RandomForest(), new ExtremeRandomTrees())) {
            l.fit(d, null, Params.of("n_estimators", 2), new TrialContext(Deadline.never(), 1, 99));
        }
    }

    private static int[] threads(int... dflt) {
        String threads = System.getProperty("automl.bench.threads");
        return threads == null ? dflt : new int[] {Integer.parseInt(threads)};
    }

    private static Params params() {
        String trees = System.getProperty("automl.bench.trees");
        return trees == null ? Params.empty() : Params.of("n_estimators", Integer.parseInt(trees));
    }

    @Test
    void defaultsOnCovertype(@TempDir Path dir) throws IOException {
        TrainingData d = CovertypeTimingBench.covertype(100_000);
        warmUp(d);
        Params p = params();
        for (Learner l : List.of(new RandomForest(), new ExtremeRandomTrees())) {
            for (int t : threads(1, 2)) {
                measure(l, d, null, p, t, dir);
            }
        }
    }

    /** Accuracy on the last 20,000 rows of forests grown on the first 80,000, at the defaults, 2 threads. */
    @Test
    void holdoutAccuracyOnCovertype(@TempDir Path dir) throws IOException {
        TrainingData d = CovertypeTimingBench.covertype(100_000);
        TrainingData train = rows(d, 0, 80_000);
        TrainingData test = rows(d, 80_000, 100_000);
        warmUp(train);
        for (Learner l : List.of(new RandomForest(), new ExtremeRandomTrees())) {
            measure(l, train, test, params(), 2, dir);
        }
    }

    /**
     * What the budget and ExtremeRandomTrees' leaf cap each cost in accuracy: the holdout split above, with and
     * without either.
     */
    @Test
    void holdoutAccuracyWithAndWithoutTheLimits(@TempDir Path dir) throws IOException {
        TrainingData d = CovertypeTimingBench.covertype(100_000);
        TrainingData train = rows(d, 0, 80_000);
        TrainingData test = rows(d, 80_000, 100_000);
        warmUp(train);
        measure(new ExtremeRandomTrees(Long.MAX_VALUE), train, test, Params.of("max_leaf_nodes", 0), 2, dir);
        measure(new ExtremeRandomTrees(), train, test, Params.of("max_leaf_nodes", 0), 2, dir);
        measure(new ExtremeRandomTrees(Long.MAX_VALUE), train, test, Params.empty(), 2, dir);
        measure(new ExtremeRandomTrees(), train, test, Params.empty(), 2, dir);
        measure(new RandomForest(Long.MAX_VALUE), train, test, Params.empty(), 2, dir);
    }

    @Test
    void regressionOnCovertypeElevation(@TempDir Path dir) throws IOException {
        // A wide-output-free case: elevation from the other columns, where every leaf holds one value.
        TrainingData c = CovertypeTimingBench.covertype(100_000);
        int cols = c.x().cols() - 1;
        float[] v = new float[c.x().rows() * cols];
        double[] y = new double[c.x().rows()];
        for (int i = 0; i < c.x().rows(); i++) {
            y[i] = c.x().get(i, 0);
            for (int j = 0; j < cols; j++) {
                v[i * cols + j] = c.x().get(i, j + 1);
            }
        }
        TrainingData d = new TrainingData(new FeatureMatrix(v, y.length, cols, c.x().names().subList(1, cols + 1),
                new BitSet()), new Target(Task.REGRESSION, y, List.of(), null));
        warmUp(d);
        for (Learner l : List.of(new RandomForest(), new ExtremeRandomTrees())) {
            for (int t : threads(2)) {
                measure(l, d, null, params(), t, dir);
            }
        }
    }
}
