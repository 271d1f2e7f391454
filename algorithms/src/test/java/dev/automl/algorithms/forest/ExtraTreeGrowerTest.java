package dev.automl.algorithms.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExtraTreeGrowerTest {

    private static ExtraTrees.Settings settings(int perSplit, int minSplit, int minLeaf, int maxDepth) {
        return new ExtraTrees.Settings(perSplit, minSplit, minLeaf, maxDepth, Integer.MAX_VALUE,
                SplitCriterion.Kind.GINI);
    }

    /**
     * 30 sparse binary features, most of them constant in most nodes, and a label that depends on three of them
     * and on the row number: a fully grown tree must keep splitting past the many constant features.
     */
    private static ExtraTreeData sparseBinary(int rows) {
        SplittableRandom r = new SplittableRandom(11);
        int cols = 30;
        float[] v = new float[rows * cols];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                v[i * cols + j] = r.nextInt(10) == 0 ? 1 : 0;
            }
            y[i] = ((int) v[i * cols] ^ (int) v[i * cols + 7] ^ (int) v[i * cols + 19]) == 1 ? 1 : r.nextInt(2);
        }
        List<String> names = IntStream.range(0, cols).mapToObj(j -> "b" + j).toList();
        return ExtraTreeData.of(new FeatureMatrix(v, rows, cols, names, new BitSet()),
                new Target(Task.CLASSIFICATION, y, List.of("0", "1"), null));
    }

    private static int depth(TreeEnsemble.Tree t, int node) {
        if (node < 0) {
            return 0;
        }
        return 1 + Math.max(depth(t, t.leftChild()[node]), depth(t, t.rightChild()[node]));
    }

    /** The depth of each split, by its index. */
    private static int[] splitDepths(TreeEnsemble.Tree t) {
        int[] depth = new int[t.splitFeature().length];
        for (int i = 0; i < depth.length; i++) {
            for (int child : new int[] {t.leftChild()[i], t.rightChild()[i]}) {
                if (child >= 0) {
                    depth[child] = depth[i] + 1;
                }
            }
        }
        return depth;
    }

    private static float[] row(ExtraTreeData d, int r) {
        float[] out = new float[d.features()];
        for (int f = 0; f < out.length; f++) {
            out[f] = d.columns[f][r];
        }
        return out;
    }

    @Test
    void fullyGrownTreesSeparateEveryPairOfDistinctRows() {
        // A leaf holding two rows of different classes must have all features equal on them; otherwise a feature
        // was wrongly taken for constant and the node was left unsplit.
        ExtraTreeData d = sparseBinary(2000);
        for (int perSplit : new int[] {1, 5, 30}) {
            for (int seed = 0; seed < 5; seed++) {
                TreeEnsemble.Tree t = new ExtraTreeGrower(d, settings(perSplit, 2, 1, Integer.MAX_VALUE), seed).grow();
                float[][] first = new float[t.leaves()][];
                double[] firstClass = new double[t.leaves()];
                for (int r = 0; r < d.rows; r++) {
                    float[] x = row(d, r);
                    int leaf = t.leafOf(x, 0);
                    if (first[leaf] == null) {
                        first[leaf] = x;
                        firstClass[leaf] = d.y[r];
                    } else if (d.y[r] != firstClass[leaf]) {
                        assertTrue(Arrays.equals(first[leaf], x), "leaf " + leaf + " mixes distinct rows, "
                                + perSplit + " features per split");
                    }
                }
            }
        }
    }

    @Test
    void minSamplesLeafAndMaxDepthHold() {
        ExtraTreeData d = sparseBinary(2000);
        for (int minLeaf : new int[] {1, 7}) {
            TreeEnsemble.Tree t = new ExtraTreeGrower(d, settings(3, 2, minLeaf, 6), 3).grow();
            int[] rows = new int[t.leaves()];
            for (int r = 0; r < d.rows; r++) {
                rows[t.leafOf(row(d, r), 0)]++;
            }
            assertTrue(Arrays.stream(rows).min().orElseThrow() >= minLeaf, Arrays.toString(rows));
            assertTrue(depth(t, 0) <= 6, "depth " + depth(t, 0));
        }
        TreeEnsemble.Tree stump = new ExtraTreeGrower(d, settings(3, 2, 1, 1), 3).grow();
        assertEquals(2, stump.leaves());
    }

    @Test
    void minSamplesSplitStopsSmallNodes() {
        ExtraTreeData d = sparseBinary(500);
        TreeEnsemble.Tree t = new ExtraTreeGrower(d, settings(30, 501, 1, Integer.MAX_VALUE), 3).grow();
        assertEquals(1, t.leaves(), "500 rows are fewer than min_samples_split 501");
    }

    @Test
    void constantFeaturesGiveOneLeafOfTheClassShares() {
        float[] v = new float[40];
        Arrays.fill(v, 2.5f);
        double[] y = new double[20];
        for (int i = 0; i < 5; i++) {
            y[i] = 1;
        }
        ExtraTreeData d = ExtraTreeData.of(new FeatureMatrix(v, 20, 2, List.of("a", "b"), new BitSet()),
                new Target(Task.CLASSIFICATION, y, List.of("0", "1"), null));
        TreeEnsemble.Tree t = new ExtraTreeGrower(d, settings(2, 2, 1, Integer.MAX_VALUE), 1).grow();
        assertEquals(1, t.leaves());
        assertEquals(0.75, t.leafValue()[0], 1e-12);
        assertEquals(0.25, t.leafValue()[1], 1e-12);
    }

    @Test
    void maxLeafNodesKeepsTheFirstSplitsInBreadthFirstOrder() {
        // Nodes are grown breadth first and a capped tree stops drawing where the cap is reached, so it is the
        // unlimited tree cut after its first (cap - 1) splits, which are numbered in the order they were made.
        ExtraTreeData d = sparseBinary(2000);
        TreeEnsemble.Tree full = new ExtraTreeGrower(d, settings(5, 2, 1, Integer.MAX_VALUE), 8).grow();
        assertTrue(full.leaves() > 200, full.leaves() + " leaves");
        for (int cap : new int[] {2, 3, 17, 200}) {
            ExtraTrees.Settings s = new ExtraTrees.Settings(5, 2, 1, Integer.MAX_VALUE, cap, SplitCriterion.Kind.GINI);
            TreeEnsemble.Tree t = new ExtraTreeGrower(d, s, 8).grow();
            assertEquals(cap, t.leaves());
            assertArrayEquals(Arrays.copyOf(full.splitFeature(), cap - 1), t.splitFeature());
            assertArrayEquals(Arrays.copyOf(full.threshold(), cap - 1), t.threshold());
            // Breadth first: splits are made, and numbered, level by level.
            int[] depths = splitDepths(t);
            for (int i = 1; i < depths.length; i++) {
                assertTrue(depths[i - 1] <= depths[i], "split " + i + " at depth " + depths[i] + " after one at "
                        + depths[i - 1]);
            }
        }
        TreeEnsemble.Tree stump = new ExtraTreeGrower(d, new ExtraTrees.Settings(5, 2, 1, Integer.MAX_VALUE, 2,
                SplitCriterion.Kind.GINI), 8).grow();
        assertEquals(1, depth(stump, 0));
    }

    @Test
    void theTreeDependsOnItsSeedOnly() {
        ExtraTreeData d = sparseBinary(1000);
        TreeEnsemble.Tree a = new ExtraTreeGrower(d, settings(5, 2, 1, Integer.MAX_VALUE), 42).grow();
        TreeEnsemble.Tree b = new ExtraTreeGrower(d, settings(5, 2, 1, Integer.MAX_VALUE), 42).grow();
        assertTrue(Arrays.equals(a.threshold(), b.threshold()) && Arrays.equals(a.splitFeature(), b.splitFeature())
                && Arrays.equals(a.leafValue(), b.leafValue()));
    }
}
