package dev.automl.algorithms.forecasting;

/**
 * One series' fitted model, as it stands after the series' last training value: it forecasts any number of steps
 * ahead. Implementations are records that Jackson writes and reads as they are.
 */
public interface SeriesFit {

    /** The point forecasts of the next {@code steps} steps after the series' last training value. */
    double[] forecast(int steps);
}
