package dev.automl.algorithms.svm;

import dev.automl.featurization.FeatureMatrix;

/**
 * Estimates how many rows LIBSVM can fit in a time: its work is dominated by kernel evaluations, about
 * {@link #KERNEL_EVALUATIONS_PER_ROW_SQUARED} times the rows squared with the probability fit's inner
 * cross-validation, and one evaluation's time is measured on this machine on the rows themselves.
 */
final class FitTime {

    /**
     * Kernel evaluations per squared row, probabilities included: SvmFitTimeBench measured 3.8 to 10.4 with LIBSVM
     * 3.25 through Tribuo on 1,000 to 8,000 covertype rows (the full fit and its five inner fits); the highest is kept.
     */
    static final double KERNEL_EVALUATIONS_PER_ROW_SQUARED = 10.0;
    private static final int PROBE_ROWS = 200;

    private FitTime() {
    }

    /** The most rows that fit in {@code seconds}; Integer.MAX_VALUE without a limit. */
    static int affordableRows(double seconds, FeatureMatrix x) {
        if (Double.isInfinite(seconds)) {
            return Integer.MAX_VALUE;
        }
        double perEvaluation = secondsPerKernelEvaluation(x);
        double rows = Math.sqrt(seconds / (KERNEL_EVALUATIONS_PER_ROW_SQUARED * perEvaluation));
        return (int) Math.min(Integer.MAX_VALUE, Math.floor(rows));
    }

    /** The fastest of a few timings of RBF kernel evaluations between the first rows (after the JIT warms up). */
    static double secondsPerKernelEvaluation(FeatureMatrix x) {
        int n = Math.min(PROBE_ROWS, x.rows());
        int p = x.cols();
        if (n < 2 || p == 0) {
            return 1e-9;
        }
        float[] v = x.values();
        double best = Double.POSITIVE_INFINITY;
        double sink = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double d = 0;
                    for (int f = 0; f < p; f++) {
                        double e = v[i * p + f] - v[j * p + f];
                        d += e * e;
                    }
                    sink += Math.exp(-d);
                }
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9 / ((double) n * n));
        }
        // Reading the sum keeps the loop from being optimised away.
        return sink == -1 ? best + 1e-12 : Math.max(best, 1e-10);
    }
}
