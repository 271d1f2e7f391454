package dev.automl.algorithms.forecasting.prophet;

import java.util.Arrays;

/**
 * The log posterior of Prophet's Stan model ({@code prophet.stan}, linear growth) on one series, as Stan's
 * optimizer sees it: the sampling statements' densities without their constant terms and without a Jacobian.
 * <pre>
 *   k ~ normal(0, 5); m ~ normal(0, 5); delta ~ double_exponential(0, tau); sigma ~ normal(0, 0.5) (sigma &gt; 0);
 *   beta ~ normal(0, sigmas); y ~ normal(trend .* (1 + X * (beta .* s_m)) + X * (beta .* s_a), sigma)
 * </pre>
 * The optimiser works on {@code theta = (k, m, delta, beta)} with sigma maximised out: for a residual sum of
 * squares R the best sigma solves {@code 4 sigma^4 + T sigma^2 - R = 0}, so the profile is smooth in theta but for
 * the deltas' absolute values, which the optimiser handles apart.
 */
final class ProphetPosterior {

    private final ProphetDesign d;
    private final int n;
    private final int s;
    private final int k;
    private final double[] trend;
    private final double[] seasonal;
    private final double[] fitted;
    private final double[] u;

    ProphetPosterior(ProphetDesign design) {
        this.d = design;
        this.n = design.observations();
        this.s = design.deltas();
        this.k = design.columns;
        this.trend = new double[n];
        this.seasonal = new double[n];
        this.fitted = new double[n];
        this.u = new double[n];
    }

    /** How many entries theta has: k, m, the deltas, the betas. */
    int dimension() {
        return 2 + s + k;
    }

    /** The index of the first delta in theta. */
    static int firstDelta() {
        return 2;
    }

    /** Stan's log density at these parameters (up to a constant). */
    double logDensity(double kk, double mm, double[] delta, double[] beta, double sigma) {
        double[] theta = theta(kk, mm, delta, beta);
        double rss = residuals(theta);
        double lp = -(kk * kk + mm * mm) / 50 - 2 * sigma * sigma;
        for (double dj : delta) {
            lp -= Math.abs(dj) / d.changepointPriorScale;
        }
        for (double b : beta) {
            lp -= b * b / (2 * d.seasonalityPriorScale * d.seasonalityPriorScale);
        }
        return lp - n * Math.log(sigma) - rss / (2 * sigma * sigma);
    }

    double[] theta(double kk, double mm, double[] delta, double[] beta) {
        if (delta.length != s || beta.length != k) {
            throw new IllegalArgumentException("expected " + s + " deltas and " + k + " betas, not " + delta.length
                    + " and " + beta.length);
        }
        double[] theta = new double[dimension()];
        theta[0] = kk;
        theta[1] = mm;
        System.arraycopy(delta, 0, theta, 2, s);
        System.arraycopy(beta, 0, theta, 2 + s, k);
        return theta;
    }

    /** The sigma that maximises the density at theta. */
    double bestSigma(double[] theta) {
        return Math.sqrt(bestVariance(residuals(theta)));
    }

    private double bestVariance(double rss) {
        // The positive root of 4 v^2 + T v - R = 0, written without cancellation for small R.
        return 2 * rss / (n + Math.sqrt((double) n * n + 16 * rss));
    }

