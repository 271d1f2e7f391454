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
    CycleForecaster plainForm() {
        return new Naive();
    }

    @Override
    Cycle.Update update() {
        return Cycle.Update.LAST;
    }

    @Override
    double[] cycle(double[] values, int seasonality) {
        return Arrays.copyOfRange(values, values.length - seasonality, values.length);
    }
}
