package dev.automl.algorithms.forecasting.arima;

/**
 * How many differences auto.arima takes, as forecast 8.20 decides with its defaults: seasonal ones by
 * {@code nsdiffs(test = "seas")} (the seasonal strength of an STL decomposition above 0.64), then plain ones by
 * {@code ndiffs(test = "kpss")} (the KPSS level-stationarity test at 5%, with {@code trunc(3 sqrt(n) / 13)} lags,
 * as urca's {@code ur.kpss}).
 */
final class Differencing {

    /** The KPSS critical values at 10%, 5%, 2.5% and 1%, for a level-stationary null (urca's "mu"). */
    private static final double[] KPSS_CRITICAL = {0.347, 0.463, 0.574, 0.739};
    private static final double[] KPSS_LEVELS = {0.10, 0.05, 0.025, 0.01};
    private static final double ALPHA = 0.05;
    private static final double SEASONAL_STRENGTH_THRESHOLD = 0.64;
    /** mstl's seasonal window for its first (here only) seasonal period. */
    private static final int MSTL_SEASONAL_WINDOW = 11;

    private Differencing() {
    }

    /** The number of plain differences, at most {@code maxD}, after which the KPSS test no longer rejects. */
    static int ndiffs(double[] x, int maxD) {
        int d = 0;
        if (isConstant(x)) {
            return d;
        }
        Boolean dodiff = kpssRejects(x);
        if (dodiff == null) {
            return d;
        }
        while (dodiff && d < maxD) {
            d++;
            x = ArimaEstimator.diff(x, 1);
            if (isConstant(x)) {
                return d;
            }
            dodiff = kpssRejects(x);
            if (dodiff == null) {
                return d - 1;
            }
        }
        return d;
    }

    /** Whether KPSS rejects level stationarity at 5%; null when the statistic is undefined. */
    private static Boolean kpssRejects(double[] x) {
        double stat = kpss(x);
        if (Double.isNaN(stat)) {
            return null;
        }
        return kpssPValue(stat) < ALPHA;
    }

    /** The KPSS statistic for level stationarity with {@code trunc(3 sqrt(n) / 13)} Bartlett-weighted lags. */
    static double kpss(double[] y) {
        int n = y.length;
        int lmax = (int) (3 * Math.sqrt(n) / 13);
        double mean = 0.0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double[] res = new double[n];
        for (int i = 0; i < n; i++) {
            res[i] = y[i] - mean;
        }
        double s = 0.0;
        double sumS2 = 0.0;
        double sumRes2 = 0.0;
        for (int i = 0; i < n; i++) {
            s += res[i];
            sumS2 += s * s;
            sumRes2 += res[i] * res[i];
        }
        double nominator = sumS2 / ((double) n * n);
        double s2 = sumRes2 / n;
        double denominator = s2;
        if (lmax > 0) {
            double weighted = 0.0;
            for (int k = 1; k <= lmax; k++) {
                double cov = 0.0;
                for (int t = k; t < n; t++) {
                    cov += res[t] * res[t - k];
                }
                weighted += (1.0 - (double) k / (lmax + 1)) * cov;
            }
            denominator = s2 + 2.0 / n * weighted;
        }
        return nominator / denominator;
    }

    /** The p-value interpolated in urca's table, clamped to its ends (R's approx with rule = 2). */
    static double kpssPValue(double stat) {
        if (stat <= KPSS_CRITICAL[0]) {
            return KPSS_LEVELS[0];
        }
        for (int i = 1; i < KPSS_CRITICAL.length; i++) {
            if (stat <= KPSS_CRITICAL[i]) {
                double f = (stat - KPSS_CRITICAL[i - 1]) / (KPSS_CRITICAL[i] - KPSS_CRITICAL[i - 1]);
                return KPSS_LEVELS[i - 1] + f * (KPSS_LEVELS[i] - KPSS_LEVELS[i - 1]);
            }
        }
        return KPSS_LEVELS[KPSS_LEVELS.length - 1];
    }

    /**
     * The number of seasonal differences (0 or 1, auto.arima's {@code max.D}): 1 when the seasonal strength of
     * the series exceeds 0.64. A series no longer than its period has none.
     */
    static int nsdiffs(double[] x, int period) {
        if (isConstant(x) || period >= x.length) {
            return 0;
        }
        double strength;
        try {
            strength = seasonalStrength(x, period);
        } catch (IllegalArgumentException e) {
            return 0; // nsdiffs catches the test's error and takes no difference
        }
        return strength > SEASONAL_STRENGTH_THRESHOLD ? 1 : 0;
    }

    /**
     * The seasonal strength {@code max(0, min(1, 1 - var(remainder) / var(remainder + seasonal)))} of the STL
     * decomposition mstl makes of a single-period series (forecast's {@code seas.heuristic}).
     */
    static double seasonalStrength(double[] x, int period) {
        Stl stl = Stl.decompose(x, period, MSTL_SEASONAL_WINDOW);
        int n = x.length;
        double[] remainder = new double[n];
        double[] detrended = new double[n];
        for (int i = 0; i < n; i++) {
            remainder[i] = x[i] - stl.seasonal()[i] - stl.trend()[i];
            detrended[i] = remainder[i] + stl.seasonal()[i];
        }
        return Math.max(0.0, Math.min(1.0, 1.0 - variance(remainder) / variance(detrended)));
    }

    private static double variance(double[] v) {
        double mean = 0.0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0.0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return ss / (v.length - 1);
    }

    /**
     * Whether every value equals the first within R's {@code all.equal} tolerance (forecast's is.constant): the
     * mean absolute difference over the values that differ, relative to their mean size, at most 1.5e-8.
     */
    static boolean isConstant(double[] x) {
        double tolerance = Math.sqrt(Math.ulp(1.0));
        double sumTarget = 0.0;
        double sumDiff = 0.0;
        int differing = 0;
        for (double v : x) {
            if (v != x[0]) {
                differing++;
                sumTarget += Math.abs(v);
                sumDiff += Math.abs(v - x[0]);
            }
        }
        if (differing == 0) {
            return true;
        }
        double scale = sumTarget / differing;
        if (!(Double.isFinite(scale) && scale > tolerance)) {
            scale = 1.0;
        }
        return sumDiff / (differing * scale) <= tolerance;
    }
}
