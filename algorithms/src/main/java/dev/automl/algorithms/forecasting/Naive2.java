package dev.automl.algorithms.forecasting;

/**
 * The M4 competition's Naive2 benchmark, which OWA divides by: the last value of the seasonally adjusted series,
 * seasonally readjusted; the series is adjusted only when it passes M4's seasonality test (autocorrelation at the
 * seasonal lag beyond its 90 % limit), by a classical multiplicative decomposition as R's {@code decompose}. It is
 * also what a series model's series stands in with when a deadline leaves it unfitted: a seasonal series repeats its
 * season instead of its last value.
 */
public final class Naive2 {

    /** M4's critical value of the seasonality test. */
    static final double T_CRIT = 1.645;

    private Naive2() {
    }

    /** The forecasts of the next {@code h} values of a series with seasonal period {@code m} (1 for none). */
    public static double[] forecast(double[] y, int m, int h) {
        double[] index = m > 1 && seasonal(y, m) ? seasonalIndices(y, m) : null;
        int n = y.length;
        double last = index == null ? y[n - 1] : y[n - 1] / index[(n - 1) % m];
        double[] out = new double[h];
        for (int k = 0; k < h; k++) {
            out[k] = index == null ? last : last * index[(n + k) % m];
        }
        return out;
    }

    /**
     * Naive2's forecasts as a fit, a cycle of one season (one value without a season); a series with a value of 0
     * or below, which a multiplicative decomposition cannot adjust, forecasts its last value.
     */
    static Cycle cycle(double[] y, int m) {
        for (double v : y) {
            if (!(v > 0)) {
                return Cycle.lastValue(y);
            }
        }
        return new Cycle(forecast(y, m, Math.max(1, m)));
    }

    /** M4's test: the autocorrelation at lag m beyond 1.645 standard errors (Bartlett's formula). */
    static boolean seasonal(double[] y, int m) {
        int n = y.length;
        // R's acf stops at lag 10 log10(n): a shorter reach leaves the seasonal lag out, and the test fails.
        if (n < 3 * m || Math.floor(10 * Math.log10(n)) < m) {
            return false;
        }
        double[] acf = acf(y, m);
        double sum = 1;
        for (int k = 1; k < m; k++) {
            sum += 2 * acf[k] * acf[k];
        }
        return Math.abs(acf[m]) > T_CRIT / Math.sqrt(n) * Math.sqrt(sum);
    }

    /** Autocorrelations at lags 0..maxLag, as R's {@code acf} computes them (one mean, divided by n). */
    static double[] acf(double[] y, int maxLag) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double[] c = new double[maxLag + 1];
        for (int k = 0; k <= maxLag; k++) {
            double s = 0;
            for (int t = k; t < n; t++) {
                s += (y[t] - mean) * (y[t - k] - mean);
            }
            c[k] = s / n;
        }
        double c0 = c[0];
        for (int k = 0; k <= maxLag; k++) {
            c[k] = c0 == 0 ? 0 : c[k] / c0;
        }
        return c;
    }

    /**
     * The seasonal index of each position in the season (position i holds series values i, i + m, ...), as R's
     * {@code decompose(type = "multiplicative")}: the ratio to a centred moving average, averaged per position and
     * normalised to mean 1.
     */
    static double[] seasonalIndices(double[] y, int m) {
        int n = y.length;
        double[] trend = new double[n];
        java.util.Arrays.fill(trend, Double.NaN);
        int half = m / 2;
        for (int t = half; t < n - half; t++) {
            double s = 0;
            if (m % 2 == 0) {
                s = 0.5 * y[t - half] + 0.5 * y[t + half];
                for (int j = -half + 1; j < half; j++) {
                    s += y[t + j];
                }
            } else {
                for (int j = -half; j <= half; j++) {
                    s += y[t + j];
                }
            }
            trend[t] = s / m;
        }
        double[] index = new double[m];
        for (int i = 0; i < m; i++) {
            double sum = 0;
            int count = 0;
            for (int t = i; t < n; t += m) {
                if (!Double.isNaN(trend[t])) {
                    sum += y[t] / trend[t];
                    count++;
                }
            }
            index[i] = sum / count;
        }
        double mean = 0;
        for (double v : index) {
            mean += v;
        }
        mean /= m;
        for (int i = 0; i < m; i++) {
            index[i] /= mean;
        }
        return index;
    }
}
