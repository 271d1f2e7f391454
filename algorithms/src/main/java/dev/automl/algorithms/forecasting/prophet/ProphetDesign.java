package dev.automl.algorithms.forecasting.prophet;

import java.util.ArrayList;
import java.util.List;

/**
 * What Prophet's Stan model is given for one series, made as R's {@code fit.prophet} makes it: the observed values
 * scaled by their largest magnitude, their times scaled to [0, 1], the changepoints, the seasonal Fourier terms and
 * the priors' scales. Missing values are left out, as Prophet drops those rows.
 */
final class ProphetDesign {

    /** Scaled times of the observed values, increasing from 0 to 1. */
    final double[] t;
    /** Observed values divided by {@link #yScale}. */
    final double[] y;
    /** Scaled changepoint times; a single changepoint at 0 stands in when there are none, as in Prophet. */
    final double[] changepoints;
    /** For each changepoint, the first observation at or after it. */
    final int[] firstAfter;
    /** Whether {@link #changepoints} is Prophet's stand-in for none, whose delta is folded into k afterwards. */
    final boolean noChangepoints;
    final List<Seasonality> seasonalities;
    /** Seasonal terms, one row per observation, {@link #columns} wide. */
    final double[] x;
    final int columns;
    final double seasonalityPriorScale;
    final double changepointPriorScale;
    final boolean multiplicative;
    final double yScale;
    /** Days of the first and last observation and of the series' last step (observed or not), from day zero. */
    final double startDay;
    final double dayScale;
    final double lastDay;
    final double stepDays;
    /** Whether every observed value is the same, which Prophet does not fit. */
    final boolean constant;

    private ProphetDesign(double[] t, double[] days, double[] y, double[] changepoints, boolean noChangepoints,
                          List<Seasonality> seasonalities, ProphetSettings s, double yScale, double startDay,
                          double dayScale, double lastDay, boolean constant) {
        this.t = t;
        this.y = y;
        this.changepoints = changepoints;
        this.noChangepoints = noChangepoints;
        this.seasonalities = List.copyOf(seasonalities);
        this.seasonalityPriorScale = s.seasonalityPriorScale();
        this.changepointPriorScale = s.changepointPriorScale();
        this.multiplicative = s.multiplicative();
        this.yScale = yScale;
        this.startDay = startDay;
        this.dayScale = dayScale;
        this.lastDay = lastDay;
        this.stepDays = s.stepDays();
        this.constant = constant;
        int cols = 0;
        for (Seasonality season : seasonalities) {
            cols += 2 * season.order();
        }
        this.columns = cols;
        this.x = new double[t.length * cols];
        for (int i = 0; i < t.length; i++) {
            terms(days[i], x, i * cols);
        }
        this.firstAfter = new int[changepoints.length];
        int i = 0;
        for (int j = 0; j < changepoints.length; j++) {
            while (i < t.length && t[i] < changepoints[j]) {
                i++;
            }
            firstAfter[j] = i;
        }
    }

    /** All seasonal terms at {@code day}, in the column order of {@link #x}. */
    void terms(double day, double[] out, int at) {
        for (Seasonality season : seasonalities) {
            season.terms(day, out, at);
            at += 2 * season.order();
        }
    }

    /**
     * The model for a series whose value {@code i} lies at day {@code originDay + i * stepDays}; NaN marks a
     * missing value. The origin only phases the Fourier terms, which leaves the fitted values unchanged.
     */
    static ProphetDesign of(double[] values, ProphetSettings s, double originDay) {
        int observed = 0;
        for (double v : values) {
            observed += Double.isNaN(v) ? 0 : 1;
        }
        if (observed < 2) {
            throw new IllegalArgumentException("Prophet needs at least two observed values, not " + observed);
        }
        int[] index = new int[observed];
        double[] raw = new double[observed];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                if (Double.isInfinite(values[i])) {
                    throw new IllegalArgumentException("Prophet: found infinity among the values");
                }
                index[n] = i;
                raw[n++] = values[i];
            }
        }
        double step = s.stepDays();
        double first = originDay + index[0] * step;
        double span = (index[n - 1] - index[0]) * step;
        double yScale = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : raw) {
            yScale = Math.max(yScale, Math.abs(v));
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (yScale == 0) {
            yScale = 1;
        }
        double[] t = new double[n];
        double[] days = new double[n];
        double[] y = new double[n];
        int minGap = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            t[i] = (index[i] - index[0]) * step / span;
            days[i] = originDay + index[i] * step;
            y[i] = raw[i] / yScale;
            if (i > 0) {
                minGap = Math.min(minGap, index[i] - index[i - 1]);
            }
        }
        double minStep = minGap * step;
        List<Seasonality> seasons = new ArrayList<>();
        // Prophet's auto rules: yearly on two years of history, weekly on two weeks of sub-weekly steps, daily on
        // two days of sub-daily steps.
        add(seasons, "yearly", 365.25, s.yearly().resolve(span < 730, ProphetSettings.defaultOrder(ProphetSettings.YEARLY)));
        add(seasons, "weekly", 7, s.weekly().resolve(span < 14 || minStep >= 7,
                ProphetSettings.defaultOrder(ProphetSettings.WEEKLY)));
        add(seasons, "daily", 1, s.daily().resolve(span < 2 || minStep >= 1,
                ProphetSettings.defaultOrder(ProphetSettings.DAILY)));
        double[] cps = changepoints(t, s.nChangepoints(), s.changepointRange());
        boolean none = cps.length == 0;
        return new ProphetDesign(t, days, y, none ? new double[] {0} : cps, none, seasons, s, yScale, first, span,
                originDay + (values.length - 1) * step, min == max);
    }

    private static void add(List<Seasonality> seasons, String name, double period, int order) {
        if (order > 0) {
            seasons.add(new Seasonality(name, period, order));
        }
    }

    /**
     * R's {@code set_changepoints}: {@code n} changepoints at the observations {@code round(seq(1, h, length.out =
     * n + 1))[-1]} of the first {@code h = floor(T * range)}, fewer when the history is short.
     */
    static double[] changepoints(double[] t, int n, double range) {
        int h = (int) Math.floor(t.length * range);
        if (n + 1 > h) {
            n = h - 1;
        }
        if (n <= 0) {
            return new double[0];
        }
        double[] out = new double[n];
        // R's seq.int(from, to, length.out) is from + i * by with the last point set to `to`; round() rounds half
        // to even, as Math.rint does.
        double by = (h - 1.0) / n;
        for (int i = 1; i <= n; i++) {
            double at = i == n ? h : 1 + i * by;
            out[i - 1] = t[(int) Math.rint(at) - 1];
        }
        return out;
    }

    int observations() {
        return t.length;
    }

    /** The number of changepoint deltas the model estimates. */
    int deltas() {
        return changepoints.length;
    }
}
