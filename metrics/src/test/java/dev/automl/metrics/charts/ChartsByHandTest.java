package dev.automl.metrics.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Small cases worked out by hand, beside the numpy goldens. */
class ChartsByHandTest {

    @Test
    void confusionMatrixCountsTrueByPredictedAndNormalisesRows() {
        int[] y = {0, 0, 1, 1, 1};
        double[] proba = {0.9, 0.1, 0.4, 0.6, 0.2, 0.8, 0.5, 0.5, 0.3, 0.7};
        ConfusionMatrix cm = ConfusionMatrix.of(y, proba, 2, null);
        // row 3 ties at 0.5: the lowest index wins, as numpy's argmax
        assertArrayEquals(new double[] {1, 1}, cm.matrix()[0]);
        assertArrayEquals(new double[] {1, 2}, cm.matrix()[1]);
        assertArrayEquals(new double[] {1 / 3.0, 2 / 3.0}, cm.normalized()[1], 1e-15);
    }

    @Test
    void accuracyTableCountsRowsAtOrAboveEachThresholdAsPositive() {
        int[] y = {1, 0, 1, 0};
        double[] proba = {0.0, 1.0, 0.5, 0.5, 0.75, 0.25, 0.75, 0.25};
        AccuracyTable t = AccuracyTable.of(y, proba, 2);
        assertEquals(100, t.probabilityThresholds().length);
        // threshold 0: every row is predicted positive for class 1
        assertArrayEquals(new long[] {2, 2, 0, 0}, t.probabilityTables()[1][0]);
        // threshold 1: only the row at exactly 1.0 (class 1, true) is positive
        assertArrayEquals(new long[] {1, 0, 2, 1}, t.probabilityTables()[1][99]);
        // threshold 25/99 (just above 0.25): rows 0 (1.0, true) and 1 (0.5, false) are positive; 2 and 3 (0.25) not
        assertArrayEquals(new long[] {1, 1, 1, 1}, t.probabilityTables()[1][25]);
        // threshold 50/99 (just above 0.5): only row 0
        assertArrayEquals(new long[] {1, 0, 2, 1}, t.probabilityTables()[1][50]);
        assertEquals(0.0, t.percentileThresholds()[0]);
        assertEquals(1.0, t.percentileThresholds()[99]);
    }

    @Test
    void residualsOfPerfectPredictionsFallInTheBinRightOfZero() {
        double[] y = {1, 2, 3, 4};
        Residuals r = Residuals.of(y, y.clone(), 0.5);
        // bound 2 * 0.5 = 1: inner edges -1, -0.75, ..., 1; zero lies at [0, 0.25)
        assertArrayEquals(new long[] {0, 0, 0, 0, 0, 4, 0, 0, 0, 0}, r.binCounts());
        assertEquals(-1.25, r.binEdges()[0], 1e-12);
        assertEquals(1.25, r.binEdges()[10], 1e-12);
        assertEquals(0, r.mean());
        assertEquals(0, r.stddev());
    }

    @Test
    void predictedTrueAveragesThePredictionsOfEachTrueValueBin() {
        DatasetBins bins = new DatasetBins(new double[] {0, 10, 20});
        PredictedTrue pt = PredictedTrue.of(new double[] {0, 10, 15, 20, 25}, new double[] {1, 3, 12, 18, 99}, bins);
        // (0, 10] holds 0 (below the first end) and 10; (10, 20] holds 15 and 20; 25 lies beyond the last edge
        assertArrayEquals(new long[] {2, 2}, pt.binCounts());
        assertArrayEquals(new double[] {2, 15}, pt.binAverages(), 1e-12);
        assertArrayEquals(new double[] {1, 3}, pt.binErrors(), 1e-12);
    }

    @Test
    void sampleIsCappedSeededAndInRowOrder() {
        double[] y = new double[1000];
        for (int i = 0; i < y.length; i++) {
            y[i] = i;
        }
        PredictionSample a = PredictionSample.of(y, y, 50, 7);
        PredictionSample b = PredictionSample.of(y, y, 50, 7);
        assertEquals(50, a.positions().length);
        assertEquals(1000, a.rows());
        assertArrayEquals(a.positions(), b.positions());
        for (int i = 1; i < 50; i++) {
            assertEquals(a.positions()[i], (int) a.trueValues()[i]);
            assertEquals(true, a.positions()[i] > a.positions()[i - 1]);
        }
        assertEquals(3, PredictionSample.of(new double[] {1, 2, 3}, new double[] {1, 2, 3}, 50, 7).positions().length);
    }

    @Test
    void mismatchedInputsAreRefusedWithTheirSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AccuracyTable.of(new int[] {0, 1}, new double[] {0.5, 0.5, 1}, 2));
        assertEquals("expected 4 probabilities for 2 rows and 2 classes, got 3", e.getMessage());
    }
}
