package dev.automl.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.data.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** M4's sMAPE and MASE and the MAPE, on windows worked out by hand. */
class ForecastScoresTest {

    @Test
    void twoWindowsByHand() {
        // Window 0: actual 100, 200 forecast 110, 180: sMAPE (200*10/210 + 200*20/380) / 2 = 10.0250626566;
        // MAE 15 over a scale of 5: MASE 3. Window 1: actual 10, 0 forecast 10, 5: sMAPE (0 + 200) / 2 = 100;
        // MAE 2.5 over 2.5: MASE 1. MAPE over the three nonzero actuals: (10 + 10 + 0) / 3.
        Map<String, Double> s = ForecastScores.compute(new double[] {100, 200, 10, 0}, new double[] {110, 180, 10, 5},
                new int[] {0, 0, 1, 1}, new double[] {5, 2.5});
        double window0 = (200 * 10 / 210.0 + 200 * 20 / 380.0) / 2;
        assertEquals((window0 + 100) / 2, s.get(MetricCatalog.SYMMETRIC_MEAN_ABSOLUTE_PERCENTAGE_ERROR), 1e-12);
        assertEquals(2.0, s.get(MetricCatalog.MEAN_ABSOLUTE_SCALED_ERROR), 1e-12);
        assertEquals(20 / 3.0, s.get(MetricCatalog.MEAN_ABSOLUTE_PERCENTAGE_ERROR), 1e-12);
    }

    @Test
    void normalisedErrorsArePerWindowOverItsSeriesRangeClippedAtOneAsAzure() {
        // Window 0 (range 100): errors 10, -20: RMSE sqrt(250) = 15.8113883, MAE 15 -> 0.158113883, 0.15.
        // Window 1 (range 4): errors 0, 5: RMSE sqrt(12.5) = 3.5355339, MAE 2.5 -> 0.883883476, 0.625.
        // Window 2 (range 2): error 3 -> 1.5 and 1.5, clipped at 1. Window 3: a constant series forecast exactly, 0.
        // Window 4: a constant series missed, 1.
        Map<String, Double> s = ForecastScores.normalized(new double[] {100, 200, 10, 0, 7, 5, 5},
                new double[] {110, 180, 10, 5, 4, 5, 6}, new int[] {0, 0, 1, 1, 2, 3, 4},
                new double[] {100, 4, 2, 0, 0});
        assertEquals((Math.sqrt(250) / 100 + Math.sqrt(12.5) / 4 + 1 + 0 + 1) / 5,
                s.get(MetricCatalog.NORMALIZED_ROOT_MEAN_SQUARED_ERROR), 1e-12);
        assertEquals((0.15 + 0.625 + 1 + 0 + 1) / 5, s.get(MetricCatalog.NORMALIZED_MEAN_ABSOLUTE_ERROR), 1e-12);
    }

    @Test
    void windowsWithoutAScaleAreLeftOutOfMase() {
        Map<String, Double> s = ForecastScores.compute(new double[] {1, 2}, new double[] {2, 2}, new int[] {0, 1},
                new double[] {Double.NaN, 0});
        assertTrue(Double.isNaN(s.get(MetricCatalog.MEAN_ABSOLUTE_SCALED_ERROR)));
        assertEquals((200 / 3.0 + 0) / 2, s.get(MetricCatalog.SYMMETRIC_MEAN_ABSOLUTE_PERCENTAGE_ERROR), 1e-12,
                "200 * 1 / 3 for the first window, 0 for the second");
    }

    @Test
    void theScaleIsTheMeanAbsoluteSeasonalDifference() {
        double[] y = {0, 10, 12, 9, 14, 11, 13};
        // From position 1, five values 10, 12, 9, 14, 11 with m = 2: |9-10| + |14-12| + |11-9| = 5 over 3.
        assertEquals(5 / 3.0, ForecastScores.scale(y, 1, 5, 2), 1e-12);
        // Too short for m = 7: lag 1 over the same values, 2 + 3 + 5 + 3 = 13 over 4.
        assertEquals(13 / 4.0, ForecastScores.scale(y, 1, 5, 7), 1e-12);
        assertTrue(Double.isNaN(ForecastScores.scale(y, 1, 1, 1)));
    }

    @Test
    void forecastingIsScoredWithRegressionsMetricsAndItsOwnAndRanksByRegressionsPrimaries() {
        List<String> names = MetricCatalog.forTask(Task.FORECASTING).stream().map(MetricDefinition::name).toList();
        assertEquals(List.of("r2_score", "normalized_root_mean_squared_error", "normalized_mean_absolute_error",
                "spearman_correlation", "root_mean_squared_error", "mean_absolute_error", "mean_absolute_percentage_error",
                "symmetric_mean_absolute_percentage_error", "mean_absolute_scaled_error"), names);
        assertEquals(MetricCatalog.primaries(Task.REGRESSION), MetricCatalog.primaries(Task.FORECASTING));
    }
}
