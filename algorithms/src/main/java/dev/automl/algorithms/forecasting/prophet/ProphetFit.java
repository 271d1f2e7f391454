package dev.automl.algorithms.forecasting.prophet;

import dev.automl.algorithms.forecasting.SeriesFit;

import java.util.List;
import java.util.Optional;

/**
 * One series' fitted Prophet model, all that its forecasts need: Prophet's {@code yhat}, the MAP trend times one
 * plus the multiplicative seasonality, plus the additive seasonality, at each step after the series' last value.
 * Days count from the day that phases the Fourier terms; scaled time is {@code (day - startDay) / dayScale}.
 *
 * @param yScale         what the values were divided by (their largest magnitude)
 * @param startDay       the day of the first observed value
 * @param dayScale       the days from the first to the last observed value
 * @param lastDay        the day of the series' last step, observed or missing
 * @param stepDays       a step's length in days
 * @param k              the base growth rate, in scaled units
 * @param m              the offset
 * @param changepoints   the scaled times where the growth rate changes
 * @param deltas         the growth rate's change at each changepoint
 * @param seasonalities  the seasonal cycles, whose Fourier terms line up with {@code betas}
 * @param betas          the Fourier terms' coefficients
 * @param multiplicative whether seasonality multiplies the trend rather than adds to it
 */
public record ProphetFit(double yScale, double startDay, double dayScale, double lastDay, double stepDays, double k,
                         double m, double[] changepoints, double[] deltas, List<Seasonality> seasonalities,
                         double[] betas, boolean multiplicative) implements SeriesFit {

    public ProphetFit {
        if (changepoints.length != deltas.length) {
            throw new IllegalArgumentException("a Prophet fit needs one delta per changepoint");
        }
        int columns = 0;
        for (Seasonality s : seasonalities) {
            columns += 2 * s.order();
        }
        if (betas.length != columns) {
            throw new IllegalArgumentException("a Prophet fit needs one beta per Fourier term");
        }
        changepoints = changepoints.clone();
        deltas = deltas.clone();
        seasonalities = List.copyOf(seasonalities);
        betas = betas.clone();
    }

    /** The fit of a series' design at its MAP estimate. */
    static ProphetFit of(ProphetDesign d, MapEstimate map) {
        return new ProphetFit(d.yScale, d.startDay, d.dayScale, d.lastDay, d.stepDays, map.k(), map.m(),
                map.delta().length == 0 ? new double[0] : d.changepoints, map.delta(), d.seasonalities, map.beta(),
                d.multiplicative);
    }

    /**
     * The same model with its last step moved past the new values: Prophet's forecast is a function of time alone,
     * which the values after training do not change, so its forecasts then start after the last of them.
     */
    @Override
    public Optional<SeriesFit> updated(double[] values, double[][] regressors) {
        if (values.length == 0) {
            return Optional.of(this);
        }
        double last = lastDay + values.length * stepDays;
        return Optional.of(new ProphetFit(yScale, startDay, dayScale, last, stepDays, k, m, changepoints, deltas,
                seasonalities, betas, multiplicative));
    }

    @Override
    public double[] forecast(int steps) {
        double[] out = new double[Math.max(0, steps)];
        double[] terms = new double[betas.length];
        for (int h = 1; h <= out.length; h++) {
            double day = lastDay + h * stepDays;
            out[h - 1] = at(day, terms);
        }
        return out;
    }

    /** Prophet's yhat at a day. */
    private double at(double day, double[] terms) {
        double t = (day - startDay) / dayScale;
        // R's piecewise_linear: the rate and offset changes of every changepoint at or before t.
        double rate = k;
        double offset = m;
        for (int j = 0; j < changepoints.length; j++) {
            if (t >= changepoints[j]) {
                rate += deltas[j];
                offset -= changepoints[j] * deltas[j];
            }
        }
        double trend = rate * t + offset;
        int at = 0;
        for (Seasonality s : seasonalities) {
            s.terms(day, terms, at);
            at += 2 * s.order();
        }
        double season = 0;
        for (int j = 0; j < betas.length; j++) {
            season += terms[j] * betas[j];
        }
        return yScale * (multiplicative ? trend * (1 + season) : trend + season);
    }
}
