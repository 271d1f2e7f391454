package dev.automl.algorithms.forecasting.prophet;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.Hyperparameter;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.SearchSpace;
import dev.automl.algorithms.forecasting.Cycle;
import dev.automl.algorithms.forecasting.SeriesFit;
import dev.automl.algorithms.forecasting.SeriesLearner;
import dev.automl.data.Task;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Azure's {@code Prophet}: each series gets the model of R's {@code prophet()} 1.0 with linear growth, a piecewise
 * linear trend with changepoints plus yearly, weekly and daily Fourier seasonality, at its maximum a posteriori
 * estimate. The design (scaling, changepoints, automatic seasonalities, priors, starting point) follows Prophet's
 * code. The estimate is the posterior's exact optimum, found by proximal Newton steps ({@link ProximalNewton});
 * Prophet's Stan L-BFGS approaches the same optimum but stops short of it, its forecasts up to 2% of the series'
 * scale away on the goldens.
 *
 * <p>Hyperparameters, with Prophet's defaults: {@code step_days} (a step's length in days, which places the values
 * in calendar time; 1), {@code changepoint_prior_scale} (0.05), {@code seasonality_prior_scale} (10),
 * {@code n_changepoints} (25), {@code changepoint_range} (0.8), {@code seasonality_mode} ({@code additive} or
 * {@code multiplicative}), and {@code yearly_seasonality}, {@code weekly_seasonality}, {@code daily_seasonality}
 * ({@code auto}, true, false or a Fourier order). The portfolio runs the defaults; the search varies the two prior
 * scales and the seasonality mode.
 */
public final class Prophet extends SeriesLearner {

    public static final String NAME = "Prophet";

    /**
     * Measured on the golden series: 1 to 4 ms a series of 24 to 800 values (a handful of Newton steps on at most
     * 61 parameters), where ExponentialSmoothing (cost 3) takes 150 to 1,600 ms on the same series. Little more
     * than the pass over the rows that the cycle forecasters (0.02) cost.
     */
    private static final double RELATIVE_COST = 0.05;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double relativeCost() {
        return RELATIVE_COST;
    }

    /** Prophet's defaults, placed in calendar time by the series' step. */
    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        return List.of(Params.of(ProphetSettings.STEP_DAYS, shape.stepDays()));
    }

    /** The ranges Prophet's documentation suggests tuning, around its defaults. */
    @Override
    public SearchSpace space(Task task, DataShape shape) {
        return SearchSpace.of(
                new Hyperparameter.RealRange(ProphetSettings.CHANGEPOINT_PRIOR_SCALE, 0.001, 0.5, true),
                new Hyperparameter.RealRange(ProphetSettings.SEASONALITY_PRIOR_SCALE, 0.01, 10, true),
                new Hyperparameter.Choice(ProphetSettings.SEASONALITY_MODE, List.of("additive", "multiplicative")));
    }

    @Override
    protected void check(Params params) {
        ProphetSettings.of(params);
    }

    /**
     * Fits the observed values (NaN marks a missing one, which Prophet leaves out); a series with one observed value
     * forecasts it, one with none cannot be forecast.
     */
    @Override
    protected SeriesFit fitSeries(double[] values, Params params, Deadline deadline) {
        return fit(values, ProphetSettings.of(params));
    }

    static SeriesFit fit(double[] values, ProphetSettings settings) {
        int observed = 0;
        double last = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                observed++;
                last = v;
            }
        }
        if (observed == 0) {
            throw new IllegalArgumentException(NAME + ": a series has no observed value");
        }
        if (observed == 1) {
            return new Cycle(new double[] {last});
        }
        ProphetDesign design = ProphetDesign.of(values, settings, 0);
        return ProphetFit.of(design, MapEstimate.of(design));
    }

    @Override
    protected List<Class<? extends SeriesFit>> fitKinds() {
        return List.of(ProphetFit.class);
    }

    /** The seasonalities the series' fits use, such as {@code Prophet seasonalities: yearly+weekly x3}. */
    @Override
    protected String describe(List<SeriesFit> fits) {
        Map<String, Long> counts = fits.stream().collect(Collectors.groupingBy(f -> f instanceof ProphetFit p
                ? p.seasonalities().stream().map(Seasonality::name).reduce((a, b) -> a + "+" + b).orElse("none")
                : "last value", TreeMap::new, Collectors.counting()));
        return "Prophet seasonalities: " + counts.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
