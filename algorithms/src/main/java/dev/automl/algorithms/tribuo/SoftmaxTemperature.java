package dev.automl.algorithms.tribuo;

/**
 * Turns a classifier's margins into probabilities by a softmax of the margins times one factor, the factor chosen
 * to minimise the weighted log loss on the training rows (scikit-learn's LinearSVC gives no probabilities
 * either; Azure wraps it in a sigmoid calibration).
 */
final class SoftmaxTemperature {

    private static final double LOG_LOW = Math.log(1e-4);
    private static final double LOG_HIGH = Math.log(1e4);
    private static final int STEPS = 60;

    private SoftmaxTemperature() {
    }

    /**
     * The factor in [1e-4, 1e4], found by golden-section search on its logarithm (the log loss is convex in it).
     *
     * @param margins one row of class margins per training row (NaN for unseen classes, null for a row not scored)
     */
    static double fit(double[][] margins, int[] y, double[] weights) {
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = LOG_LOW;
        double b = LOG_HIGH;
        double c = b - phi * (b - a);
        double d = a + phi * (b - a);
        double fc = loss(margins, y, weights, Math.exp(c));
        double fd = loss(margins, y, weights, Math.exp(d));
        for (int i = 0; i < STEPS; i++) {
            if (fc <= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - phi * (b - a);
                fc = loss(margins, y, weights, Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + phi * (b - a);
                fd = loss(margins, y, weights, Math.exp(d));
            }
        }
        return Math.exp((a + b) / 2);
    }

    private static double loss(double[][] margins, int[] y, double[] weights, double t) {
        double sum = 0;
        for (int r = 0; r < margins.length; r++) {
            double[] m = margins[r];
            if (m == null || Double.isNaN(m[y[r]])) {
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double v : m) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, t * v);
                }
            }
            double z = 0;
            for (double v : m) {
                if (!Double.isNaN(v)) {
                    z += Math.exp(t * v - max);
                }
            }
            sum += (weights == null ? 1 : weights[r]) * (Math.log(z) + max - t * m[y[r]]);
        }
        return sum;
    }

    /** Writes softmax(t * margins) at {@code out[offset..]}; classes with NaN margins get 0. */
    static void softmax(double[] margins, double t, double[] out, int offset) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : margins) {
            if (!Double.isNaN(v)) {
                max = Math.max(max, t * v);
            }
        }
        double z = 0;
        for (int c = 0; c < margins.length; c++) {
            double e = Double.isNaN(margins[c]) ? 0 : Math.exp(t * margins[c] - max);
            out[offset + c] = e;
            z += e;
        }
        for (int c = 0; c < margins.length; c++) {
            out[offset + c] /= z;
        }
    }
}