    /**
     * Minus the log density with sigma maximised out, leaving out the deltas' Laplace term (which the optimiser
     * adds), and its gradient in theta.
     */
    double smoothPart(double[] theta, double[] grad) {
        double rss = residuals(theta);
        double v = bestVariance(rss);
        double kk = theta[0];
        double mm = theta[1];
        double tau2 = d.seasonalityPriorScale * d.seasonalityPriorScale;
        double f = (kk * kk + mm * mm) / 50 + 2 * v + 0.5 * n * Math.log(v) + (v > 0 ? rss / (2 * v) : 0);
        for (int j = 0; j < k; j++) {
            double b = theta[2 + s + j];
            f += b * b / (2 * tau2);
        }
        if (grad == null) {
            return f;
        }
        // d f / d fitted_i = -(y_i - fitted_i) / v; sigma's own derivative is zero at its best value.
        for (int i = 0; i < n; i++) {
            u[i] = v > 0 ? -(d.y[i] - fitted[i]) / v : 0;
        }
        Arrays.fill(grad, 0);
        grad[0] = kk / 25;
        grad[1] = mm / 25;
        for (int j = 0; j < k; j++) {
            grad[2 + s + j] = theta[2 + s + j] / tau2;
        }
        // Seasonal betas: fitted = trend * (1 + X beta) when multiplicative, trend + X beta when additive.
        for (int i = 0; i < n; i++) {
            double w = d.multiplicative ? u[i] * trend[i] : u[i];
            int row = i * k;
            for (int j = 0; j < k; j++) {
                grad[2 + s + j] += w * d.x[row + j];
            }
        }
        // The trend's parameters, through d fitted / d trend.
        double sumW = 0;
        double sumWt = 0;
        double[] suffixW = new double[n + 1];
        double[] suffixWt = new double[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            double w = d.multiplicative ? u[i] * (1 + seasonal[i]) : u[i];
            sumW += w;
            sumWt += w * d.t[i];
            suffixW[i] = sumW;
            suffixWt[i] = sumWt;
        }
        grad[0] += sumWt;
        grad[1] += sumW;
        for (int j = 0; j < s; j++) {
            int from = d.firstAfter[j];
            grad[2 + j] = suffixWt[from] - d.changepoints[j] * suffixW[from];
        }
        return f;
    }

    /**
     * The Gauss-Newton model of the smooth part at theta with sigma held at its best value there: the gradient
     * (the profile's own, as sigma is at its best) and {@code J'J / sigma^2} plus the priors' curvature, where J is
     * the fitted values' derivative in theta. For additive seasonality that is the exact Hessian at fixed sigma.
     */
    Quadratic quadratic(double[] theta) {
        int p = dimension();
        double[] grad = new double[p];
        smoothPart(theta, grad);
        double v = bestVariance(residuals(theta));
        double[][] h = new double[p][p];
        double[] row = new double[p];
        for (int i = 0; i < n; i++) {
            double ti = d.t[i];
            double slopeScale = d.multiplicative ? 1 + seasonal[i] : 1;
            row[0] = ti * slopeScale;
            row[1] = slopeScale;
            for (int j = 0; j < s; j++) {
                row[2 + j] = i >= d.firstAfter[j] ? (ti - d.changepoints[j]) * slopeScale : 0;
            }
            double betaScale = d.multiplicative ? trend[i] : 1;
            for (int j = 0; j < k; j++) {
                row[2 + s + j] = d.x[i * k + j] * betaScale;
            }
            for (int a = 0; a < p; a++) {
                double ra = row[a];
                if (ra != 0) {
                    double[] ha = h[a];
                    for (int b = 0; b <= a; b++) {
                        ha[b] += ra * row[b];
                    }
                }
            }
        }
        double tau2 = d.seasonalityPriorScale * d.seasonalityPriorScale;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b <= a; b++) {
                h[a][b] /= v;
                h[b][a] = h[a][b];
            }
            h[a][a] += a < 2 ? 1.0 / 25 : a >= 2 + s ? 1 / tau2 : 0;
        }
        return new Quadratic(grad, h);
    }

    /** A local quadratic model: gradient and curvature. */
    record Quadratic(double[] gradient, double[][] hessian) {
    }

    /** Fills trend, seasonal and fitted at theta, and returns the residual sum of squares. */
    private double residuals(double[] theta) {
        double slope = theta[0];
        double offset = theta[1];
        int next = 0;
        double rss = 0;
        for (int i = 0; i < n; i++) {
            while (next < s && d.t[i] >= d.changepoints[next]) {
                double delta = theta[2 + next];
                slope += delta;
                offset -= d.changepoints[next] * delta;
                next++;
            }
            trend[i] = slope * d.t[i] + offset;
            double sum = 0;
            int row = i * k;
            for (int j = 0; j < k; j++) {
                sum += d.x[row + j] * theta[2 + s + j];
            }
            seasonal[i] = sum;
            fitted[i] = d.multiplicative ? trend[i] * (1 + sum) : trend[i] + sum;
            double r = d.y[i] - fitted[i];
            rss += r * r;
        }
        return rss;
    }
}
