package dev.automl.algorithms.forecasting.arima;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.algorithms.forecasting.SeriesFit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One series' ARIMA model as fitted, with the Kalman filter's state after the last value it knows (its last training
 * value, or the last one {@link #updated} gave it), from which it forecasts without refitting (as R's
 * {@code forecast.Arima}): the state runs forward through the AR and differencing equations, and a mean or drift term
 * and the regressors' term (given their future values) are added back.
 *
 * @param model        how R would name the model, such as "ARIMA(0,1,1)(0,1,1)[12]", "ARIMA(2,1,0) with drift" or
 *                     "Regression with ARIMA(1,0,0) errors"
 * @param order        p, d, q, P, D, Q and the seasonal period
 * @param constant     "none", "mean" or "drift"
 * @param names        the coefficients' names as R gives them (ar1, ma1, sar1, sma1, intercept or drift, then
 *                     xreg1, xreg2, ... numbered by the regressor's column in the matrix given)
 * @param coefficients their values: ARMA, then the constant's, then one per regressor used
 * @param sigma2       the innovation variance, as auto.arima reports it
 * @param loglik       the log-likelihood
 * @param aicc         the corrected AIC (NaN for a model auto.arima did not score)
 * @param length       the number of values the fit knows, training values then those updated gave it, from which
 *                     the drift counts on
 * @param phi          the expanded AR polynomial, seasonal terms multiplied out
 * @param delta        the expanded differencing polynomial
 * @param state        the state after the last value the fit knows
 * @param note         why the model is not auto.arima's own choice, when it is not; empty otherwise
 * @param regressors   the columns of the regressor matrix given that the model uses, by index, in the order of their
 *                     coefficients; empty without regressors (and in fits saved before there were any)
 * @param errors       the values less the regression term (mean, drift, regressors), one per value the state has
 *                     taken in: the series the Kalman filter runs over, which {@link #updated} runs it over again
 *                     with the new values; empty in fits saved before fits could be updated, which cannot be
 */
public record ArimaFit(@JsonProperty("model") String model,
                       @JsonProperty("order") int[] order,
                       @JsonProperty("constant") String constant,
                       @JsonProperty("names") String[] names,
                       @JsonProperty("coefficients") double[] coefficients,
                       @JsonProperty("sigma2") double sigma2,
                       @JsonProperty("loglik") double loglik,
                       @JsonProperty("aicc") double aicc,
                       @JsonProperty("length") int length,
                       @JsonProperty("phi") double[] phi,
                       @JsonProperty("delta") double[] delta,
                       @JsonProperty("state") double[] state,
                       @JsonProperty("note") String note,
                       @JsonProperty("regressors") int[] regressors,
                       @JsonProperty("errors") double[] errors) implements SeriesFit {

    static final String NONE = "none";
    static final String MEAN = "mean";
    static final String DRIFT = "drift";

    @JsonCreator
    public ArimaFit {
        if (regressors == null) {
            regressors = new int[0];
        }
        if (errors == null) {
            errors = new double[0];
        }
        if (order.length != 7 || names.length != coefficients.length || state.length < 1 + delta.length) {
            throw new IllegalArgumentException("an ARIMA fit needs 7 orders, a value per coefficient name and a state");
        }
        if (!NONE.equals(constant) && !MEAN.equals(constant) && !DRIFT.equals(constant)) {
            throw new IllegalArgumentException("constant must be none, mean or drift, not " + constant);
        }
        int narma = order[0] + order[2] + order[3] + order[5];
        if (coefficients.length != narma + (NONE.equals(constant) ? 0 : 1) + regressors.length) {
            throw new IllegalArgumentException("an ARIMA fit needs a coefficient per ARMA term, constant and regressor");
        }
    }

    /** The same fit with another note. */
    ArimaFit withNote(String other) {
        return new ArimaFit(model, order, constant, names, coefficients, sigma2, loglik, aicc, length, phi, delta, state,
                other, regressors, errors);
    }

    /**
     * The fit of an estimate, named as R names it.
     *
     * @param state the state after the last training value
     */
    static ArimaFit of(ArimaEstimator.Estimate e, double[] state, double sigma2, double aicc, String note) {
        return of(e, state, e.errors(), sigma2, aicc, note, new int[0]);
    }

    /**
     * The fit of an estimate with regressors, named as R's auto.arima names it.
     *
     * @param errors     the series less the regression term, which the state is the filter's after; null where it
     *                   is not known, which makes a fit that cannot be updated
     * @param regressors the columns of the caller's regressor matrix the estimate used, in order
     */
    static ArimaFit of(ArimaEstimator.Estimate e, double[] state, double[] errors, double sigma2, double aicc,
                       String note, int[] regressors) {
        ArimaOrder o = e.order();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= o.p(); i++) {
            names.add("ar" + i);
        }
        for (int i = 1; i <= o.q(); i++) {
            names.add("ma" + i);
        }
        for (int i = 1; i <= o.sp(); i++) {
            names.add("sar" + i);
        }
        for (int i = 1; i <= o.sq(); i++) {
            names.add("sma" + i);
        }
        String constant = switch (e.constant()) {
            case NONE -> NONE;
            case MEAN -> MEAN;
            case DRIFT -> DRIFT;
        };
        String model = o.toString();
        if (e.constant() == ArimaEstimator.Constant.DRIFT) {
            names.add("drift");
        } else if (e.constant() == ArimaEstimator.Constant.MEAN) {
            names.add("intercept");
        }
        for (int j : regressors) {
            names.add("xreg" + (j + 1));
        }
        if (regressors.length > 0) {
            // forecast's arima.string: any regressor besides a lone drift makes it a regression.
            model = "Regression with " + model + " errors";
        } else if (e.constant() == ArimaEstimator.Constant.DRIFT) {
            model += " with drift";
        } else if (e.constant() == ArimaEstimator.Constant.MEAN) {
            model += " with non-zero mean";
        } else if (o.differences() == 0) {
            model += " with zero mean";
        }
        return new ArimaFit(model, new int[] {o.p(), o.d(), o.q(), o.sp(), o.sd(), o.sq(), o.period()}, constant,
                names.toArray(String[]::new), e.coef().clone(), sigma2, e.loglik(), aicc, e.residuals().length,
                e.phi().clone(), o.delta(), state.clone(), note, regressors.clone(),
                errors == null ? new double[0] : errors.clone());
    }

    /** The mean or drift coefficient, or 0 without one. */
    double constantCoefficient() {
        return NONE.equals(constant) ? 0.0 : coefficients[coefficients.length - 1 - regressors.length];
    }

    /**
     * The fit with the new values taken in, as R's {@code Arima(y, model = fit)} (and {@code xreg = }) applies a
     * fitted model to a longer series: the coefficients stay, the new values less their regression term (the drift
     * counting on from the values the fit knows) join the errors, and the Kalman filter runs over all of them again
     * from its prior, as R's does. Running it on from the last state alone would not do: that state's variance,
     * which weighs each new value, settles slowly where an MA part is near non-invertible (a seasonal MA near -1),
     * and the fit does not keep it. A fit made on a long series' recent values ({@link AutoArima#MAX_HISTORY}) filters those and the
     * new ones. The estimation's sigma2, log-likelihood and AICc stay as they were.
     *
     * @param rows each value's covariates, all columns of the matrix the fit was given; ignored (may be null) when
     *             the model uses none
     * @return empty for a fit saved before fits kept their errors
     */
    @Override
    public Optional<SeriesFit> updated(double[] values, double[][] rows) {
        if (values.length == 0) {
            return Optional.of(this);
        }
        if (errors.length != length) {
            return Optional.empty();
        }
        if (regressors.length > 0 && (rows == null || rows.length < values.length)) {
            throw new IllegalArgumentException(model + " needs the regressors' values with each of the "
                    + values.length + " new values");
        }
        double[] longer = Arrays.copyOf(errors, length + values.length);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("an ARIMA fit takes in finite values, not " + values[i]);
            }
            longer[length + i] = values[i] - regression(length + i + 1, regressors.length > 0 ? rows[i] : null);
        }
        double[] theta = new ArimaOrder(order[0], order[1], order[2], order[3], order[4], order[5], order[6]).arma()
                .expand(coefficients, false)[1];
        StateSpace filter = StateSpace.of(phi, theta, delta);
        filter.filter(longer, null);
        return Optional.of(new ArimaFit(model, order, constant, names, coefficients, sigma2, loglik, aicc,
                length + values.length, phi, delta, filter.a.clone(), note, regressors, longer));
    }

    /**
     * The regression term at time t (1 for the first value the fit knows), given that time's covariates: summed as
     * R's {@code xreg %*% coef} is, the mean or drift column first.
     */
    private double regression(int t, double[] row) {
        int at = coefficients.length - regressors.length - (NONE.equals(constant) ? 0 : 1);
        double s = 0.0;
        if (MEAN.equals(constant)) {
            s += coefficients[at++];
        } else if (DRIFT.equals(constant)) {
            s += t * coefficients[at++];
        }
        for (int j : regressors) {
            double v = row[j];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("regressors must be finite; a row holds " + v);
            }
            s += v * coefficients[at++];
        }
        return s;
    }

    /**
     * The point forecasts of a fit without regressors.
     *
     * @throws IllegalStateException when the model has regressors, whose future values it needs
     */
    @Override
    public double[] forecast(int steps) {
        if (regressors.length > 0) {
            throw new IllegalStateException(model + " needs the regressors' future values to forecast");
        }
        return forecast(steps, null);
    }

    /**
     * The point forecasts given the regressors' future values: the ARIMA errors' forecast plus the regression on
     * them (R's {@code forecast(fit, xreg = )}).
     *
     * @param futureRegressors row k holds the regressors, all columns of the matrix the fit was given, at step k + 1
     *                         after the series' end; ignored (may be null) when the model uses none
     */
    /**
     * Rows' forecasts from their own regressors: a step's regression term reads that step's covariates alone, so
     * steps no row asks for need none.
     */
    @Override
    public double[] forecastRows(long[] ahead, double[][] rows) {
        if (regressors.length == 0) {
            return SeriesFit.super.forecastRows(ahead, rows);
        }
        int furthest = 0;
        for (long k : ahead) {
            furthest = Math.max(furthest, Math.toIntExact(k));
        }
        double[][] future = new double[furthest][];
        for (int i = 0; i < ahead.length; i++) {
            future[(int) ahead[i] - 1] = rows[i];
        }
        double[] none = new double[rows[0].length];
        for (int k = 0; k < furthest; k++) {
            future[k] = future[k] == null ? none : future[k];
        }
        double[] path = forecast(furthest, future);
        double[] out = new double[ahead.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = path[(int) ahead[i] - 1];
        }
        return out;
    }

    public double[] forecast(int steps, double[][] futureRegressors) {
        if (regressors.length > 0 && (futureRegressors == null || futureRegressors.length < steps)) {
            throw new IllegalArgumentException(model + " needs the regressors' values at each of the " + steps
                    + " steps");
        }
        double[] out = StateSpace.forecast(phi, delta, state, steps);
        int first = coefficients.length - regressors.length;
        for (int k = 0; k < steps; k++) {
            double xm = 0.0;
            for (int j = 0; j < regressors.length; j++) {
                xm += futureRegressors[k][regressors[j]] * coefficients[first + j];
            }
            out[k] += xm;
        }
        double c = constantCoefficient();
        for (int k = 0; k < steps; k++) {
            if (MEAN.equals(constant)) {
                out[k] += c;
            } else if (DRIFT.equals(constant)) {
                out[k] += c * (length + k + 1);
            }
        }
        return out;
    }
}
