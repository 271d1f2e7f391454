package dev.automl.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Forecast intervals from validation errors, worked out by hand. */
class ForecastIntervalsTest {

    @Test
    void aSpreadFromFewWindowsGetsStudentsQuantiles() {
        // Student's t with 3 degrees of freedom (R: qt(0.9, 3), qt(0.975, 3)); with many windows, the normal's.
        assertArrayEquals(new double[] {1.6377443572159062, 3.182446305284263},
                new ForecastIntervals(new double[] {1}, new double[] {1}, 3).quantiles(), 1e-7, "Smile inverts the CDF to about 1e-7");
        assertArrayEquals(new double[] {1.2815515655446004, 1.959963984540054},
                new ForecastIntervals(new double[] {1}, new double[] {1}, 0).quantiles(), 0, "a model saved before");
        assertArrayEquals(new double[] {1.2815515655446004, 1.959963984540054},
                new ForecastIntervals(new double[] {1}, new double[] {1}, 100_000).quantiles(), 1e-4);
    }

    @Test
    void spreadsPerStepArePooledTowardsTheSquareRootOfTheSteps() {
        // Two windows of one series (scale 2), two steps each: scaled errors 1, 2 at step 1 and 2, 4 at step 2.
        ForecastIntervals f = ForecastIntervals.fit(new double[] {10, 10, 10, 10}, new double[] {8, 6, 6, 2},
                new int[] {1, 2, 1, 2}, new double[] {2, 2, 2, 2}, 2, new double[] {2}, 2);
        // Pooled: (1 + 4/2 + 4 + 16/2) / 4 = 3.75 per step; step 1: (1 + 4 + 20 * 3.75) / 22, step 2: (4 + 16 + 20 * 7.5) / 22.
        assertArrayEquals(new double[] {Math.sqrt(80 / 22.0), Math.sqrt(170 / 22.0)}, f.sigma(), 1e-12);
        double[] b = f.bounds(100, 0, 1);
        double q80 = f.quantiles()[0];
        assertEquals(100 - q80 * Math.sqrt(80 / 22.0) * 2, b[0], 1e-9);
        assertEquals(100 + q80 * Math.sqrt(80 / 22.0) * 2, b[1], 1e-9);
    }
}
