package dev.automl.algorithms.forecasting.ets;

import java.util.Arrays;

/**
 * R's heuristic initial states ({@code forecast:::initstate}), where the optimiser starts: the seasonal states from
 * a classical decomposition (or, with fewer than three seasons of data, from a line and one Fourier pair), and the
 * level and trend from a line through the first seasonally adjusted values.
 */
final class InitialStates {

    private InitialStates() {
    }

    /**
     * The initial state the optimiser starts from: the level, the trend when there is one, and for a seasonal form
     * m - 1 seasonal states (the most recent first; the m-th follows from them).
     *
     * @throws IllegalArgumentException when a seasonal form has fewer than four values, as R refuses
     */
    static double[] of(double[] y, int m, Component trend, Component season) {
        int n = y.length;
        double[] adjusted;
        double[] seasons;
        int period = season == Component.N ? 1 : m;
        if (season != Component.N) {
            if (n < 4) {
                throw new IllegalArgumentException("too few values for a seasonal model");
            }
            double[] seasonal = n < 3 * m ? fourierDetrended(y, m, season) : decomposition(y, m, season);
            seasons = new double[m - 1];
            for (int j = 0; j < m - 1; j++) {
                seasons[j] = seasonal[m - 1 - j]; // R: rev(seasonal[2:m])
            }
            adjusted = new double[n];
            if (season == Component.A) {
                for (int t = 0; t < n; t++) {
                    adjusted[t] = y[t] - seasonal[t];
                }
            } else {
                for (int j = 0; j < seasons.length; j++) {
                    seasons[j] = Math.max(seasons[j], 0.01);
                }
                if (RMath.sum(seasons) > m) {
                    double[] padded = seasons.clone();
                    for (int j = 0; j < padded.length; j++) {
                        padded[j] += 0.01;
                    }
                    double total = RMath.sum(padded);
                    for (int j = 0; j < seasons.length; j++) {
                        seasons[j] = seasons[j] / total;
                    }
                }
                for (int t = 0; t < n; t++) {
                    adjusted[t] = y[t] / Math.max(seasonal[t], 0.01);
                }
            }
        } else {
            seasons = new double[0];
            adjusted = y;
        }
        int maxn = Math.min(Math.max(10, 2 * period), n);
        double[] head = Arrays.copyOf(adjusted, maxn);
        double[] levelAndTrend;
        if (trend == Component.N) {
            levelAndTrend = new double[] {RMath.mean(head)};
        } else {
            double[] index = new double[maxn];
            double[] ones = new double[maxn];
            for (int t = 0; t < maxn; t++) {
                index[t] = t + 1;
                ones[t] = 1;
            }
            double[] line = HouseholderLeastSquares.fit(new double[][] {ones, index}, head);
            levelAndTrend = trend == Component.A ? additiveStart(line) : multiplicativeStart(line, adjusted);
        }
        double[] out = Arrays.copyOf(levelAndTrend, levelAndTrend.length + seasons.length);
        System.arraycopy(seasons, 0, out, levelAndTrend.length, seasons.length);
        return out;
    }

    private static double[] additiveStart(double[] line) {
        double l0 = line[0];
        double b0 = line[1];
        // Keeps the first one-step forecast away from zero, which a multiplicative error would divide by.
        if (Math.abs(l0 + b0) < 1e-8) {
            l0 = l0 * (1 + 0.001);
            b0 = b0 * (1 - 0.001);
        }
        return new double[] {l0, b0};
    }

    private static double[] multiplicativeStart(double[] line, double[] adjusted) {
        double l0 = line[0] + line[1];
        if (Math.abs(l0) < 1e-8) {
            l0 = 1e-7;
        }
        double b0 = (line[0] + 2 * line[1]) / l0;
        l0 = l0 / b0;
        if (Math.abs(b0) > 1e10) {
            b0 = Math.signum(b0) * 1e10;
        }
        if (l0 < 1e-8 || b0 < 1e-8) {
            l0 = Math.max(adjusted[0], 1e-3);
            b0 = Math.max(adjusted[1] / adjusted[0], 1e-3);
        }
        return new double[] {l0, b0};
    }

