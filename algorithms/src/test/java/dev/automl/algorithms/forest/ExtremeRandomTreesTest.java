package dev.automl.algorithms.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrialContext;
import dev.automl.metrics.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.TreeModel;

class ExtremeRandomTreesTest {

    private static final ExtremeRandomTrees ET = new ExtremeRandomTrees();

    private static TrialContext ctx(long seed) {
        return new TrialContext(Deadline.never(), 1, seed);
    }

    @Test
    void irisAccuracyAtLeast90Percent() {
        // Floor: any sound tree ensemble separates iris's three species; 0.9 leaves room for the 37 test rows.
        TestTables.Split s = TestTables.iris(false);
        FittedModel m = ET.fit(s.train(), null, Params.of("n_estimators", 100), ctx(1));
        double acc = TestTables.accuracy(m.predict(s.test().x()), s.test().y());
        System.out.printf("ExtremeRandomTrees iris accuracy %.4f (floor 0.90)%n", acc);
        assertTrue(acc >= 0.9, "accuracy " + acc);
    }

    @Test
    void bloodTransfusionAuc() {
        // Floor: the RandomForest floor less 0.03: extra trees on four heavily tied features are a weaker learner.
        TestTables.Split s = TestTables.blood(false);
        FittedModel m = ET.fit(s.train(), null, Params.of("n_estimators", 100, "min_samples_split", 20), ctx(1));
        double auc = TestTables.auc(m.predict(s.test().x()), s.test().y());
        System.out.printf("ExtremeRandomTrees blood_transfusion AUC %.4f (floor 0.65)%n", auc);
        assertTrue(auc >= 0.65, "AUC " + auc);
    }

