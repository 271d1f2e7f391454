package dev.automl.algorithms.forecasting.ets;

/**
 * The smoothing parameters of an ETS model as its recursion reads them: a form without a trend has beta 0, one
 * without a season gamma 0, and an undamped one phi 1, as R's {@code pegelsresid.C} sets them.
 */
record Smoothing(double alpha, double beta, double gamma, double phi) {

    /** The parameters a form uses, from the optimiser's leading values (alpha, then beta, gamma, phi as present). */
    static Smoothing read(EtsForm form, double[] par) {
        int j = 0;
        double alpha = par[j++];
        double beta = form.hasTrend() ? par[j++] : 0;
        double gamma = form.hasSeason() ? par[j++] : 0;
        double phi = form.damped() ? par[j] : 1;
        return new Smoothing(alpha, beta, gamma, phi);
    }

    /** How many of the four a form estimates. */
    static int count(EtsForm form) {
        return 1 + (form.hasTrend() ? 1 : 0) + (form.hasSeason() ? 1 : 0) + (form.damped() ? 1 : 0);
    }
}
