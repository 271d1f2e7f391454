package dev.automl.algorithms.forecasting.arima;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.KnownParams;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.forecasting.Cycle;
import dev.automl.algorithms.forecasting.SeriesFit;
import dev.automl.algorithms.forecasting.SeriesLearner;
import dev.automl.data.Task;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Azure's {@code AutoArima}, which fits each series with R's {@code forecast::auto.arima} (8.20) and its defaults:
 * differences chosen by the seasonal-strength and KPSS tests, a stepwise AICc search of seasonal ARIMA orders
 * (bounded by auto.arima's own limit of 94 models), exact maximum likelihood estimates, and the Kalman filter's
 * forecasts. Its one setting is the seasonal period.
 *
 * <p>Short series need nothing special: as in R, the orders searched shrink with the length (p and q at most a
 * third of it, no seasonal terms before three seasons, no seasonal difference before two), so two values give a
 * mean. A constant series forecasts its value. Where R's auto.arima stops with an error ("No suitable ARIMA model
 * found", "Not enough data to proceed") the series falls back to a random walk, which forecasts its last value, and
 * the fit's note says so.
 */
public class AutoArima extends SeriesLearner {

    public static final String NAME = "AutoArima";
    /**
     * A stepwise search fits up to 94 models per series by numerical optimisation, a few hundred likelihood
     * evaluations each: seconds for a seasonal series of a few hundred values, several LightGBM trials' worth.
     */
    private static final double RELATIVE_COST = 5.0;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double relativeCost() {
        return RELATIVE_COST;
    }

    /** One trial, at the data's seasonal period: auto.arima searches the orders itself. */
    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        return atDataSeasonality(shape);
    }

    @Override
    protected void check(Params params) {
        KnownParams.require(name(), params, Set.of(SEASONALITY));
        seasonalityOf(params);
    }

    /**
     * A longer series is fitted on its last this many values: the Kalman filter's cost grows with the length and
     * the seasonal state, so that Azure's energy demand series (49,000 hours at a period of 24) took over six
     * minutes a fold, while the dynamics an ARIMA model forecasts from are the recent ones. M4's hourly and
     * weekly series (at most 1,008 and 2,597 values) are almost all shorter.
     */
    static final int MAX_HISTORY = 2_000;

    @Override
    protected SeriesFit fitSeries(double[] values, Params params, Deadline deadline) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name() + " needs finite values; a series holds " + v);
            }
        }
        return fit(recent(values), params.getInt(SEASONALITY, 1), deadline);
    }

    /** The last {@link #MAX_HISTORY} values (rows) of a series, or all of it. */
    static double[] recent(double[] values) {
        return values.length <= MAX_HISTORY ? values : Arrays.copyOfRange(values, values.length - MAX_HISTORY, values.length);
    }

    static double[][] recent(double[][] rows) {
        return rows.length <= MAX_HISTORY ? rows : Arrays.copyOfRange(rows, rows.length - MAX_HISTORY, rows.length);
    }

    /** auto.arima's model for one series, or the random walk where R's auto.arima would stop with an error. */
    static ArimaFit fit(double[] values, int seasonality, Deadline deadline) {
        try {
            return AutoArimaSearch.fit(values, seasonality, deadline);
        } catch (ArimaFitException e) {
            if (deadline.expired()) {
                return randomWalk(values, "the trial's deadline passed before a model was fitted; forecasting the last"
                        + " value");
            }
            return randomWalk(values, "auto.arima found no model (" + e.getMessage() + "); forecasting the last value");
        }
    }

    /**
     * A regression on the regressors with ARIMA errors as R's {@code auto.arima(y, xreg = )} chooses and fits it
     * (Azure's Arimax), after dropping the columns that are constant over the series or collinear with an intercept
     * and earlier columns; the fit records the columns it kept, which its {@link ArimaFit#forecast(int, double[][])}
     * reads from the future rows. Without a usable column it is plain auto.arima, and where R would stop with an
     * error, the random walk; the fit's note says which.
     *
     * @param xreg     row i holds the regressors at time i, as many rows as values
     * @param period   the seasonal period; 1 for none
     * @param deadline when passed, the search stops with its best model so far
     */
    public static ArimaFit fitWithRegressors(double[] y, double[][] xreg, int period, Deadline deadline) {
        if (xreg.length != y.length) {
            throw new IllegalArgumentException("xreg has " + xreg.length + " rows for " + y.length + " values");
        }
        for (double[] row : xreg) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("regressors must be finite; a row holds " + v);
                }
            }
        }
        for (double v : y) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(NAME + " needs finite values; a series holds " + v);
            }
        }
        RegressorColumns chosen = RegressorColumns.choose(xreg);
        String dropped = chosen.dropped().isEmpty() ? "" : "regressors dropped: " + chosen.dropped();
        if (chosen.kept().length == 0) {
            ArimaFit plain = fit(y, seasonalityOf(period), deadline);
            return plain.withNote(join(join(dropped, "no usable regressor; fitted without regressors"), plain.note()));
        }
        try {
            ArimaFit fit = AutoArimaSearch.fit(y, chosen.select(xreg), chosen.kept(), seasonalityOf(period), deadline);
            return fit.withNote(join(dropped, fit.note()));
        } catch (ArimaFitException e) {
            return randomWalk(y, join(dropped, "auto.arima with regressors found no model (" + e.getMessage()
                    + "); forecasting the last value"));
        }
    }

    private static int seasonalityOf(int period) {
        return Math.max(1, period);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    /** ARIMA(0,1,0): its state after the series is the last value, which it forecasts at every step. */
    static ArimaFit randomWalk(double[] values, String note) {
        return new ArimaFit("ARIMA(0,1,0)", new int[] {0, 1, 0, 0, 0, 0, 1}, ArimaFit.NONE, new String[0], new double[0],
                Double.NaN, Double.NaN, Double.NaN, values.length, new double[0], new double[] {1.0},
                new double[] {0.0, values[values.length - 1]}, note, new int[0], values.clone());
    }

    @Override
    protected List<Class<? extends SeriesFit>> fitKinds() {
        return List.of(ArimaFit.class);
    }

    /** The models chosen and how many series chose each, most common first: "ARIMA(0,1,1)(0,1,1)[12] x3". */
    @Override
    protected String describe(List<SeriesFit> fits) {
        Map<String, Long> counts = fits.stream()
                .map(f -> f instanceof ArimaFit a ? a.model() : f instanceof Cycle ? "last value (deadline)" : f.toString())
                .collect(Collectors.groupingBy(s -> s, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
