package dev.automl.algorithms.forecasting.arima;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.algorithms.forecasting.SeriesFit;

import java.util.ArrayList;
import java.util.List;

/**
 * One series' ARIMA model as fitted, with the Kalman filter's state after the last training value, from which it
 * forecasts without refitting (as R's {@code forecast.Arima}): the state runs forward through the AR and
 * differencing equations, and a mean or drift term is added back.
 *
 * @param model        how R would name the model, such as "ARIMA(0,1,1)(0,1,1)[12]" or "ARIMA(2,1,0) with drift"
 * @param order        p, d, q, P, D, Q and the seasonal period
 * @param constant     "none", "mean" or "drift"
 * @param names        the coefficients' names as R gives them (ar1, ma1, sar1, sma1, intercept, drift)
 * @param coefficients their values
 * @param sigma2       the innovation variance, as auto.arima reports it
 * @param loglik       the log-likelihood
 * @param aicc         the corrected AIC (NaN for a model auto.arima did not score)
 * @param length       the number of training values, from which the drift counts on
 * @param phi          the expanded AR polynomial, seasonal terms multiplied out
 * @param delta        the expanded differencing polynomial
 * @param state        the state after the last training value
 * @param note         why the model is not auto.arima's own choice, when it is not; empty otherwise
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
                       @JsonProperty("note") String note) implements SeriesFit {

    static final String NONE = "none";
    static final String MEAN = "mean";
    static final String DRIFT = "drift";

    public ArimaFit {
        if (order.length != 7 || names.length != coefficients.length || state.length < 1 + delta.length) {
            throw new IllegalArgumentException("an ARIMA fit needs 7 orders, a value per coefficient name and a state");
        }
        if (!NONE.equals(constant) && !MEAN.equals(constant) && !DRIFT.equals(constant)) {
            throw new IllegalArgumentException("constant must be none, mean or drift, not " + constant);
        }
    }

    /**
     * The fit of an estimate, named as R names it.
     *
     * @param state the state after the last training value
     */
    static ArimaFit of(ArimaEstimator.Estimate e, double[] state, double sigma2, double aicc, String note) {
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
            model += " with drift";
            names.add("drift");
        } else if (e.constant() == ArimaEstimator.Constant.MEAN) {
            model += " with non-zero mean";
            names.add("intercept");
        } else if (o.differences() == 0) {
            model += " with zero mean";
        }
        return new ArimaFit(model, new int[] {o.p(), o.d(), o.q(), o.sp(), o.sd(), o.sq(), o.period()}, constant,
                names.toArray(String[]::new), e.coef().clone(), sigma2, e.loglik(), aicc, e.residuals().length,
                e.phi().clone(), o.delta(), state.clone(), note);
    }

    /** The mean or drift coefficient, or 0 without one. */
    double constantCoefficient() {
        return NONE.equals(constant) ? 0.0 : coefficients[coefficients.length - 1];
    }

    @Override
    public double[] forecast(int steps) {
        double[] out = StateSpace.forecast(phi, delta, state, steps);
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
