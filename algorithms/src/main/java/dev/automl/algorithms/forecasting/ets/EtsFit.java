package dev.automl.algorithms.forecasting.ets;

import dev.automl.algorithms.forecasting.SeriesFit;

import java.util.Optional;

/**
 * One series' fitted ETS model as it stands after the series' last value: its form, smoothing parameters and final
 * state, from which it forecasts without refitting. The point forecasts are R's {@code forecast.ets} means: the
 * recursion's forecasts, except for a multiplicative error and season without a multiplicative trend, where R
 * reports the mean of its class 3 model (Hyndman et al. 2008, ch. 6), which adds a small variance term and, for a
 * damped trend, starts from level + trend rather than level + phi * trend, as R 8.20 does.
 *
 * @param period the seasonal period the form uses; 1 without a season
 * @param beta   0 without a trend
 * @param gamma  0 without a season
 * @param phi    1 without damping
 * @param trend  0 without a trend
 * @param seasons the m seasonal states, the most recent first; empty without a season
 * @param sigma2 the residual variance (of relative errors for a multiplicative error), which the class 3 mean reads
 * @param n      how many values the state has taken in, training values then those {@link #updated} gave it, over
 *               which {@code sse} sums; 0 where sigma2 is not R's sum over them (a constant series' fit, or a fit
 *               saved before fits could be updated), and updates then keep sigma2 as it is
 * @param sse    the sum of the squared errors (relative errors for a multiplicative error) over those n values
 */
public record EtsFit(EtsForm form, int period, double alpha, double beta, double gamma, double phi, double level,
                     double trend, double[] seasons, double sigma2, int n, double sse) implements SeriesFit {

    public EtsFit {
        if (form == null || period < 1 || seasons == null || seasons.length != (form.hasSeason() ? period : 0)) {
            throw new IllegalArgumentException("an ETS fit needs its form and one seasonal state per period step");
        }
        seasons = seasons.clone();
    }

    @Override
    public double[] forecast(int steps) {
        if (steps <= 0) {
            return new double[0];
        }
        if (form.error() == Component.M && form.season() == Component.M && form.trend() != Component.M) {
            return classThreeMean(steps);
        }
        return EtsRecursion.forecast(state(), period, form, phi, steps);
    }

    /**
     * The recursion run on from the final state over the new values, as R's {@code ets(y, model = fit,
     * use.initial.values = TRUE)} reruns it from the initial state over the longer series, which passes through this
     * state. R's model of the longer series also has a new sigma2, which the class 3 mean reads: the squared errors
     * over all its values divided by their number less the estimates and one more (the variance itself, which a
     * fresh fit's sigma2 does not count), recomputed here alike. Empty where the recursion cannot go on (a
     * multiplicative trend whose growth went negative), as R's states turn undefined there.
     */
    @Override
    public Optional<SeriesFit> updated(double[] values, double[][] regressors) {
        if (values.length == 0) {
            return Optional.of(this);
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("an ETS fit takes in finite values, not " + v);
            }
        }
        Smoothing p = new Smoothing(alpha, beta, gamma, phi);
        EtsRecursion.Pass pass = EtsRecursion.run(values, period, form, p, state());
        double[] x = pass.finalState();
        if (x == null || !Double.isFinite(pass.sse())) {
            return Optional.empty();
        }
        int first = form.hasTrend() ? 2 : 1;
        double[] nextSeasons = new double[seasons.length];
        System.arraycopy(x, first, nextSeasons, 0, nextSeasons.length);
        int count = n == 0 ? 0 : n + values.length;
        double total = sse + pass.sse();
        int df = count - estimates() - 1;
        double variance = n == 0 || df <= 0 ? sigma2 : total / df;
        return Optional.of(new EtsFit(form, period, alpha, beta, gamma, phi, x[0], form.hasTrend() ? x[1] : 0,
                nextSeasons, variance, count, n == 0 ? 0 : total));
    }

    /**
     * R's {@code length(fit$par)}: the smoothing parameters and the initial states, every season but the last (which
     * the others determine).
     */
    int estimates() {
        return Smoothing.count(form) + (form.hasTrend() ? 2 : 1) + (form.hasSeason() ? period - 1 : 0);
    }

    /** The state as R's recursion lays it out: level, trend if any, seasons. */
    double[] state() {
        int first = form.hasTrend() ? 2 : 1;
        double[] x = new double[first + seasons.length];
        x[0] = level;
        if (form.hasTrend()) {
            x[1] = trend;
        }
        System.arraycopy(seasons, 0, x, first, seasons.length);
        return x;
    }

    /**
     * R's {@code class3} mean: the matrix M of level-and-trend times season products moves on one step at a time,
     * {@code M <- F1 M F2' + sigma2 G1 M G2'}, and the forecast is the sum of M's last column.
     */
    private double[] classThreeMean(int steps) {
        int m = period;
        int k = form.hasTrend() ? 2 : 1;
        double[] x = form.hasTrend() ? new double[] {level, trend} : new double[] {level};
        double[] g = form.hasTrend() ? new double[] {alpha, beta} : new double[] {alpha};
        double[][] mh = new double[k][m];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < m; c++) {
                mh[r][c] = x[r] * seasons[c];
            }
        }
        double[] mu = new double[steps];
        for (int i = 0; i < steps; i++) {
            double[] last = new double[k];
            double total = 0;
            for (int r = 0; r < k; r++) {
                last[r] = mh[r][m - 1];
                total += last[r];
            }
            mu[i] = total;
            double[][] next = new double[k][m];
            for (int c = 0; c < m; c++) {
                double[] col = c == 0 ? last : column(mh, c - 1);
                double[] moved = k == 2 ? new double[] {col[0] + col[1], phi * col[1]} : new double[] {col[0]};
                for (int r = 0; r < k; r++) {
                    next[r][c] = moved[r];
                }
            }
            for (int r = 0; r < k; r++) {
                double gm = 0;
                for (int q = 0; q < k; q++) {
                    gm += g[r] * last[q];
                }
                next[r][0] = next[r][0] + gm * gamma * sigma2;
            }
            mh = next;
        }
        return mu;
    }

    private static double[] column(double[][] a, int c) {
        double[] out = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            out[r] = a[r][c];
        }
        return out;
    }
}
