package dev.automl.algorithms.forecasting;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A fit that repeats a cycle of values after the series' last value: one value for Naive and Average, a season's
 * for the seasonal forms; also what stands in for a series a deadline left unfitted (its last value).
 */
public record Cycle(@JsonProperty("values") double[] values) implements SeriesFit {

    public Cycle {
        if (values.length == 0) {
            throw new IllegalArgumentException("a cycle needs at least one value");
        }
        values = values.clone();
    }

    /** The series' last value, repeated. */
    public static Cycle lastValue(double[] series) {
        return new Cycle(new double[] {series[series.length - 1]});
    }

    @Override
    public double[] forecast(int steps) {
        double[] out = new double[steps];
        for (int k = 0; k < steps; k++) {
            out[k] = values[k % values.length];
        }
        return out;
    }
}
