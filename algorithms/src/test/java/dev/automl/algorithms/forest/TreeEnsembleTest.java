package dev.automl.algorithms.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Params;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeEnsembleTest {

    /** x0 <= 0.5 ? [1, 0] : (x1 <= 2 ? [0.25, 0.75] : [0, 1]). */
    private static TreeEnsemble.Tree stump() {
        TreeArrays a = new TreeArrays(2);
        int root = a.split(0, 0.5);
        int left = a.leaf(new double[] {1, 0});
        int inner = a.split(1, 2.0);
        a.children(root, left, inner);
        a.children(inner, a.leaf(new double[] {0.25, 0.75}), a.leaf(new double[] {0, 1}));
        return a.build();
    }

    private static TreeEnsemble.Tree constant(double p1) {
        TreeArrays a = new TreeArrays(2);
        a.leaf(new double[] {1 - p1, p1});
        return a.build();
    }

    private static FeatureMatrix matrix(float... rowMajorPairs) {
        return new FeatureMatrix(rowMajorPairs, rowMajorPairs.length / 2, 2, List.of("a", "b"), new BitSet());
    }

    @Test
    void routesRowsAndNormalisesTheWeightedSum() {
        TreeEnsemble e = new TreeEnsemble(Task.CLASSIFICATION, 2, 2, List.of(stump(), constant(0.5)),
                new double[] {3, 1}, new double[] {0.5, 0.5});
        double[] p = e.predict(matrix(0.5f, 9f, 1f, 2f, 1f, 2.5f)).values();
        // Row 0 goes left at x0 == 0.5 (ties go left, as in Smile and Tribuo).
        assertArrayEquals(new double[] {(3 + 0.5) / 4, 0.5 / 4, (0.75 + 0.5) / 4, (2.25 + 0.5) / 4, 0.5 / 4, 3.5 / 4},
                p, 1e-15);
    }

    @Test
    void noTreesMeansThePrior() {
        TreeEnsemble e = new TreeEnsemble(Task.REGRESSION, 0, 2, List.of(), new double[0], new double[] {4.5});
        assertArrayEquals(new double[] {4.5, 4.5}, e.predict(matrix(0, 0, 1, 1)).values());
    }

    @Test
    void rejectsMalformedTreesAndInputs() {
        assertThrows(IllegalArgumentException.class, () -> new TreeEnsemble.Tree(new int[] {0}, new double[] {1},
                new int[] {~0}, new int[] {~5}, new float[] {1, 2}, 1));
        assertThrows(IllegalArgumentException.class, () -> new TreeEnsemble(Task.CLASSIFICATION, 2, 1,
                List.of(stump()), new double[] {1}, new double[] {0.5, 0.5}));
        TreeEnsemble e = new TreeEnsemble(Task.CLASSIFICATION, 2, 2, List.of(stump()), new double[] {1},
                new double[] {0.5, 0.5});
        assertThrows(IllegalArgumentException.class, () -> e.predict(matrix(Float.NaN, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> e.predict(new FeatureMatrix(new float[3], 1, 3, List.of("a", "b", "c"), new BitSet())));
    }

    @Test
    void fileRoundTripsBitForBit(@TempDir Path dir) throws IOException {
        TreeEnsemble e = new TreeEnsemble(Task.CLASSIFICATION, 2, 2, List.of(stump(), constant(0.1 + 0.2)),
                new double[] {0.8123456789012345, 1e-300}, new double[] {0.3, 0.7});
        Params params = Params.of("n_estimators", 2, "max_features", "sqrt", "fraction", 0.1 + 0.2);
        ForestFile.write(dir, new ForestFile.Header("RandomForest", params), e);
        ForestFile.Content c = ForestFile.read(dir);
        assertEquals("RandomForest", c.header().learner());
        assertEquals(params, c.header().params());
        TreeEnsemble back = c.ensemble();
        for (int t = 0; t < 2; t++) {
            assertEquals(e.weight(t), back.weight(t));
            assertArrayEquals(e.trees().get(t).threshold(), back.trees().get(t).threshold());
            assertArrayEquals(e.trees().get(t).leafValue(), back.trees().get(t).leafValue());
            assertArrayEquals(e.trees().get(t).leftChild(), back.trees().get(t).leftChild());
        }
        assertArrayEquals(e.prior(), back.prior());
    }

    @Test
    void readRefusesOtherFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(ForestFile.FILE_NAME), "{\"format\": \"something-else\", \"version\": 1}");
        IOException e = assertThrows(IOException.class, () -> ForestFile.read(dir));
        assertTrue(e.getMessage().contains("something-else"), e.getMessage());
        assertThrows(IOException.class, () -> ForestFile.read(dir.resolve("missing")));
    }
}
