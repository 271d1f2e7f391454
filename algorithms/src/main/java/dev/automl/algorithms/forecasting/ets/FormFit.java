package dev.automl.algorithms.forecasting.ets;

/**
 * One ETS form fitted to a series by maximum likelihood, as R's {@code etsmodel} returns it.
 *
 * @param m            the seasonal period the form uses (1 without a season)
 * @param initialState the state before the first value, all m seasonal states included
 * @param finalState   the state after the last value
 * @param lik          R's -2 log-likelihood up to a constant ({@code e$lik})
 * @param parameters   how many values were estimated, smoothing parameters and initial states (R's
 *                     {@code length(fit$par)}); the information criteria count one more, the error variance
 * @param sigma2       the residual variance R reports: the sum of squared (relative) errors over n - parameters
 */
record FormFit(EtsForm form, int m, Smoothing smoothing, double[] initialState, double[] finalState, double lik,
               int parameters, int n, double sigma2) {

    double aic() {
        return lik + 2.0 * (parameters + 1);
    }

    double aicc() {
        int np = parameters + 1;
        return aic() + 2.0 * np * (np + 1) / (n - np - 1);
    }

    /** The fit as a model that forecasts from the end of the series. */
    EtsFit toSeriesFit() {
        int first = form.hasTrend() ? 2 : 1;
        double[] seasons = new double[form.hasSeason() ? m : 0];
        System.arraycopy(finalState, first, seasons, 0, seasons.length);
        return new EtsFit(form, m, smoothing.alpha(), smoothing.beta(), smoothing.gamma(), smoothing.phi(),
                finalState[0], form.hasTrend() ? finalState[1] : 0, seasons, sigma2, n, sigma2 * (n - parameters));
    }
}
