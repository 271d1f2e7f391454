package dev.automl.algorithms.forecasting.ets;

import java.util.Arrays;
import java.util.Optional;

/**
 * Fits one ETS form to a series as R's {@code etsmodel} does with its defaults: smoothing parameters from
 * {@code initparam}, initial states from {@code initstate}, then Nelder-Mead on all of them together, minimising
 * R's likelihood criterion with every point outside the parameter region worth +Inf.
 */
final class FormFitter {

    /** R's {@code sqrt(.Machine$double.eps)}. */
    private static final double REL_TOL = Math.sqrt(Math.ulp(1.0));
    private static final int MAX_EVALUATIONS = 2000;

    private FormFitter() {
    }

    /**
     * @param frequency the series' seasonal period (the form uses it only if it has a season)
     * @return the fit, or empty where R's etsmodel fails or gives an infinite or undefined AICc (too many values to
     *         estimate for the series' length, a start outside the region, an undefined likelihood)
     */
    static Optional<FormFit> fit(double[] y, int frequency, EtsForm form) {
        int m = form.hasSeason() ? frequency : 1;
        double[] start = startingParameters(form, m);
        if (!ParameterRegion.contains(form, m, Smoothing.read(form, start))) {
            return Optional.empty();
        }
        double[] states;
        try {
            states = InitialStates.of(y, m, form.trend(), form.season());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        double[] par = Arrays.copyOf(start, start.length + states.length);
        System.arraycopy(states, 0, par, start.length, states.length);
        int np = par.length;
        if (np >= y.length - 1) {
            return Optional.empty();
        }
        int nstate = states.length;
        NelderMead.Result best;
        try {
            best = NelderMead.minimise(x -> criterion(y, m, form, nstate, x), par, 1.0, 0.5, 2.0, REL_TOL, MAX_EVALUATIONS);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Smoothing smoothing = Smoothing.read(form, best.par());
        double[] initial = fullState(form, m, Arrays.copyOfRange(best.par(), np - nstate, np), true);
        EtsRecursion.Pass pass = EtsRecursion.run(y, m, form, smoothing, initial);
        if (Double.isNaN(pass.lik()) || Math.abs(pass.lik() - EtsRecursion.NA) < 1e-7) {
            return Optional.empty();
        }
        double sigma2 = pass.sse() / (y.length - np);
        return Optional.of(new FormFit(form, m, smoothing, initial, pass.finalState(), pass.lik(), np, y.length, sigma2));
    }

    /** R's {@code initparam} with the default bounds: where Nelder-Mead starts the smoothing parameters. */
    static double[] startingParameters(EtsForm form, int m) {
        double[] lower = ParameterRegion.LOWER;
        double[] upper = ParameterRegion.UPPER.clone();
        double[] out = new double[Smoothing.count(form)];
        int j = 0;
        double alpha = lower[0] + 0.2 * (upper[0] - lower[0]) / m;
        if (alpha > 1 || alpha < 0) {
            alpha = lower[0] + 0.002;
        }
        out[j++] = alpha;
        if (form.hasTrend()) {
            upper[1] = Math.min(upper[1], alpha);
            double beta = lower[1] + 0.1 * (upper[1] - lower[1]);
            if (beta < 0 || beta > alpha) {
                beta = alpha - 0.001;
            }
            out[j++] = beta;
        }
        if (form.hasSeason()) {
            upper[2] = Math.min(upper[2], 1 - alpha);
            double gamma = lower[2] + 0.05 * (upper[2] - lower[2]);
            if (gamma < 0 || gamma > 1 - alpha) {
                gamma = 1 - alpha - 0.001;
            }
            out[j++] = gamma;
        }
        if (form.damped()) {
            double phi = lower[3] + 0.99 * (upper[3] - lower[3]);
            if (phi < 0 || phi > 1) {
                phi = upper[3] - 0.001;
            }
            out[j] = phi;
        }
        return out;
    }

    /**
     * What the optimiser minimises, R's {@code EtsTargetFunction} with {@code opt.crit = "lik"}: the likelihood
     * criterion, +Inf outside the parameter region or with a negative multiplicative season.
     */
    static double criterion(double[] y, int m, EtsForm form, int nstate, double[] par) {
        Smoothing smoothing = Smoothing.read(form, par);
        if (!ParameterRegion.contains(form, m, smoothing)) {
            return Double.POSITIVE_INFINITY;
        }
        double[] state = fullState(form, m, Arrays.copyOfRange(par, par.length - nstate, par.length), false);
        if (form.season() == Component.M) {
            for (int i = form.hasTrend() ? 2 : 1; i < state.length; i++) {
                if (state[i] < 0) {
                    return Double.POSITIVE_INFINITY;
                }
            }
        }
        double lik = EtsRecursion.run(y, m, form, smoothing, state).lik();
        if (lik < -1e10) {
            lik = -1e10; // R's guard against perfect fits
        }
        if (Double.isNaN(lik) || Math.abs(lik - EtsRecursion.NA) < 1e-7) {
            return Double.POSITIVE_INFINITY;
        }
        return lik;
    }

    /**
     * The estimated states with the last seasonal state appended: the seasons sum to m (multiplicative) or 0
     * (additive), so the last is not estimated.
     *
     * @param asR whether to sum as R's {@code sum} does (after the fit) rather than as its C++ target function does
     */
    static double[] fullState(EtsForm form, int m, double[] estimated, boolean asR) {
        if (!form.hasSeason()) {
            return estimated;
        }
        int first = form.hasTrend() ? 2 : 1;
        double sum;
        if (asR) {
            sum = RMath.sum(Arrays.copyOfRange(estimated, first, estimated.length));
        } else {
            sum = 0;
            for (int i = first; i < estimated.length; i++) {
                sum += estimated[i];
            }
        }
        double[] out = Arrays.copyOf(estimated, estimated.length + 1);
        out[estimated.length] = (form.season() == Component.M ? m : 0) - sum;
        return out;
    }
}
