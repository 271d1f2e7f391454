package dev.automl.algorithms.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.automl.algorithms.Contributions;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TreeSHAP over the engine's own trees: it equals a brute-force Shapley computation on small trees, the forests'
 * contributions add up to their predictions on real tables, they survive saving, and version-2 files, which have no
 * covers, load and predict but give none.
 */
class ForestContributionsTest {

    /**
     * Against the forests' predictions. Regression: the same weighted mean in double (measured: about 1e-14 of the
     * scale). Classification: the prediction divides by the sum of float class shares, which is 1 to within 1e-7.
     */
    private static final double ADDS_UP = 1e-6;
    /** Against the trees' weighted mean of leaves recomputed here, and against brute force: double rounding only. */
    private static final double EXACT = 1e-12;

    private static TrialContext ctx() {
        return new TrialContext(Deadline.never(), 1, 7);
    }

    @Test
    void forestsAddUpToTheirPredictionsAndSurviveSaving(@TempDir Path tmp) throws IOException {
        record Case(Learner learner, String table, TestTables.Split data, Params params) {
        }
        List<Case> cases = List.of(
                new Case(new RandomForest(), "iris", TestTables.iris(false), Params.of("n_estimators", 100)),
                new Case(new RandomForest(), "blood", TestTables.blood(false), Params.of("n_estimators", 50)),
                new Case(new RandomForest(), "concrete", TestTables.concrete(false), Params.of("n_estimators", 30)),
                new Case(new ExtremeRandomTrees(), "iris", TestTables.iris(false), Params.of("n_estimators", 100)),
                new Case(new ExtremeRandomTrees(), "concrete", TestTables.concrete(false),
                        Params.of("n_estimators", 30)),
                new Case(new DecisionTree(), "iris", TestTables.iris(false), Params.empty()),
                new Case(new DecisionTree(), "concrete", TestTables.concrete(false), Params.empty()));
        for (Case c : cases) {
            String what = c.learner().name() + " " + c.table();
            TrainingData train = c.data().train();
            Task task = train.y().task();
            int numClasses = task == Task.CLASSIFICATION ? train.y().numClasses() : 0;
            FeatureMatrix x = c.data().test().x();
            FittedModel m = c.learner().fit(train, null, c.params(), ctx());
            long start = System.nanoTime();
            Contributions contributions = m.contributions(x).orElseThrow();
            double seconds = (System.nanoTime() - start) / 1e9;
            int width = task == Task.CLASSIFICATION ? numClasses : 1;
            assertEquals(width, contributions.outputs(), what);
            assertEquals(x.rows(), contributions.rows(), what);
            assertEquals(x.cols(), contributions.features(), what);

            Predictions p = m.predict(x);
            double toPrediction = maxDifference(contributions, p.values());
            TreeEnsemble e = ((ForestModel) m).ensemble();
            double toMean = maxDifference(contributions, weightedMeanOfLeaves(e, x));
            double baseToMean = maxBaseDifference(contributions, e);
            System.out.printf(Locale.ROOT, "%s: %d trees, %d rows x %d features x %d outputs in %.2f s; max |base +"
                            + " sum - prediction| %.2e, max |base + sum - trees' weighted mean| %.2e, base %.2e%n",
                    what, e.trees().size(), x.rows(), x.cols(), width, seconds, toPrediction, toMean, baseToMean);
            assertTrue(toPrediction <= ADDS_UP, what + ": contributions against predictions " + toPrediction);
            assertTrue(toMean <= EXACT * scale(p.values()), what + ": against the trees' weighted mean " + toMean);
            assertTrue(baseToMean <= EXACT * scale(p.values()), what + ": base against cover-weighted leaves "
                    + baseToMean);

            Path dir = Files.createDirectories(tmp.resolve(c.learner().name() + "-" + c.table()));
            m.save(dir);
            assertTrue(Files.readString(dir.resolve(ForestFile.FILE_NAME)).contains("\"version\" : 3"), what);
            FittedModel loaded = c.learner().load(dir, task, numClasses);
            Contributions back = loaded.contributions(x).orElseThrow();
            assertArrayEquals(contributions.values(), back.values(), what + " after loading");
            assertArrayEquals(contributions.base(), back.base(), what + " after loading");
        }
    }

