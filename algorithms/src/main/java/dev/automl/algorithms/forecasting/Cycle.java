package dev.automl.algorithms.forecasting;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Optional;

/**
 * A fit that repeats a cycle of values after the series' last value: one value for Naive and Average, a season's
 * for the seasonal forms; also what stands in for a series a deadline left unfitted (its last value).
 *
 * @param values the values to repeat, the first one for the next step
 * @param update how actual values after the training end change the cycle; null for a fit that does not take them
 *               in (a stand-in)
 * @param counts for {@link Update#MEAN}: how many values each of the cycle's means averages
 */
public record Cycle(@JsonProperty("values") double[] values, @JsonProperty("update") Update update,
                    @JsonProperty("counts") long[] counts) implements SeriesFit {

    /** How a new value changes the cycle's value at its point of the cycle. */
    public enum Update {
        /** The new value replaces it: Naive, SeasonalNaive. */
        LAST,
        /** The new value joins its mean: Average, SeasonalAverage. */
        MEAN
    }

    public Cycle {
        if (values.length == 0) {
            throw new IllegalArgumentException("a cycle needs at least one value");
        }
        if (update == Update.MEAN && (counts == null || counts.length != values.length)) {
            throw new IllegalArgumentException("a cycle of means needs each mean's count");
        }
        values = values.clone();
        counts = counts == null ? null : counts.clone();
    }

    /** A cycle that does not take in new values. */
    public Cycle(double[] values) {
        this(values, null, null);
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

    @Override
    public Optional<SeriesFit> updated(double[] known, double[][] regressors) {
        if (update == null) {
            return Optional.empty();
        }
        int length = values.length;
        double[] v = values.clone();
        long[] c = counts == null ? null : counts.clone();
        for (int t = 0; t < known.length; t++) {
            int p = t % length;
            if (update == Update.LAST) {
                v[p] = known[t];
            } else {
                v[p] = (v[p] * c[p] + known[t]) / (c[p] + 1);
                c[p]++;
            }
        }
        // The cycle starts again at the step after the last known value.
        double[] rotated = new double[length];
        long[] rotatedCounts = c == null ? null : new long[length];
        for (int i = 0; i < length; i++) {
            rotated[i] = v[(known.length + i) % length];
            if (c != null) {
                rotatedCounts[i] = c[(known.length + i) % length];
            }
        }
        return Optional.of(new Cycle(rotated, update, rotatedCounts));
    }
}
