package dev.automl.algorithms.forecasting;

import java.util.Arrays;

/**
 * Azure's {@code SeasonalNaive}: each step ahead forecasts the value one season before it, so the last season
 * repeats (R's {@code snaive}). A series shorter than a season repeats its last value, as Naive.
 */
public final class SeasonalNaive extends CycleForecaster {

    public static final String NAME = "SeasonalNaive";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    boolean seasonal() {
        return true;
    }

    @Override
    double[] cycle(double[] values, int seasonality) {
        int n = values.length;
        if (n < seasonality) {
            return new double[] {values[n - 1]};
        }
        return Arrays.copyOfRange(values, n - seasonality, n);
    }
}
