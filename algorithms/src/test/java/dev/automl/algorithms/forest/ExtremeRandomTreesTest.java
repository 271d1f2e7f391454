package dev.automl.algorithms.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtremeRandomTreesTest {

    private static final ExtremeRandomTrees ET = new ExtremeRandomTrees();

    private static TrialContext ctx(long seed) {
        return new TrialContext(Deadline.never(), 1, seed);
    }

    private static List<TreeEnsemble.Tree> trees(FittedModel m) {
        return ((ForestModel) m).ensemble().trees();
    }

    @Test
    void irisAccuracyAtLeast90Percent() {
        // Floor: any sound tree ensemble separates iris's three species; 0.9 leaves room for the 37 test rows.
        TestTables.Split s = TestTables.iris(false);
        for (String criterion : List.of("gini", "entropy")) {
            FittedModel m = ET.fit(s.train(), null, Params.of("n_estimators", 100, "criterion", criterion), ctx(1));
            double acc = TestTables.accuracy(m.predict(s.test().x()), s.test().y());
            System.out.printf("ExtremeRandomTrees %s iris accuracy %.4f (floor 0.90)%n", criterion, acc);
            assertTrue(acc >= 0.9, criterion + " accuracy " + acc);
        }
    }

    @Test
    void bloodTransfusionAucAtLeast068() {
        // Floor: TunedRF scores AUC 0.686 on blood-transfusion in the AutoML benchmark (PEERS.md section 3).
        // Fully grown trees overfit its four heavily tied features (about 0.67 here, printed below), so the
        // floor is asserted for leaves of at least 10 rows, a point of the search space.
        TestTables.Split s = TestTables.blood(false);
        double grown = TestTables.auc(ET.fit(s.train(), null, Params.empty(), ctx(1)).predict(s.test().x()),
                s.test().y());
        FittedModel m = ET.fit(s.train(), null, Params.of("min_samples_leaf", 10), ctx(1));
        double auc = TestTables.auc(m.predict(s.test().x()), s.test().y());
        System.out.printf("ExtremeRandomTrees blood_transfusion AUC %.4f with min_samples_leaf 10 (floor 0.68), "
                + "%.4f fully grown%n", auc, grown);
        assertTrue(auc >= 0.68, "AUC " + auc);
    }

    @Test
    void concreteR2AtLeast085() {
        // Floor: RandomForest reaches 0.92 here and scikit-learn's ExtraTreesRegressor about 0.90 on concrete.
        TestTables.Split s = TestTables.concrete(false);
        FittedModel m = ET.fit(s.train(), null, Params.empty(), ctx(1));
        double r2 = TestTables.r2(m.predict(s.test().x()), s.test().y());
        System.out.printf("ExtremeRandomTrees concrete R^2 %.4f (floor 0.85)%n", r2);
        assertTrue(r2 >= 0.85, "R^2 " + r2);
    }

    @Test
    void offersBothTasks() {
        assertEquals(Set.of(Task.CLASSIFICATION, Task.REGRESSION), ET.tasks());
    }

    @Test
    void cutPointsAreUniformInTheNodeRangeAndNotMidpoints() {
        // blood_transfusion's features are integers, so a midpoint between neighbouring values is an integer or a
        // half-integer; a cut drawn uniformly in (min, max) almost never is.
        TestTables.Split s = TestTables.blood(false);
        FeatureMatrix x = s.train().x();
        Params stumps = Params.of("n_estimators", 400, "max_depth", 1, "max_features", 1);
        List<TreeEnsemble.Tree> a = trees(ET.fit(s.train(), null, stumps, ctx(1)));
        List<TreeEnsemble.Tree> b = trees(ET.fit(s.train(), null, stumps, ctx(2)));
        int[] quarters = new int[4];
        int sameAsOtherSeed = 0;
        for (int t = 0; t < a.size(); t++) {
            int f = a.get(t).splitFeature()[0];
            double cut = a.get(t).threshold()[0];
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < x.rows(); r++) {
                min = Math.min(min, x.get(r, f));
                max = Math.max(max, x.get(r, f));
            }
            assertTrue(cut > min && cut < max, "root cut " + cut + " outside (" + min + ", " + max + ")");
            assertTrue(2 * cut != Math.rint(2 * cut), "root cut " + cut + " is an integer or a half-integer");
            quarters[(int) Math.min(3, 4 * (cut - min) / (max - min))]++;
            if (cut == b.get(t).threshold()[0]) {
                sameAsOtherSeed++;
            }
        }
        System.out.println("ExtremeRandomTrees root cuts per quarter of (min, max) over 400 stumps: "
                + Arrays.toString(quarters));
        for (int q : quarters) {
            assertTrue(q >= 60, "root cuts per quarter " + Arrays.toString(quarters) + ": not uniform");
        }
        assertEquals(0, sameAsOtherSeed, "root cuts shared with another seed");

        int halfIntegers = 0;
        int cuts = 0;
        for (TreeEnsemble.Tree t : trees(ET.fit(s.train(), null, Params.of("n_estimators", 20), ctx(3)))) {
            for (double c : t.threshold()) {
                cuts++;
                if (2 * c == Math.rint(2 * c)) {
                    halfIntegers++;
                }
            }
        }
        System.out.printf("ExtremeRandomTrees: %d of %d cut points in fully grown trees are integers or "
                + "half-integers%n", halfIntegers, cuts);
        assertEquals(0, halfIntegers);
    }

    @Test
    void everyTreeSeesEveryRowAndFullyGrownLeavesReproduceTheLabels() {
        // Routing all training rows through a tree reproduces every leaf's class shares only if the tree was grown
        // on all of them once, not on a bootstrap sample; a fully grown tree's leaf is pure unless its rows cannot
        // be told apart.
        TestTables.Split s = TestTables.blood(false);
        FeatureMatrix x = s.train().x();
        Target y = s.train().y();
        for (TreeEnsemble.Tree t : trees(ET.fit(s.train(), null, Params.of("n_estimators", 10), ctx(3)))) {
            double[][] counts = new double[t.leaves()][2];
            float[][] firstRow = new float[t.leaves()][];
            boolean[] identical = new boolean[t.leaves()];
            for (int r = 0; r < x.rows(); r++) {
                int leaf = t.leafOf(x.values(), r * x.cols());
                counts[leaf][y.classOf(r)]++;
                float[] row = Arrays.copyOfRange(x.values(), r * x.cols(), (r + 1) * x.cols());
                if (firstRow[leaf] == null) {
                    firstRow[leaf] = row;
                    identical[leaf] = true;
                } else {
                    identical[leaf] &= Arrays.equals(firstRow[leaf], row);
                }
            }
            for (int leaf = 0; leaf < t.leaves(); leaf++) {
                double n = counts[leaf][0] + counts[leaf][1];
                assertTrue(n > 0, "leaf " + leaf + " reached by no training row");
                assertEquals((float) (counts[leaf][1] / n), t.leafValue()[leaf * 2 + 1], 0f, "leaf " + leaf);
                boolean pure = counts[leaf][0] == 0 || counts[leaf][1] == 0;
                assertTrue(pure || identical[leaf], "leaf " + leaf + " mixes classes of rows that differ");
            }
        }
    }

    @Test
    void regressionLeavesHoldTheMeanOfAllTheirTrainingRows() {
        TestTables.Split s = TestTables.concrete(false);
        FeatureMatrix x = s.train().x();
        FittedModel m = ET.fit(s.train(), null, Params.of("n_estimators", 5, "min_samples_leaf", 5), ctx(4));
        for (TreeEnsemble.Tree t : trees(m)) {
            double[] sum = new double[t.leaves()];
            int[] n = new int[t.leaves()];
            for (int r = 0; r < x.rows(); r++) {
                int leaf = t.leafOf(x.values(), r * x.cols());
                sum[leaf] += s.train().y().y()[r];
                n[leaf]++;
            }
            for (int leaf = 0; leaf < t.leaves(); leaf++) {
                assertTrue(n[leaf] >= 5, "leaf " + leaf + " has " + n[leaf] + " rows, min_samples_leaf is 5");
                // A float leaf: the mean rounded, give or take the last bit for the order it was summed in.
                float mean = (float) (sum[leaf] / n[leaf]);
                assertEquals(mean, t.leafValue()[leaf], Math.ulp(mean), "leaf " + leaf);
            }
        }
    }

    @Test
    void maxLeafNodesCapsEveryTree() {
        TestTables.Split s = TestTables.concrete(false);
        FittedModel capped = ET.fit(s.train(), null, Params.of("n_estimators", 20, "max_leaf_nodes", 16), ctx(3));
        FittedModel unlimited = ET.fit(s.train(), null, Params.of("n_estimators", 20, "max_leaf_nodes", 0), ctx(3));
        assertTrue(trees(capped).stream().allMatch(t -> t.leaves() == 16),
                trees(capped).stream().map(TreeEnsemble.Tree::leaves).toList().toString());
        assertTrue(trees(unlimited).stream().allMatch(t -> t.leaves() > 300), "fully grown trees on 773 rows");
        assertEquals(16, capped.fittedParams().getInt("max_leaf_nodes", -1));
        double r2 = TestTables.r2(capped.predict(s.test().x()), s.test().y());
        System.out.printf("ExtremeRandomTrees concrete R^2 %.4f with 16 leaves per tree%n", r2);
        assertTrue(r2 > 0.6, "R^2 " + r2);
    }

    @Test
    void sameSeedSameForestWithOneOrTwoThreads() {
        for (TestTables.Split s : List.of(TestTables.blood(false), TestTables.concrete(false))) {
            Params p = Params.of("n_estimators", 25);
            double[] a = ET.fit(s.train(), null, p, ctx(4)).predict(s.test().x()).values();
            double[] b = ET.fit(s.train(), null, p, new TrialContext(Deadline.never(), 2, 4)).predict(s.test().x())
                    .values();
            assertArrayEquals(a, b, 0.0);
        }
    }

    @Test
    void deadlineAlreadyPassedReturnsAtOnce() {
        TestTables.Split s = TestTables.blood(false);
        long start = System.nanoTime();
        FittedModel m = ET.fit(s.train(), null, Params.empty(), new TrialContext(Deadline.afterSeconds(0), 1, 1));
        assertTrue(m.stoppedByDeadline(), "a model fitted after its deadline says so");
        assertTrue((System.nanoTime() - start) / 1e9 < 1.0);
        assertEquals(0, m.fittedParams().getInt("n_estimators", -1));
    }

    @Test
    void savedModelPredictsExactlyTheSame(@TempDir Path dir) throws Exception {
        TestTables.Split iris = TestTables.iris(false);
        TestTables.Split concrete = TestTables.concrete(false);
        for (TestTables.Split s : List.of(iris, concrete)) {
            Path d = dir.resolve(s.train().y().task().id());
            java.nio.file.Files.createDirectories(d);
            FittedModel m = ET.fit(s.train(), null, Params.of("n_estimators", 20), ctx(2));
            m.save(d);
            FittedModel back = ET.load(d, s.train().y().task(), s.train().y().numClasses());
            assertArrayEquals(m.predict(s.test().x()).values(), back.predict(s.test().x()).values(), 0.0);
            assertEquals(m.fittedParams(), back.fittedParams());
        }
    }

    @Test
    void classProbabilitiesAverageTheTreesAndSumToOne() {
        TestTables.Split s = TestTables.iris(false);
        FittedModel m = ET.fit(s.train(), null, Params.of("n_estimators", 7), ctx(5));
        Predictions p = m.predict(s.test().x());
        FeatureMatrix x = s.test().x();
        for (int r = 0; r < x.rows(); r++) {
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                double mean = 0;
                for (TreeEnsemble.Tree t : trees(m)) {
                    mean += (double) t.leafValue()[t.leafOf(x.values(), r * x.cols()) * 3 + k] / 7;
                }
                // Float leaves sum to 1 within float rounding; the ensemble rescales the sum of votes to exactly 1.
                assertEquals(mean, p.probability(r, k), 1e-6);
                sum += p.probability(r, k);
            }
            assertEquals(1.0, sum, 1e-12);
        }
    }

    /** The training rows with one row's weight set (null weights stand for 1). */
    private static TrainingData weighted(TrainingData d, double[] weights) {
        Target y = d.y();
        return new TrainingData(d.x(), new Target(y.task(), y.y(), y.labels(), weights));
    }

    private static TrainingData without(TrainingData d, int row) {
        int[] keep = IntStream.range(0, d.x().rows()).filter(r -> r != row).toArray();
        int cols = d.x().cols();
        float[] v = new float[keep.length * cols];
        for (int i = 0; i < keep.length; i++) {
            System.arraycopy(d.x().values(), keep[i] * cols, v, i * cols, cols);
        }
        return new TrainingData(new FeatureMatrix(v, keep.length, cols, d.x().names(), new BitSet()),
                d.y().select(keep));
    }

    @Test
    void aRowOfWeightZeroIsAsIfAbsent() {
        for (TestTables.Split s : List.of(TestTables.blood(false), TestTables.concrete(false))) {
            int n = s.train().x().rows();
            double[] w = new double[n];
            Arrays.fill(w, 1.0);
            // The row holding the largest value of feature 0, so that keeping it would widen the root's range.
            int row = IntStream.range(0, n).boxed()
                    .max((i, j) -> Float.compare(s.train().x().get(i, 0), s.train().x().get(j, 0))).orElseThrow();
            w[row] = 0;
            Params p = Params.of("n_estimators", 10);
            double[] zero = ET.fit(weighted(s.train(), w), null, p, ctx(6)).predict(s.test().x()).values();
            double[] gone = ET.fit(without(s.train(), row), null, p, ctx(6)).predict(s.test().x()).values();
            double[] kept = ET.fit(s.train(), null, p, ctx(6)).predict(s.test().x()).values();
            assertArrayEquals(gone, zero, 0.0);
            assertTrue(TestTables.maxDiff(kept, zero) > 0, "the row weighed 1 changes nothing");
        }
    }

    @Test
    void doublingOneClassesWeightsRaisesItsProbabilities() {
        TestTables.Split s = TestTables.blood(false);
        Target y = s.train().y();
        double[] w = new double[y.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = y.classOf(i) == 1 ? 2.0 : 1.0;
        }
        Params p = Params.of("n_estimators", 50, "min_samples_leaf", 5);
        Predictions plain = ET.fit(s.train(), null, p, ctx(7)).predict(s.test().x());
        Predictions heavy = ET.fit(weighted(s.train(), w), null, p, ctx(7)).predict(s.test().x());
        double before = 0;
        double after = 0;
        int higher = 0;
        for (int r = 0; r < plain.rows(); r++) {
            before += plain.probability(r, 1) / plain.rows();
            after += heavy.probability(r, 1) / plain.rows();
            higher += heavy.probability(r, 1) >= plain.probability(r, 1) ? 1 : 0;
        }
        System.out.printf("ExtremeRandomTrees blood_transfusion mean P(donated) %.3f, %.3f with its rows weighted "
                + "2 (%d of %d rows up or level)%n", before, after, higher, plain.rows());
        assertTrue(after > before + 0.05, before + " -> " + after);
        assertTrue(higher >= 0.9 * plain.rows(), higher + " of " + plain.rows());
    }

    @Test
    void everyPortfolioEntryAndSampledPointFits() {
        Random rng = new Random(8);
        for (TestTables.Split s : List.of(TestTables.blood(false), TestTables.concrete(false))) {
            Task task = s.train().y().task();
            DataShape shape = new DataShape(s.train().x().rows(), s.train().x().cols(),
                    s.train().y().numClasses(), 0);
            List<Params> configs = new java.util.ArrayList<>(ET.portfolio(task, shape));
            for (int i = 0; i < 3; i++) {
                configs.add(ET.space(task, shape).sample(rng).with("n_estimators", 20));
            }
            for (Params p : configs) {
                Predictions pred = ET.fit(s.train(), null, p, new TrialContext(Deadline.never(), 2, 9))
                        .predict(s.test().x());
                assertTrue(Arrays.stream(pred.values()).allMatch(Double::isFinite), task + " " + p);
            }
        }
    }

    @Test
    void badSettingsFailWithTheirName() {
        TestTables.Split blood = TestTables.blood(false);
        TestTables.Split concrete = TestTables.concrete(false);
        for (Params p : List.of(Params.of("min_samples_split", 1), Params.of("min_samples_leaf", 0),
                Params.of("max_depth", -1), Params.of("criterion", "log_loss"), Params.of("max_features", 1.5),
                Params.of("max_leaf_nodes", 1), Params.of("max_leaf_nodes", -5), Params.of("max_trees", 10))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ET.fit(blood.train(), null, p, ctx(1)));
            assertTrue(e.getMessage().startsWith("ExtremeRandomTrees"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> ET.fit(concrete.train(), null, Params.of("criterion", "gini"), ctx(1)));
        double[] w = new double[blood.train().x().rows()];
        Arrays.fill(w, 1.0);
        w[3] = -1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ET.fit(weighted(blood.train(), w), null, Params.empty(), ctx(1)));
        assertTrue(e.getMessage().contains("row 3"), e.getMessage());
    }
}
