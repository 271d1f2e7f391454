package dev.automl.algorithms.linear;

import dev.automl.algorithms.Deadline;

/**
 * Estimates how many solver iterations fit before a deadline, because Smile's solvers cannot be stopped once
 * started: it times one pass over the data (a dot product per row and a gradient-like accumulation, about what
 * one function-and-gradient evaluation costs) and charges each iteration a fixed number of such passes.
 */
final class IterationBudget {

    /** Leave this share of the remaining time unused: the estimate is rough and must not overrun. */
    private static final double SAFETY = 0.6;

    private IterationBudget() {
    }

    /**
     * @param passesPerIteration data passes one solver iteration costs (L-BFGS: about 2 evaluations; Smile's
     *                           LASSO interior-point iteration runs a conjugate-gradient solve of many passes)
     * @param scores             linear functions evaluated per pass (classes - 1 for multinomial)
     * @return the iteration cap, at most {@code wanted}; 0 means there is no time to start
     */
    static int iterations(Deadline deadline, double[][] x, int scores, double passesPerIteration, int wanted) {
        if (deadline.expired()) {
            return 0;
        }
        if (deadline.isNever()) {
            return wanted;
        }
        double pass = secondsPerPass(x) * Math.max(1, scores);
        double remaining = deadline.remainingSeconds() * SAFETY;
        double affordable = Math.floor(remaining / (pass * passesPerIteration));
        return (int) Math.max(0, Math.min(wanted, affordable));
    }

    static double secondsPerPass(double[][] x) {
        if (x.length == 0) {
            return 0;
        }
        // Time a few thousand rows, several times, and keep the fastest: the first rounds run before the JIT has
        // compiled the loop and would overstate the cost tenfold.
        int rows = Math.min(x.length, 4096);
        double best = Double.POSITIVE_INFINITY;
        for (int round = 0; round < 5; round++) {
            best = Math.min(best, timeRows(x, rows));
        }
        return best * ((double) x.length / rows);
    }

    private static double timeRows(double[][] x, int rows) {
        int p = x[0].length;
        double[] w = new double[p];
        double[] g = new double[p];
        java.util.Arrays.fill(w, 1e-3);
        long start = System.nanoTime();
        for (int i = 0; i < rows; i++) {
            double[] r = x[i];
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += r[j] * w[j];
            }
            double e = 1.0 / (1.0 + Math.exp(-s));
            for (int j = 0; j < p; j++) {
                g[j] += e * r[j];
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        if (g[0] == Double.MIN_VALUE) {
            // Reading the result keeps the loop from being optimised away.
            secs += Double.MIN_VALUE;
        }
        return secs;
    }
}