    /**
     * Depth 3 on four features: feature 0 is split on at three depths, feature 3 never, and rows sit on every side
     * of every threshold, on it included (ties go left).
     */
    @Test
    void matchesBruteForceShapleyOnAHandBuiltTree() {
        TreeArrays a = new TreeArrays(2);
        int root = a.split(0, 0.5);
        int l = a.split(1, 1.0);
        int ll = a.split(0, -1.0);
        a.children(ll, a.leaf(new double[] {3, -1}, 10), a.leaf(new double[] {-2, 0.5}, 30));
        a.children(l, ll, a.leaf(new double[] {7, 2}, 20));
        int r = a.split(2, 2.0);
        int rr = a.split(0, 3.0);
        a.children(rr, a.leaf(new double[] {-4, 1}, 15), a.leaf(new double[] {11, -3}, 40));
        a.children(r, a.leaf(new double[] {0.25, 6}, 5), rr);
        a.children(root, l, r);
        TreeEnsemble.Tree tree = a.build();

        float[][] levels = {{-2, -1, 0, 0.5f, 2, 3, 4}, {0, 1, 2}, {1, 2, 3}, {0, 7}};
        List<float[]> rows = new ArrayList<>();
        for (float x0 : levels[0]) {
            for (float x1 : levels[1]) {
                for (float x2 : levels[2]) {
                    for (float x3 : levels[3]) {
                        rows.add(new float[] {x0, x1, x2, x3});
                    }
                }
            }
        }
        double worst = assertMatchesBruteForce(tree, 4, rows, "hand-built");
        TreeShap shap = new TreeShap(tree, 4);
        double[] expected = shap.expected();
        // The cover-weighted mean of the leaves, 120 rows in all.
        assertEquals((3 * 10 - 2 * 30 + 7 * 20 - 4 * 15 + 11 * 40 + 0.25 * 5) / 120.0, expected[0], EXACT);
        double[] out = new double[2 * 4];
        for (float[] row : rows) {
            Arrays.fill(out, 0);
            shap.add(row, 0, 1, out, 0);
            assertEquals(0.0, out[3], "feature 3 is never split on");
            assertEquals(0.0, out[4 + 3], "feature 3 is never split on");
        }
        System.out.printf(Locale.ROOT, "hand-built tree, %d rows: max |TreeSHAP - brute force| %.2e%n", rows.size(),
                worst);
    }

