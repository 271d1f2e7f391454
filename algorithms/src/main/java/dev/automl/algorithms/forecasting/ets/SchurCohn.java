package dev.automl.algorithms.forecasting.ets;

/**
 * Whether every root of a real polynomial lies inside a disc, by the Schur-Cohn test (the Levinson step-down): with
 * leading coefficient a0 and constant an, the reflection coefficient k = an / a0 must have |k| < 1, and then the
 * polynomial's roots lie inside the unit disc exactly when those of {@code (p(z) - k z^n p(1/z)) / z}, one degree
 * less, do. No roots are computed: n(n + 1) / 2 multiply-adds for degree n, against the QR iteration's cubic cost.
 */
final class SchurCohn {

    /** Every root lies strictly inside the disc. */
    static final int INSIDE = 1;
    /** Some root lies on the circle or outside it. */
    static final int NOT_INSIDE = -1;
    /** The arithmetic gave no answer (a coefficient not finite, a zero leading coefficient). */
    static final int UNKNOWN = 0;

    private SchurCohn() {
    }

    /**
     * @param coefficients from the highest power down; not modified
     * @param radius       the disc's radius, positive
     * @param work         scratch space at least as long as {@code coefficients}
     * @return {@link #INSIDE}, {@link #NOT_INSIDE} or {@link #UNKNOWN}, as the arithmetic finds it: near the circle
     *         rounding can tip the answer either way, so callers wanting a sure answer test a smaller and a larger disc
     */
    static int rootsInside(double[] coefficients, double radius, double[] work) {
        int n = coefficients.length - 1;
        // The roots of p(radius z), whose coefficient of z^(n-k) is c_k radius^(n-k), or c_k radius^-k once divided
        // by radius^n, against the unit disc.
        double[] a = work;
        double scale = 1;
        for (int k = 0; k <= n; k++) {
            if (!Double.isFinite(coefficients[k])) {
                return UNKNOWN;
            }
            a[k] = coefficients[k] * scale;
            scale /= radius;
        }
        if (a[0] == 0) {
            return UNKNOWN;
        }
        for (int d = n; d >= 1; d--) {
            double k = a[d] / a[0];
            if (Double.isNaN(k)) {
                return UNKNOWN;
            }
            if (Math.abs(k) >= 1) {
                return NOT_INSIDE;
            }
            for (int i = 0, j = d; i <= j; i++, j--) {
                double x = a[i];
                double y = a[j];
                a[i] = x - k * y;
                if (i != j) {
                    a[j] = y - k * x;
                }
            }
        }
        return Double.isFinite(a[0]) ? INSIDE : UNKNOWN;
    }
}
