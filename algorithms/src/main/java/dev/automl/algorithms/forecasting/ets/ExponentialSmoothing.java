package dev.automl.algorithms.forecasting.ets;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.KnownParams;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.forecasting.Cycle;
import dev.automl.algorithms.forecasting.SeriesFit;
import dev.automl.algorithms.forecasting.SeriesLearner;
import dev.automl.data.Task;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Azure's {@code ExponentialSmoothing}: each series gets the exponential smoothing state-space model R's
 * {@code forecast::ets} (8.20) chooses for it, by AICc among the forms with additive or multiplicative errors, no,
 * additive or damped additive trend, and no, additive or multiplicative season, each fitted by maximum likelihood.
 * It follows R's code step for step, so it chooses the same form and estimates the same parameters; it departs
 * only where R gives up on ETS (series too short, or that no form fits: see {@link EtsSelection}).
 *
 * <p>Hyperparameters: {@code seasonality}, the seasonal period (seasons are ignored at 1 or above 24, as R does);
 * {@code model}, R's three letters for error (A, M), trend (N, A, M) and season (N, A, M), Z to choose among all but
 * the multiplicative trend (default {@code ZZZ}); {@code damped}, true or false to fix the damping, absent to choose.
 * Nothing is searched: the portfolio runs R's default once.
 */
public final class ExponentialSmoothing extends SeriesLearner {

    public static final String NAME = "ExponentialSmoothing";
    static final String MODEL = "model";
    static final String DAMPED = "damped";

    /**
     * A seasonal series costs up to 15 forms of about 2,000 likelihood passes each: 0.14 s of CPU for 240 hourly
     * values, 0.5 s for 2,000 (EtsSpeedBench); one without seasons a small part of that. On M4 weekly (359 series,
     * no season ETS handles) a trial of three folds took 11 s where LightGBM's first took several: an estimate
     * against a LightGBM trial on the same rows, kept from before the admissibility check got faster.
     */
    private static final double RELATIVE_COST = 3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double relativeCost() {
        return RELATIVE_COST;
    }

    /** R's automatic choice of form is the model: nothing is searched, the portfolio runs it once. */
    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        return atDataSeasonality(shape);
    }

    @Override
    protected void check(Params params) {
        KnownParams.require(NAME, params, Set.of(SEASONALITY, MODEL, DAMPED));
        Object damped = params.values().get(DAMPED);
        if (damped != null && !(damped instanceof Boolean)) {
            throw new IllegalArgumentException(NAME + ": damped must be true or false, not " + damped);
        }
        int m = seasonalityOf(params);
        String model = params.getString(MODEL, EtsSelection.AUTOMATIC);
        if (model.length() != 3 || "AMZ".indexOf(model.charAt(0)) < 0 || "NAMZ".indexOf(model.charAt(1)) < 0
                || "NAMZ".indexOf(model.charAt(2)) < 0) {
            throw new IllegalArgumentException(NAME + ": model must be three letters, error (A, M, Z), trend (N, A, M, Z)"
                    + " and season (N, A, M, Z), not " + model);
        }
        char error = model.charAt(0);
        char trend = model.charAt(1);
        char season = model.charAt(2);
        if ((error == 'A' && (trend == 'M' || season == 'M')) || (error == 'M' && trend == 'M' && season == 'A')) {
            throw new IllegalArgumentException(NAME + ": model " + model + " is a forbidden combination (unstable)");
        }
        if (params.has(DAMPED) && params.getBoolean(DAMPED, false) && trend == 'N') {
            throw new IllegalArgumentException(NAME + ": a model without trend (" + model + ") cannot be damped");
        }
        if ((season == 'A' || season == 'M') && (m == 1 || m > EtsSelection.MAX_SEASON)) {
            throw new IllegalArgumentException(NAME + ": model " + model + " has a season, but seasonality " + m
                    + (m == 1 ? " means none" : " is above the " + EtsSelection.MAX_SEASON + " that ETS handles"));
        }
    }

    /**
     * Fits the series' values after its last missing one, if any, as R would fit its contiguous end; a series
     * ending in a missing value cannot be forecast.
     */
    @Override
    protected SeriesFit fitSeries(double[] values, Params params, Deadline deadline) {
        int start = values.length;
        while (start > 0 && Double.isFinite(values[start - 1])) {
            start--;
        }
        if (start == values.length) {
            throw new IllegalArgumentException(NAME + ": a series ends in a missing value");
        }
        double[] y = start == 0 ? values : Arrays.copyOfRange(values, start, values.length);
        if (y.length < 2) {
            return Cycle.lastValue(y);
        }
        Boolean damped = params.has(DAMPED) ? params.getBoolean(DAMPED, false) : null;
        return EtsSelection.fit(y, params.getInt(SEASONALITY, 1), params.getString(MODEL, EtsSelection.AUTOMATIC), damped,
                        deadline)
                .model();
    }

    @Override
    protected List<Class<? extends SeriesFit>> fitKinds() {
        return List.of(EtsFit.class);
    }

    /** The forms chosen, most frequent first, such as {@code ETS forms: A,Ad,N x3; M,N,M x1}. */
    @Override
    protected String describe(List<SeriesFit> fits) {
        Map<String, Long> counts = fits.stream().collect(Collectors.groupingBy(
                f -> f instanceof EtsFit e ? e.form().label() : "last value", TreeMap::new, Collectors.counting()));
        Map<String, Long> ordered = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return "ETS forms: " + ordered.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
