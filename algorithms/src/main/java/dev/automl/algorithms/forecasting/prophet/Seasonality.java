package dev.automl.algorithms.forecasting.prophet;

/**
 * One of Prophet's seasonal cycles as its Fourier terms: {@code order} sine and cosine pairs of a {@code period}
 * in days, phased from the day count's zero (Prophet counts from 1970-01-01).
 */
public record Seasonality(String name, double period, int order) {

    public Seasonality {
        if (!(period > 0) || order < 1) {
            throw new IllegalArgumentException("a seasonality needs a positive period and at least one Fourier pair");
        }
    }

    /** Writes the 2 * order terms at {@code day} into {@code out} from {@code at}: sin then cos of each harmonic. */
    void terms(double day, double[] out, int at) {
        for (int i = 1; i <= order; i++) {
            // The same expression as R's fourier_series, so that the terms agree to the last bit.
            double x = 2 * i * Math.PI * day / period;
            out[at + 2 * i - 2] = Math.sin(x);
            out[at + 2 * i - 1] = Math.cos(x);
        }
    }
}