    @Test
    void regressionIsRefusedWithTheReason() {
        TestTables.Split s = TestTables.concrete(false);
        assertEquals(Set.of(Task.CLASSIFICATION), ET.tasks());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ET.fit(s.train(), null, Params.empty(), ctx(1)));
        assertTrue(e.getMessage().contains("tribuo#407"), e.getMessage());
    }

    @Test
    void predictionsThroughOwnFormatEqualTribuo() {
        for (TestTables.Split s : List.of(TestTables.iris(false), TestTables.blood(false))) {
            TribuoTrees grower = new TribuoTrees(s.train(), new TribuoTrees.Settings(2, 2f, Integer.MAX_VALUE, "gini"));
            long[] seeds = TreeSeeds.range(9, 0, 20);
            List<TreeModel<Label>> models = new ArrayList<>();
            List<WeightedTree> trees = new ArrayList<>();
            int[] columns = grower.columnOfFeatureId();
            for (long seed : seeds) {
                TreeModel<Label> m = grower.train(seed);
                models.add(m);
                trees.add(new WeightedTree(TribuoTreeExport.classification(m, columns, s.train().y().numClasses()), 1.0));
            }
            Predictions ours = Forests.model(ExtremeRandomTrees.NAME, s.train(), trees, Params.empty()).predict(s.test().x());
            int k = s.train().y().numClasses();
            FullyWeightedVotingCombiner combiner = new FullyWeightedVotingCombiner();
            double[] tribuo = new double[ours.values().length];
            for (int row = 0; row < s.test().x().rows(); row++) {
                final int i = row;
                Example<Label> e = TribuoTrees.example(s.test().x().row(i));
                List<Prediction<Label>> perTree = new ArrayList<>();
                for (TreeModel<Label> m : models) {
                    perTree.add(m.predict(e));
                }
                Prediction<Label> combined = combiner.combine(models.get(0).getOutputIDInfo(), perTree);
                combined.getOutputScores().forEach((name, label) -> tribuo[ei(i, k, name)] = label.getScore());
            }
            double diff = TestTables.maxDiff(ours.values(), tribuo);
            System.out.printf("ExtremeRandomTrees vs Tribuo FullyWeightedVotingCombiner, max |diff| %.3g%n", diff);
            assertTrue(diff <= 1e-9, "max difference " + diff);
        }
    }

    private static int ei(int row, int k, String label) {
        return row * k + Integer.parseInt(label);
    }

    private static List<TreeEnsemble.Tree> trees(FittedModel m) {
        return ((ForestModel) m).ensemble().trees();
    }

    @Test
    void cutPointsAreRandom() {
        TestTables.Split s = TestTables.iris(false);
        Params p = Params.of("n_estimators", 30, "max_features", 1.0);
        // Every tree sees all rows and all features: a greedy CART tree would put the same root split in each.
        List<TreeEnsemble.Tree> a = trees(ET.fit(s.train(), null, p, ctx(1)));
        Set<String> roots = new TreeSet<>();
        for (TreeEnsemble.Tree t : a) {
            roots.add(t.splitFeature()[0] + "<=" + t.threshold()[0]);
        }
        System.out.println("ExtremeRandomTrees root splits over 30 trees: " + roots);
        assertTrue(roots.size() >= 10, "roots " + roots);

        // A second seed draws other cut points: the root splits of most trees differ.
        List<TreeEnsemble.Tree> b = trees(ET.fit(s.train(), null, p, ctx(2)));
        int differ = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).splitFeature()[0] != b.get(i).splitFeature()[0] || a.get(i).threshold()[0] != b.get(i).threshold()[0]) {
                differ++;
            }
        }
        assertTrue(differ >= a.size() / 2, differ + " of " + a.size() + " roots differ");

        // Tribuo cuts at the midpoint of a random gap between distinct values, not uniformly in [min, max] as
        // Geurts et al.: measured here, not asserted.
        float[] v = s.train().x().values();
        int cols = s.train().x().cols();
        int midpoints = 0;
        int total = 0;
        for (TreeEnsemble.Tree t : a) {
            for (int n = 0; n < t.splitFeature().length; n++) {
                int f = t.splitFeature()[n];
                double below = Double.NEGATIVE_INFINITY;
                double above = Double.POSITIVE_INFINITY;
                for (int r = 0; r < s.train().x().rows(); r++) {
                    double x = v[r * cols + f];
                    if (x <= t.threshold()[n]) {
                        below = Math.max(below, x);
                    } else {
                        above = Math.min(above, x);
                    }
                }
                total++;
                if ((below + above) / 2 == t.threshold()[n]) {
                    midpoints++;
                }
            }
        }
        System.out.printf("ExtremeRandomTrees: %d of %d cut points are midpoints between adjacent training values%n",
                midpoints, total);
    }

    @Test
    void noBootstrapEveryTreeSeesEveryRow() {
        // Each leaf stores the class shares of the training rows the tree was grown on. Routing all training rows
        // through the tree reproduces every leaf's shares exactly only if the tree was grown on all of them once,
        // not on a bootstrap sample.
        TestTables.Split s = TestTables.blood(false);
        FittedModel m = ET.fit(s.train(), null, Params.of("n_estimators", 5, "min_samples_split", 30), ctx(3));
        float[] v = s.train().x().values();
        int cols = s.train().x().cols();
        for (TreeEnsemble.Tree t : trees(m)) {
            double[][] counts = new double[t.leaves()][2];
            for (int r = 0; r < s.train().x().rows(); r++) {
                counts[t.leafOf(v, r * cols)][s.train().y().classOf(r)]++;
            }
            for (int leaf = 0; leaf < t.leaves(); leaf++) {
                double n = counts[leaf][0] + counts[leaf][1];
                assertTrue(n > 0, "leaf " + leaf + " reached by no training row");
                assertEquals(counts[leaf][1] / n, t.leafValue()[leaf * 2 + 1], 1e-6, "leaf " + leaf);
            }
        }
    }

    @Test
    void sameSeedSameForest() {
        TestTables.Split s = TestTables.blood(false);
        Params p = Params.of("n_estimators", 20);
        double[] a = ET.fit(s.train(), null, p, ctx(4)).predict(s.test().x()).values();
        double[] b = ET.fit(s.train(), null, p, new TrialContext(Deadline.never(), 2, 4)).predict(s.test().x()).values();
        assertArrayEquals(a, b, 0.0);
    }

    @Test
    void deadlineAlreadyPassedReturnsAtOnce() {
        TestTables.Split s = TestTables.blood(false);
        long start = System.nanoTime();
        FittedModel m = ET.fit(s.train(), null, Params.empty(), new TrialContext(Deadline.afterSeconds(0), 1, 1));
        assertTrue((System.nanoTime() - start) / 1e9 < 1.0);
        assertEquals(0, m.fittedParams().getInt("n_estimators", -1));
    }

    @Test
    void savedModelPredictsExactlyTheSame(@TempDir Path dir) throws Exception {
        TestTables.Split s = TestTables.iris(false);
        FittedModel m = ET.fit(s.train(), null, Params.of("n_estimators", 20), ctx(2));
        m.save(dir);
        FittedModel back = ET.load(dir, Task.CLASSIFICATION, 3);
        assertArrayEquals(m.predict(s.test().x()).values(), back.predict(s.test().x()).values(), 0.0);
        assertEquals(m.fittedParams(), back.fittedParams());
    }
}
