package dev.automl.algorithms.forecasting.arima;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.algorithms.forecasting.SeriesFit;

import java.util.ArrayList;
import java.util.List;

/**
 * One series' ARIMA model as fitted, with the Kalman filter's state after the last training value, from which it
 * forecasts without refitting (as R's {@code forecast.Arima}): the state runs forward through the AR and
 * differencing equations, and a mean or drift term and the regressors' term (given their future values) are added
 * back.
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
 * @param length       the number of training values, from which the drift counts on
 * @param phi          the expanded AR polynomial, seasonal terms multiplied out
 * @param delta        the expanded differencing polynomial
 * @param state        the state after the last training value
 * @param note         why the model is not auto.arima's own choice, when it is not; empty otherwise
 * @param regressors   the columns of the regressor matrix given that the model uses, by index, in the order of their
 *                     coefficients; empty without regressors (and in fits saved before there were any)
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
                       @JsonProperty("regressors") int[] regressors) implements SeriesFit {

    static final String NONE = "none";
    static final String MEAN = "mean";
    static final String DRIFT = "drift";

    @JsonCreator
    public ArimaFit {
        if (regressors == null) {
            regressors = new int[0];
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

    /** A fit without regressors. */
    public ArimaFit(String model, int[] order, String constant, String[] names, double[] coefficients, double sigma2,
                    double loglik, double aicc, int length, double[] phi, double[] delta, double[] state, String note) {
        this(model, order, constant, names, coefficients, sigma2, loglik, aicc, length, phi, delta, state, note,
                new int[0]);
    }

    /** The same fit with another note. */
    ArimaFit withNote(String other) {
        return new ArimaFit(model, order, constant, names, coefficients, sigma2, loglik, aicc, length, phi, delta, state,
                other, regressors);
    }

    /**
     * The fit of an estimate, named as R names it.
     *
     * @param state the state after the last training value
     */
    static ArimaFit of(ArimaEstimator.Estimate e, double[] state, double sigma2, double aicc, String note) {
        return of(e, state, sigma2, aicc, note, new int[0]);
    }

    /**
     * The fit of an estimate with regressors, named as R's auto.arima names it.
     *
     * @param regressors the columns of the caller's regressor matrix the estimate used, in order
     */
    static ArimaFit of(ArimaEstimator.Estimate e, double[] state, double sigma2, double aicc, String note,
                       int[] regressors) {
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
                e.phi().clone(), o.delta(), state.clone(), note, regressors.clone());
    }

    /** The mean or drift coefficient, or 0 without one. */
    double constantCoefficient() {
        return NONE.equals(constant) ? 0.0 : coefficients[coefficients.length - 1 - regressors.length];
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