    /** Random trees of up to 40 splits on 6 features, some leaves of cover 0, against brute force. */
    @Test
    void matchesBruteForceShapleyOnRandomTrees() {
        SplittableRandom random = new SplittableRandom(11);
        int features = 6;
        double worst = 0;
        for (int t = 0; t < 40; t++) {
            TreeEnsemble.Tree tree = randomTree(random, features, 1 + random.nextInt(40), t % 4 == 0);
            List<float[]> rows = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                float[] row = new float[features];
                for (int j = 0; j < features; j++) {
                    row[j] = random.nextInt(4) == 0 ? (float) tree.threshold()[random.nextInt(tree.threshold().length)]
                            : (float) random.nextGaussian();
                }
                rows.add(row);
            }
            worst = Math.max(worst, assertMatchesBruteForce(tree, features, rows, "random tree " + t));
        }
        System.out.printf(Locale.ROOT, "40 random trees x 30 rows: max |TreeSHAP - brute force| %.2e%n", worst);
    }

    /** A version-2 file, as saved before covers were recorded, loads and predicts the same, with no contributions. */
    @Test
    void aVersion2FileLoadsAndPredictsWithoutContributions(@TempDir Path dir) throws IOException {
        TestTables.Split s = TestTables.iris(false);
        RandomForest rf = new RandomForest();
        FittedModel m = rf.fit(s.train(), null, Params.of("n_estimators", 20), ctx());
        m.save(dir);
        rewriteAsVersion2(dir);
        String header = Files.readString(dir.resolve(ForestFile.FILE_NAME));
        assertTrue(header.contains("\"version\" : 2") && !header.contains("leaf_cover"), header);

        FittedModel old = rf.load(dir, Task.CLASSIFICATION, 3);
        FeatureMatrix x = s.test().x();
        assertArrayEquals(m.predict(x).values(), old.predict(x).values(), 0.0);
        assertTrue(old.contributions(x).isEmpty());
        assertTrue(m.contributions(x).isPresent());
        // A deadline already past gives none, rather than a wait.
        assertTrue(m.contributions(x, Deadline.afterSeconds(0)).isEmpty());
        assertTrue(m.contributions(x, Deadline.never()).isPresent());

        // Saved again it stays version 2, since it has no covers to write.
        Path again = Files.createDirectories(dir.resolve("again"));
        old.save(again);
        assertTrue(Files.readString(again.resolve(ForestFile.FILE_NAME)).contains("\"version\" : 2"));
        assertArrayEquals(m.predict(x).values(), rf.load(again, Task.CLASSIFICATION, 3).predict(x).values(), 0.0);
    }

    /** Fewer than two classes grow no trees: every row gets the prior as its base and no contributions. */
    @Test
    void aForestWithoutTreesGivesThePrior() {
        TestTables.Split s = TestTables.iris(false);
        TrainingData train = s.train();
        TrainingData oneClass = new TrainingData(train.x(), new Target(Task.CLASSIFICATION,
                new double[train.x().rows()], train.y().labels(), null));
        FittedModel m = new RandomForest().fit(oneClass, null, Params.empty(), ctx());
        FeatureMatrix x = s.test().x();
        Contributions c = m.contributions(x).orElseThrow();
        assertTrue(Arrays.stream(c.values()).allMatch(v -> v == 0));
        assertEquals(0.0, maxDifference(c, m.predict(x).values()));
    }

    @Test
    void rejectsTheWrongWidthAndMissingValues() {
        TestTables.Split s = TestTables.concrete(false);
        FittedModel m = new ExtremeRandomTrees().fit(s.train(), null, Params.of("n_estimators", 3), ctx());
        FeatureMatrix x = s.test().x();
        FeatureMatrix narrow = new FeatureMatrix(new float[x.cols() - 1], 1, x.cols() - 1,
                x.names().subList(0, x.cols() - 1), new BitSet());
        assertThrows(IllegalArgumentException.class, () -> m.contributions(narrow));
        float[] v = Arrays.copyOf(x.values(), x.cols());
        v[2] = Float.NaN;
        FeatureMatrix missing = new FeatureMatrix(v, 1, x.cols(), x.names(), new BitSet());
        // As predict() does: the featurizer imputes, so a NaN here is a caller's mistake.
        assertThrows(IllegalArgumentException.class, () -> m.predict(missing));
        assertThrows(IllegalArgumentException.class, () -> m.contributions(missing));
    }

    /**
     * Asserts that TreeSHAP gives each row the Shapley values of the cover-weighted conditional expectation, by
     * enumerating every coalition, and that the expected value is the empty coalition's; returns the largest
     * difference.
     */
    private static double assertMatchesBruteForce(TreeEnsemble.Tree tree, int features, List<float[]> rows,
                                                  String what) {
        TreeShap shap = new TreeShap(tree, features);
        int width = tree.width();
        double[] cover = splitCovers(tree);
        double[] empty = coalitionValue(tree, cover, new float[features], 0);
        double worst = 0;
        for (int k = 0; k < width; k++) {
            worst = Math.max(worst, Math.abs(empty[k] - shap.expected()[k]));
        }
        double[] factorial = new double[features + 1];
        factorial[0] = 1;
        for (int i = 1; i <= features; i++) {
            factorial[i] = factorial[i - 1] * i;
        }
        double[] out = new double[width * features];
        for (float[] row : rows) {
            double[][] value = new double[1 << features][];
            for (int set = 0; set < value.length; set++) {
                value[set] = coalitionValue(tree, cover, row, set);
            }
            double[] expected = new double[width * features];
            for (int j = 0; j < features; j++) {
                for (int set = 0; set < value.length; set++) {
                    if ((set & (1 << j)) != 0) {
                        continue;
                    }
                    int size = Integer.bitCount(set);
                    double weight = factorial[size] * factorial[features - size - 1] / factorial[features];
                    for (int k = 0; k < width; k++) {
                        expected[k * features + j] += weight * (value[set | (1 << j)][k] - value[set][k]);
                    }
                }
            }
            Arrays.fill(out, 0);
            shap.add(row, 0, 1, out, 0);
            for (int i = 0; i < out.length; i++) {
                double diff = Math.abs(out[i] - expected[i]);
                worst = Math.max(worst, diff);
                assertTrue(diff <= EXACT, String.format(Locale.ROOT, "%s, row %s, output %d, feature %d: TreeSHAP"
                        + " %.15g, brute force %.15g", what, Arrays.toString(row), i / features, i % features,
                        out[i], expected[i]));
            }
        }
        return worst;
    }

    /**
     * The tree's expected output when only the features in {@code set} are known: a split on a known feature follows
     * the row, one on an unknown feature averages its children weighted by their covers.
     */
    private static double[] coalitionValue(TreeEnsemble.Tree tree, double[] cover, float[] row, int set) {
        return tree.splitFeature().length == 0 ? leaf(tree, 0) : nodeValue(tree, cover, row, set, 0);
    }

    private static double[] nodeValue(TreeEnsemble.Tree tree, double[] cover, float[] row, int set, int ref) {
        if (ref < 0) {
            return leaf(tree, ~ref);
        }
        int l = tree.leftChild()[ref];
        int r = tree.rightChild()[ref];
        int f = tree.splitFeature()[ref];
        if ((set & (1 << f)) != 0) {
            return nodeValue(tree, cover, row, set, row[f] <= tree.threshold()[ref] ? l : r);
        }
        double[] lv = nodeValue(tree, cover, row, set, l);
        double[] rv = nodeValue(tree, cover, row, set, r);
        double lc = coverOf(tree, cover, l);
        double rc = coverOf(tree, cover, r);
        double[] out = new double[tree.width()];
        for (int k = 0; k < out.length; k++) {
            // A split without cover splits evenly, as TreeShap defines it.
            out[k] = lc + rc > 0 ? (lc * lv[k] + rc * rv[k]) / (lc + rc) : (lv[k] + rv[k]) / 2;
        }
        return out;
    }

    private static double[] leaf(TreeEnsemble.Tree tree, int leaf) {
        double[] out = new double[tree.width()];
        for (int k = 0; k < out.length; k++) {
            out[k] = tree.leafValue()[leaf * tree.width() + k];
        }
        return out;
    }

    private static double coverOf(TreeEnsemble.Tree tree, double[] cover, int ref) {
        return ref < 0 ? tree.leafCover()[~ref] : cover[ref];
    }

    /** Each split's cover, the sum of its leaves', computed by plain recursion. */
    private static double[] splitCovers(TreeEnsemble.Tree tree) {
        double[] cover = new double[tree.splitFeature().length];
        if (cover.length > 0) {
            fillCover(tree, cover, 0);
        }
        return cover;
    }

    private static double fillCover(TreeEnsemble.Tree tree, double[] cover, int ref) {
        if (ref < 0) {
            return tree.leafCover()[~ref];
        }
        cover[ref] = fillCover(tree, cover, tree.leftChild()[ref]) + fillCover(tree, cover, tree.rightChild()[ref]);
        return cover[ref];
    }

    /**
     * A random tree grown from the root with splits on random features and thresholds; features repeat along paths,
     * and with {@code zeroCovers} about a quarter of the leaves have cover 0.
     */
    private static TreeEnsemble.Tree randomTree(SplittableRandom random, int features, int splits,
                                                boolean zeroCovers) {
        int width = 1 + random.nextInt(3);
        TreeArrays a = new TreeArrays(width);
        List<int[]> open = new ArrayList<>();
        // Each open slot is {parent split, 0 for left or 1 for right}.
        int root = a.split(random.nextInt(features), random.nextGaussian());
        open.add(new int[] {root, 0});
        open.add(new int[] {root, 1});
        int made = 1;
        while (!open.isEmpty()) {
            int[] slot = open.remove(random.nextInt(open.size()));
            int ref;
            if (made < splits && random.nextInt(3) > 0) {
                ref = a.split(random.nextInt(features), random.nextGaussian());
                made++;
                open.add(new int[] {ref, 0});
                open.add(new int[] {ref, 1});
            } else {
                double[] value = IntStream.range(0, width).mapToDouble(k -> random.nextGaussian() * 10).toArray();
                double cover = zeroCovers && random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(50);
                ref = a.leaf(value, cover);
            }
            a.child(slot[0], slot[1] == 0, ref);
        }
        return a.build();
    }

    /** The trees' outputs averaged with the trees' weights, recomputed here leaf by leaf, row-major. */
    private static double[] weightedMeanOfLeaves(TreeEnsemble e, FeatureMatrix x) {
        int width = e.width();
        double[] out = new double[x.rows() * width];
        double weightSum = 0;
        for (int t = 0; t < e.trees().size(); t++) {
            weightSum += e.weight(t);
        }
        for (int r = 0; r < x.rows(); r++) {
            for (int t = 0; t < e.trees().size(); t++) {
                TreeEnsemble.Tree tree = e.trees().get(t);
                int leaf = tree.leafOf(x.values(), r * x.cols());
                for (int k = 0; k < width; k++) {
                    out[r * width + k] += e.weight(t) / weightSum * tree.leafValue()[leaf * width + k];
                }
            }
        }
        return out;
    }

    /** The largest difference between the base and the trees' weighted cover-weighted means of their leaves. */
    private static double maxBaseDifference(Contributions c, TreeEnsemble e) {
        int width = e.width();
        double[] mean = new double[width];
        double weightSum = 0;
        for (int t = 0; t < e.trees().size(); t++) {
            weightSum += e.weight(t);
        }
        for (int t = 0; t < e.trees().size(); t++) {
            TreeEnsemble.Tree tree = e.trees().get(t);
            double total = 0;
            double[] sum = new double[width];
            for (int leaf = 0; leaf < tree.leaves(); leaf++) {
                total += tree.leafCover()[leaf];
                for (int k = 0; k < width; k++) {
                    sum[k] += tree.leafCover()[leaf] * (double) tree.leafValue()[leaf * width + k];
                }
            }
            for (int k = 0; k < width; k++) {
                mean[k] += e.weight(t) / weightSum * sum[k] / total;
            }
        }
        double worst = 0;
        for (int k = 0; k < width; k++) {
            worst = Math.max(worst, Math.abs(mean[k] - c.base()[k]));
        }
        return worst;
    }

    /** The largest absolute difference between a row's base plus contributions and its margin, row-major. */
    private static double maxDifference(Contributions c, double[] margins) {
        assertEquals(c.rows() * c.outputs(), margins.length);
        double worst = 0;
        for (int r = 0; r < c.rows(); r++) {
            for (int k = 0; k < c.outputs(); k++) {
                worst = Math.max(worst, Math.abs(c.margin(r, k) - margins[r * c.outputs() + k]));
            }
        }
        return worst;
    }

    private static double scale(double[] values) {
        double max = 1;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /**
     * Rewrites a saved forest in the version-2 layout, as automl saved it before covers were recorded: the arrays
     * without leaf covers, and a header of version 2 with their size and checksum.
     */
    private static void rewriteAsVersion2(Path dir) throws IOException {
        TreeEnsemble e = ForestFile.read(dir).ensemble();
        ArrayFileWriter out = new ArrayFileWriter(dir.resolve(ForestFile.ARRAYS_NAME));
        try {
            for (TreeEnsemble.Tree tree : e.trees()) {
                out.ints(tree.splitFeature());
                out.doubles(tree.threshold());
                out.ints(tree.leftChild());
                out.ints(tree.rightChild());
                out.floats(tree.leafValue());
            }
        } finally {
            out.close();
        }
        ObjectMapper json = new ObjectMapper();
        Path file = dir.resolve(ForestFile.FILE_NAME);
        ObjectNode root = (ObjectNode) json.readTree(file.toFile());
        root.put("version", 2);
        ObjectNode arrays = (ObjectNode) root.get("arrays");
        arrays.put("bytes", out.bytes());
        arrays.put("crc32", out.crc32());
        arrays.put("layout", "for each tree in order: split_feature int32[splits], threshold float64[splits], "
                + "left_child int32[splits], right_child int32[splits], leaf_value float32[leaves * width]; a child "
                + ">= 0 is a split, < 0 is leaf ~child; a row goes left when x[split_feature] <= threshold");
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }
}
