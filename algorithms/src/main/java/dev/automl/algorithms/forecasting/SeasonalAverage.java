package dev.automl.algorithms.forecasting;

/**
 * Azure's {@code SeasonalAverage}: each step ahead forecasts the mean of the series' values at the same point of
 * the season (every {@code seasonality}-th value back from it). A series shorter than a season forecasts its mean,
 * as Average.
 */
public final class SeasonalAverage extends CycleForecaster {

    public static final String NAME = "SeasonalAverage";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    CycleForecaster plainForm() {
        return new Average();
    }

    @Override
    Cycle.Update update() {
        return Cycle.Update.MEAN;
    }

    @Override
    double[] cycle(double[] values, int seasonality) {
        int n = values.length;
        double[] out = new double[seasonality];
        for (int p = 0; p < seasonality; p++) {
            // Step p + 1 ahead, at position n + p, shares its season with positions n + p - m, n + p - 2m, ...
            double sum = 0;
            int count = 0;
            for (int i = n + p - seasonality; i >= 0; i -= seasonality) {
                sum += values[i];
                count++;
            }
            out[p] = sum / count;
        }
        return out;
    }
}
