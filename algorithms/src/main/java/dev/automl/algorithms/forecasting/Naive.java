package dev.automl.algorithms.forecasting;

/** Azure's {@code Naive}: every step ahead forecasts the series' last value (R's {@code naive}). */
public final class Naive extends CycleForecaster {

    public static final String NAME = "Naive";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    Cycle.Update update() {
        return Cycle.Update.LAST;
    }

    @Override
    double[] cycle(double[] values, int seasonality) {
        return new double[] {values[values.length - 1]};
    }
}
