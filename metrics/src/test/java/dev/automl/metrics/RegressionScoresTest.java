package dev.automl.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.data.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegressionScoresTest {

    @Test
    void handComputedScores() {
        // one error of 1 in four rows; y has mean 2.5 and squared spread 5
        Map<String, Double> s = RegressionScores.compute(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 5}, null, 2.0);
        assertEquals(0.25, s.get("mean_absolute_error"), 1e-12);
        assertEquals(0.5, s.get("root_mean_squared_error"), 1e-12);
        assertEquals(0.8, s.get("r2_score"), 1e-12);
        assertEquals(0.125, s.get("normalized_mean_absolute_error"), 1e-12);
        assertEquals(0.25, s.get("normalized_root_mean_squared_error"), 1e-12);
        assertEquals(1.0, s.get("spearman_correlation"), 1e-12);
        assertEquals(MetricCatalog.forTask(Task.REGRESSION).stream().map(MetricDefinition::name).toList(), List.copyOf(s.keySet()));
    }

    @Test
    void weightsCountRowsByTheirWeight() {
        Map<String, Double> s = RegressionScores.compute(new double[] {0, 0}, new double[] {1, 3}, new double[] {3, 1}, 1.0);
        assertEquals(1.5, s.get("mean_absolute_error"), 1e-12);
        assertEquals(Math.sqrt(3.0), s.get("root_mean_squared_error"), 1e-12);
    }

    @Test
    void spearmanGivesTiesTheirAverageRank() {
        // ranks of y: 1 2.5 2.5 4; of pred: 1 2 3 4
        Map<String, Double> s = RegressionScores.compute(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}, null, 1.0);
        assertEquals(4.5 / Math.sqrt(4.5 * 5), s.get("spearman_correlation"), 1e-12);
    }

    @Test
    void undefinedValuesAreNaN() {
        Map<String, Double> constantY = RegressionScores.compute(new double[] {2, 2, 2}, new double[] {1, 2, 3}, null, 0.0);
        assertTrue(constantY.get("r2_score").isNaN());
        assertTrue(constantY.get("spearman_correlation").isNaN());
        assertTrue(constantY.get("normalized_mean_absolute_error").isNaN());
        assertEquals(2.0 / 3, constantY.get("mean_absolute_error"), 1e-12);

        Map<String, Double> oneRow = RegressionScores.compute(new double[] {1}, new double[] {2}, null, 1.0);
        assertTrue(oneRow.get("r2_score").isNaN());
        assertEquals(1.0, oneRow.get("mean_absolute_error"), 1e-12);

        assertTrue(RegressionScores.compute(new double[0], new double[0], null, 1.0).values().stream().allMatch(v -> v.isNaN()));
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> RegressionScores.compute(new double[2], new double[3], null, 1.0));
        assertThrows(IllegalArgumentException.class, () -> RegressionScores.compute(new double[] {1, Double.NaN}, new double[2], null, 1.0));
        assertThrows(IllegalArgumentException.class, () -> RegressionScores.compute(new double[2], new double[2], new double[] {1, Double.NaN}, 1.0));
    }
}
