package dev.automl.engine.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.algorithms.StudentT;
import dev.automl.data.Table;
import dev.automl.featurization.series.SeriesFeatures;

/**
 * Prediction intervals for a forecasting model, learnt from its rolling-origin validation errors whatever the
 * model is (a series model, a global model or a vote of both): errors are scaled by their series' MASE scale, and
 * their spread is estimated for each step ahead, pooled towards a spread that grows with the square root of the
 * steps where a step has few errors. An interval is the forecast plus or minus a quantile times that spread times
 * the series' scale: Student's t with as many degrees of freedom as there were forecast windows, since a window's
 * errors move together and a spread from three windows (one series, three folds) is itself uncertain; with many
 * windows it is the normal quantile.
 *
 * @param sigma             the scaled errors' root mean square for 1, 2, ... steps ahead
 * @param seriesScale       each series' MASE scale over its training values, by series index
 * @param degreesOfFreedom  the validation's forecast windows; 0 (models saved before it) for the normal quantiles
 */
public record ForecastIntervals(@JsonProperty("sigma") double[] sigma,
                                @JsonProperty("series_scale") double[] seriesScale,
                                @JsonProperty("degrees_of_freedom") int degreesOfFreedom) {

    /** Interval coverages written by predict: 80 % and 95 %, as R's forecast package gives. */
    public static final double[] LEVELS = {80, 95};
    /** The standard normal quantiles of the two-sided 80 % and 95 % intervals. */
    private static final double[] Z = {1.2815515655446004, 1.959963984540054};
    /** A step with this many errors weighs as much as the square-root model pooled over all steps. */
    static final int POOLING_WEIGHT = 20;

    /**
     * Learns the spreads from validation errors.
     *
     * @param ahead each error's steps ahead of its origin (1 or more)
     * @param scale   each error's series scale at its origin; errors without a usable scale are left out
     * @param windows how many forecast windows (series and origins) the errors come from
     * @return null when no error has a usable scale
     */
    public static ForecastIntervals fit(double[] y, double[] predicted, int[] ahead, double[] scale, int horizon,
                                        double[] seriesScale, int windows) {
        double[] sum = new double[horizon];
        int[] count = new int[horizon];
        double pooled = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (!(scale[i] > 0) || !Double.isFinite(scale[i]) || ahead[i] < 1 || ahead[i] > horizon) {
                continue;
            }
            double r = (y[i] - predicted[i]) / scale[i];
            sum[ahead[i] - 1] += r * r;
            count[ahead[i] - 1]++;
            pooled += r * r / ahead[i];
            n++;
        }
        if (n == 0) {
            return null;
        }
        double c2 = pooled / n;
        double[] sigma = new double[horizon];
        for (int k = 0; k < horizon; k++) {
            double model = c2 * (k + 1);
            sigma[k] = Math.sqrt((sum[k] + POOLING_WEIGHT * model) / (count[k] + POOLING_WEIGHT));
        }
        return new ForecastIntervals(sigma, seriesScale, windows);
    }

    /**
     * The bounds of forecasts of new rows, {lower80, upper80, lower95, upper95} per row. A model with lags forecasts
     * no row from further back than the horizon, so its rows' distance is capped there.
     */
    public double[][] bounds(SeriesFeatures series, Table rows, double[] predicted) {
        SeriesFeatures.Placement placed = series.place(rows);
        double[] q = quantiles();
        double[][] out = new double[predicted.length][];
        for (int r = 0; r < out.length; r++) {
            long ahead = series.readsRecentValues() ? Math.min(placed.ahead()[r], series.horizon()) : placed.ahead()[r];
            out[r] = bounds(predicted[r], placed.series()[r], ahead, q);
        }
        return out;
    }

    /** The share of actual values within each level's bounds, as a percentage per level of {@link #LEVELS}. */
    public static double[] coverage(double[] actual, double[][] bounds) {
        double[] out = new double[LEVELS.length];
        int n = 0;
        for (int r = 0; r < actual.length; r++) {
            if (Double.isNaN(bounds[r][0])) {
                continue;
            }
            n++;
            for (int l = 0; l < LEVELS.length; l++) {
                out[l] += actual[r] >= bounds[r][2 * l] && actual[r] <= bounds[r][2 * l + 1] ? 1 : 0;
            }
        }
        for (int l = 0; l < LEVELS.length; l++) {
            out[l] = n == 0 ? Double.NaN : 100 * out[l] / n;
        }
        return out;
    }

    /** The spread, in series scales, of a forecast {@code ahead} steps after the last known value. */
    public double sigmaAt(long ahead) {
        int h = sigma.length;
        if (ahead <= h) {
            return sigma[(int) Math.max(1, ahead) - 1];
        }
        // Past the horizon (series models forecast further), the spread keeps growing as the square root.
        return sigma[h - 1] * Math.sqrt((double) ahead / h);
    }

    /**
     * The lower and upper bounds of a forecast at each level of {@link #LEVELS}: {lower80, upper80, lower95,
     * upper95}. A series without a usable scale gets no interval (NaN).
     */
    public double[] bounds(double forecast, int series, long ahead) {
        return bounds(forecast, series, ahead, quantiles());
    }

    private double[] bounds(double forecast, int series, long ahead, double[] q) {
        double s = series < seriesScale.length ? seriesScale[series] : Double.NaN;
        double spread = s > 0 && Double.isFinite(s) ? sigmaAt(ahead) * s : Double.NaN;
        double[] out = new double[2 * q.length];
        for (int l = 0; l < q.length; l++) {
            out[2 * l] = forecast - q[l] * spread;
            out[2 * l + 1] = forecast + q[l] * spread;
        }
        return out;
    }

    /** Each level's two-sided quantile: Student's t with the validation's windows, the normal's for old models. */
    double[] quantiles() {
        double[] q = new double[LEVELS.length];
        for (int l = 0; l < q.length; l++) {
            q[l] = degreesOfFreedom > 0 ? StudentT.quantile(0.5 + LEVELS[l] / 200, degreesOfFreedom) : Z[l];
        }
        return q;
    }
}
