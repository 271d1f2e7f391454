package dev.automl.algorithms.forecasting.ets;

import dev.automl.algorithms.forecasting.SeriesFit;

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
 */
public record EtsFit(EtsForm form, int period, double alpha, double beta, double gamma, double phi, double level,
                     double trend, double[] seasons, double sigma2) implements SeriesFit {

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
