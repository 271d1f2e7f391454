package dev.automl.algorithms.forecasting.arima;

/**
 * A model that cannot be fitted where R's {@code arima} stops with an error (a non-stationary AR part from the
 * conditional sum of squares, a non-finite objective, a singular Hessian); auto.arima scores such a model as
 * infinitely bad and moves on.
 */
final class ArimaFitException extends RuntimeException {

    ArimaFitException(String message) {
        super(message, null, false, false);
    }
}
