package dev.automl.algorithms.forecasting;

/** Azure's {@code Average}: every step ahead forecasts the mean of the series' values (R's {@code meanf}). */
public final class Average extends CycleForecaster {

    public static final String NAME = "Average";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    Cycle.Update update() {
        return Cycle.Update.MEAN;
    }

    @Override
    double[] cycle(double[] values, int seasonality) {
        return new double[] {mean(values)};
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
