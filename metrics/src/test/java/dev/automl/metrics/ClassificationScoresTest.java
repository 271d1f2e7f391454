package dev.automl.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.data.Task;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassificationScoresTest {

    // y = 0 1 1 0; predicted 0 1 0 1: two right, two wrong
    private static final int[] Y = {0, 1, 1, 0};
    private static final double[] PROBA = {
        0.8, 0.2,
        0.3, 0.7,
        0.6, 0.4,
        0.4, 0.6,
    };

    @Test
    void handComputedBinaryScores() {
        Map<String, Double> s = ClassificationScores.compute(Y, PROBA, 2, null, 1);
        assertEquals(0.5, s.get("accuracy"), 1e-12);
        // positives score 0.7 and 0.4, negatives 0.2 and 0.6: 3 of 4 pairs ordered right
        assertEquals(0.75, s.get("AUC_weighted"), 1e-12);
        assertEquals(0.75, s.get("AUC_macro"), 1e-12);
        assertEquals(0.75, s.get("AUC_binary"), 1e-12);
        assertEquals(-(Math.log(0.8) + Math.log(0.7) + Math.log(0.4) + Math.log(0.4)) / 4, s.get("log_loss"), 1e-12);
        assertEquals(0.5, s.get("balanced_accuracy"), 1e-12);
        assertEquals(0.0, s.get("norm_macro_recall"), 1e-12);
    }

    @Test
    void weightsCountRowsByTheirWeight() {
        // the two right rows weigh 3 each, the wrong ones 1 each: 6 / 8
        Map<String, Double> s = ClassificationScores.compute(Y, PROBA, 2, new double[] {3, 3, 1, 1}, 1);
        assertEquals(0.75, s.get("accuracy"), 1e-12);
    }

    @Test
    void zeroWeightRowsChangeNothing() {
        int[] y = {0, 1, 1, 0, 1};
        double[] proba = {0.8, 0.2, 0.3, 0.7, 0.6, 0.4, 0.4, 0.6, 0.99, 0.01};
        Map<String, Double> withDeadRow = ClassificationScores.compute(y, proba, 2, new double[] {1, 1, 1, 1, 0}, 1);
        Map<String, Double> without = ClassificationScores.compute(Y, PROBA, 2, null, 1);
        without.forEach((name, value) -> assertEquals(value, withDeadRow.get(name), 1e-12, name));
    }

    @Test
    void argmaxTiesGoToTheLowestClass() {
        Map<String, Double> s = ClassificationScores.compute(new int[] {0, 1}, new double[] {0.5, 0.5, 0.5, 0.5}, 2, null, 1);
        assertEquals(0.5, s.get("accuracy"), 1e-12);
        assertEquals(0.5, s.get("AUC_weighted"), 1e-12); // one threshold: a single diagonal trapezoid
    }

    @Test
    void scoresComeInCatalogOrderWithAucBinaryOnlyForTwoClasses() {
        List<String> binary = List.copyOf(ClassificationScores.compute(Y, PROBA, 2, null, 1).keySet());
        assertEquals(MetricCatalog.forTask(Task.CLASSIFICATION).stream().map(MetricDefinition::name).toList(), binary);

        int[] y = {0, 1, 2};
        double[] proba = {0.6, 0.2, 0.2, 0.2, 0.6, 0.2, 0.2, 0.2, 0.6};
        Map<String, Double> three = ClassificationScores.compute(y, proba, 3, null, 1);
        assertFalse(three.containsKey("AUC_binary"));
        assertEquals(10, three.size());
        assertEquals(1.0, three.get("AUC_macro"), 1e-12);
        assertEquals(1.0, three.get("norm_macro_recall"), 1e-12);
    }

    @Test
    void positiveClassChoosesTheColumnOfAucBinary() {
        // column 0 ranks perfectly, column 1 is noise (rows need not sum to 1 for AUC)
        int[] y = {0, 0, 1, 1};
        double[] proba = {0.9, 0.9, 0.8, 0.1, 0.2, 0.2, 0.1, 0.8};
        assertEquals(1.0, ClassificationScores.compute(y, proba, 2, null, 0).get("AUC_binary"), 1e-12);
        assertEquals(0.5, ClassificationScores.compute(y, proba, 2, null, 1).get("AUC_binary"), 1e-12);
    }

    @Test
    void undefinedValuesAreNaNNotExceptions() {
        Map<String, Double> oneClass = ClassificationScores.compute(new int[] {1, 1}, new double[] {0.4, 0.6, 0.7, 0.3}, 2, null, 1);
        assertTrue(oneClass.get("AUC_weighted").isNaN());
        assertTrue(oneClass.get("AUC_binary").isNaN());
        assertEquals(0.5, oneClass.get("accuracy"), 1e-12);

        Map<String, Double> empty = ClassificationScores.compute(new int[0], new double[0], 3, null, 1);
        assertTrue(empty.values().stream().allMatch(v -> v.isNaN()));

        Map<String, Double> oneOfThree = ClassificationScores.compute(new int[] {2, 2}, new double[] {0.2, 0.2, 0.6, 0.5, 0.2, 0.3}, 3, null, 1);
        assertTrue(oneOfThree.get("AUC_macro").isNaN());
        assertTrue(oneOfThree.get("norm_macro_recall").isNaN());
    }

    @Test
    void badInputIsRejectedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> ClassificationScores.compute(Y, new double[6], 2, null, 1));
        assertThrows(IllegalArgumentException.class, () -> ClassificationScores.compute(new int[] {0, 2}, new double[4], 2, null, 1));
        assertThrows(IllegalArgumentException.class, () -> ClassificationScores.compute(Y, PROBA, 2, new double[] {1, 1, 1}, 1));
        assertThrows(IllegalArgumentException.class, () -> ClassificationScores.compute(Y, PROBA, 2, new double[] {1, -1, 1, 1}, 1));
        assertThrows(IllegalArgumentException.class, () -> ClassificationScores.compute(Y, PROBA, 2, null, 2));
        double[] nan = PROBA.clone();
        nan[3] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassificationScores.compute(Y, nan, 2, null, 1));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void largeInputsStayFast() {
        int n = 200_000;
        int k = 4;
        Random random = new Random(7);
        int[] y = new int[n];
        double[] proba = new double[n * k];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(k);
            for (int c = 0; c < k; c++) {
                proba[i * k + c] = Math.round(random.nextDouble() * 100) / 100.0; // many ties
            }
        }
        Map<String, Double> s = assertTimeout(Duration.ofSeconds(20), () -> ClassificationScores.compute(y, proba, k, null, 1));
        assertEquals(0.5, s.get("AUC_macro"), 0.01);
    }
}