    /**
     * R's {@code decompose}: the seasonal figure of each position in the season (the mean of the detrended values
     * there, centred), repeated over the series.
     */
    static double[] decomposition(double[] y, int m, Component season) {
        int n = y.length;
        boolean additive = season == Component.A;
        double[] filter;
        if (m % 2 == 0) {
            filter = new double[m + 1];
            Arrays.fill(filter, 1.0 / m);
            filter[0] = 0.5 / m;
            filter[m] = 0.5 / m;
        } else {
            filter = new double[m];
            Arrays.fill(filter, 1.0 / m);
        }
        int nf = filter.length;
        int shift = nf / 2;
        double[] detrended = new double[n];
        for (int i = 0; i < n; i++) {
            if (i + shift - (nf - 1) < 0 || i + shift >= n) {
                detrended[i] = Double.NaN;
                continue;
            }
            double z = 0;
            for (int j = 0; j < nf; j++) {
                z += filter[j] * y[i + shift - j];
            }
            detrended[i] = additive ? y[i] - z : y[i] / z;
        }
        double[] figure = new double[m];
        for (int i = 0; i < m; i++) {
            double[] at = new double[(n - i + m - 1) / m];
            int count = 0;
            for (int t = i; t < n; t += m) {
                if (!Double.isNaN(detrended[t])) {
                    at[count++] = detrended[t];
                }
            }
            figure[i] = RMath.mean(Arrays.copyOf(at, count));
        }
        double centre = RMath.mean(figure);
        double[] seasonal = new double[n];
        for (int t = 0; t < n; t++) {
            double f = figure[t % m];
            seasonal[t] = additive ? f - centre : f / centre;
        }
        return seasonal;
    }

    /**
     * What R's initstate uses as the seasonal part of a series shorter than three seasons: the series less (or over)
     * the trend line of a regression on time and one Fourier pair ({@code tslm(y ~ trend + fourier(y, 1))}).
     */
    static double[] fourierDetrended(double[] y, int m, Component season) {
        int n = y.length;
        double[] ones = new double[n];
        double[] time = new double[n];
        double[] sin = new double[n];
        double[] cos = new double[n];
        for (int t = 0; t < n; t++) {
            ones[t] = 1;
            time[t] = t + 1;
            sin[t] = sinPi(2.0 * (1.0 / m) * (t + 1));
            cos[t] = cosPi(2.0 * (1.0 / m) * (t + 1));
        }
        // R's fourier drops the sine of period 2, which is zero at every step.
        double[][] columns = m == 2 ? new double[][] {ones, time, cos} : new double[][] {ones, time, sin, cos};
        double[] coef = HouseholderLeastSquares.fit(columns, y);
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            out[t] = season == Component.A ? y[t] - coef[0] - coef[1] * (t + 1) : y[t] / (coef[0] + coef[1] * (t + 1));
        }
        return out;
    }

    /** sin(pi x) exact at whole and half multiples, as R's {@code sinpi}. */
    private static double sinPi(double x) {
        double r = x % 2.0; // in (-2, 2)
        if (r <= -1) {
            r += 2.0;
        } else if (r > 1) {
            r -= 2.0;
        }
        if (r == 0.0 || r == 1.0) {
            return 0.0;
        }
        if (r == 0.5) {
            return 1.0;
        }
        if (r == -0.5) {
            return -1.0;
        }
        return Math.sin(Math.PI * r);
    }

    /** cos(pi x) exact at whole and half multiples, as R's {@code cospi}. */
    private static double cosPi(double x) {
        double r = Math.abs(x) % 2.0; // in [0, 2)
        if (r % 1.0 == 0.5) {
            return 0.0;
        }
        if (r == 1.0) {
            return -1.0;
        }
        if (r == 0.0) {
            return 1.0;
        }
        return Math.cos(Math.PI * r);
    }
}
