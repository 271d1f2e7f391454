package dev.automl.algorithms.forecasting;

import java.util.Optional;

/**
 * One series' fitted model, as it stands after the series' last training value: it forecasts any number of steps
 * ahead. Implementations are records that Jackson writes and reads as they are.
 */
public interface SeriesFit {

    /** The point forecasts of the next {@code steps} steps after the series' last training value. */
    double[] forecast(int steps);

    /**
     * This fit after the series' next values became known (the actual values a rolling forecast gives), its
     * parameters unchanged, as R's {@code Arima(y, model = fit)} and {@code ets(y, model = fit, use.initial.values =
     * TRUE)} apply a fitted model to a longer series: its forecasts then start after the last of them. Empty when the
     * model cannot take in new values; it then forecasts from its training end.
     *
     * @param values     the values at the steps right after the last one the fit knows, in order, none missing
     * @param regressors each value's covariates in the series view's order; a fit that reads none ignores them
     */
    default Optional<SeriesFit> updated(double[] values, double[][] regressors) {
        return Optional.empty();
    }

    /**
     * The point forecasts of rows at the given steps ahead (1 for the next step), given each row's covariates in the
     * series view's order: a fit that reads regressors (Arimax) uses them; the others forecast the path.
     */
    default double[] forecastRows(long[] ahead, double[][] regressors) {
        long furthest = 0;
        for (long k : ahead) {
            furthest = Math.max(furthest, k);
        }
        double[] path = forecast(Math.toIntExact(furthest));
        double[] out = new double[ahead.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = path[(int) (ahead[i] - 1)];
        }
        return out;
    }
}
