package dev.automl.algorithms.forecasting.prophet;

/**
 * Finds the MAP of {@link ProphetPosterior} by proximal Newton steps: at each step the smooth part is replaced by
 * its Gauss-Newton quadratic, the quadratic plus the deltas' Laplace term is minimised exactly
 * ({@link FeatureSignSearch}), and a backtracking line search on the true objective takes as much of the step as
 * pays. Stan's L-BFGS, which Prophet uses, treats the Laplace term's kinks as smooth and stops near its optimum;
 * this method lands on the optimum, with the deltas that belong at zero exactly at zero.
 */
final class ProximalNewton {

    /** Where the search stopped, minus the log posterior there, and the steps taken. */
    record Result(double[] theta, double value, int iterations) {
    }

    private static final double ARMIJO = 1e-4;

    private final int maxIterations;
    private final double tolerance;

    /** @param tolerance stop when a step's predicted gain is below this share of the objective's size */
    ProximalNewton(int maxIterations, double tolerance) {
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /** Minimises {@code posterior.smoothPart(theta) + sum weights_i |theta_i|} from {@code start}. */
    Result minimise(ProphetPosterior posterior, double[] weights, double[] start) {
        int p = start.length;
        double[] theta = start.clone();
        double f = posterior.smoothPart(theta, null) + penalty(weights, theta);
        int iter = 0;
        while (iter < maxIterations) {
            iter++;
            ProphetPosterior.Quadratic q = posterior.quadratic(theta);
            double[] g = q.gradient();
            double[][] h = q.hessian();
            // The model in x = theta + step: x'Hx/2 + (g - H theta)'x + penalty(x).
            double[] b = new double[p];
            for (int i = 0; i < p; i++) {
                double hTheta = 0;
                for (int j = 0; j < p; j++) {
                    hTheta += h[i][j] * theta[j];
                }
                b[i] = g[i] - hTheta;
            }
            double[] target = FeatureSignSearch.minimise(h, b, weights, theta);
            double[] step = new double[p];
            double predicted = penalty(weights, target) - penalty(weights, theta);
            for (int i = 0; i < p; i++) {
                step[i] = target[i] - theta[i];
                predicted += g[i] * step[i];
            }
            if (!(predicted < -tolerance * Math.max(1, Math.abs(f)))) {
                break;
            }
            double t = 1;
            boolean moved = false;
            for (int tries = 0; tries < 50; tries++) {
                double[] next = new double[p];
                for (int i = 0; i < p; i++) {
                    next[i] = theta[i] + t * step[i];
                }
                double fNext = posterior.smoothPart(next, null) + penalty(weights, next);
                if (fNext <= f + ARMIJO * t * predicted) {
                    theta = next;
                    f = fNext;
                    moved = true;
                    break;
                }
                t *= 0.5;
            }
            if (!moved) {
                break;
            }
        }
        return new Result(theta, f, iter);
    }

    private static double penalty(double[] weights, double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += weights[i] * Math.abs(x[i]);
        }
        return s;
    }
}
