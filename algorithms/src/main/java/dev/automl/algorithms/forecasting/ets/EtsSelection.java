package dev.automl.algorithms.forecasting.ets;

import dev.automl.algorithms.forecasting.Cycle;
import dev.automl.algorithms.forecasting.SeriesFit;

import dev.automl.algorithms.Deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * R's {@code ets(y, model, damped)} with its other defaults ({@code opt.crit = "lik"}, {@code ic = "aicc"},
 * {@code bounds = "both"}, {@code restrict = TRUE}, no multiplicative trend unless the model names one): fits every
 * candidate form in R's order and keeps the one with the least AICc, the first on a tie.
 *
 * <p>Where R gives up on ETS, this departs from it: a series too short for the forms asked for (R fits Holt-Winters
 * by least squares there) gets ETS(A,N,N) if that can be fitted, else its last value; a series no form can be
 * fitted to (R stops) forecasts its last value; a multiplicative error asked for on a series with a value at or
 * below zero (R stops) becomes additive. A constant series forecasts its value, as the {@code ses} model with alpha
 * 0.99999 that R's ets returns for it does.
 */
final class EtsSelection {

    /** The automatic choice of every component. */
    static final String AUTOMATIC = "ZZZ";
    /** R ignores seasons longer than this. */
    static final int MAX_SEASON = 24;

    private EtsSelection() {
    }

    /**
     * @param model      the forecasting model, an ETS fit or the last value
     * @param chosen     the chosen form's fit; null when the model is not R's ETS selection (constant or too short)
     * @param candidates every form fitted, in R's order
     */
    record Outcome(SeriesFit model, FormFit chosen, List<FormFit> candidates) {
    }

    /**
     * @param frequency the seasonal period; seasons are ignored when it is 1 or above 24, or not shorter than y
     * @param model     three letters for error (A, M, Z), trend (N, A, M, Z) and season (N, A, M, Z); Z chooses
     * @param damped    whether the trend is damped; null to choose
     * @param deadline  when passed, the forms not yet fitted are left out and the best so far is chosen
     */
    static Outcome fit(double[] y, int frequency, String model, Boolean damped, Deadline deadline) {
        int n = y.length;
        if (AUTOMATIC.equals(model) && isConstant(y)) {
            return new Outcome(constant(y), null, List.of());
        }
        char error = model.charAt(0);
        char trend = model.charAt(1);
        char season = model.charAt(2);
        if (frequency < 1 || n <= frequency || frequency == 1 || frequency > MAX_SEASON) {
            season = 'N';
        }
        boolean positive = true;
        for (double v : y) {
            positive &= v > 0;
        }
        if (!positive && error == 'M') {
            error = 'A';
        }
        int npars = 2;
        if (trend == 'A' || trend == 'M') {
            npars += 2;
        }
        if (season == 'A' || season == 'M') {
            npars += frequency;
        }
        if (damped != null && damped) {
            npars += 1;
        }
        if (n <= npars + 4) {
            return tooShort(y);
        }
        List<Component> errors = letters(error, "AM");
        List<Component> trends = letters(trend, "NA");
        List<Component> seasons = letters(season, "NAM");
        List<Boolean> dampings = damped == null ? List.of(true, false) : List.of(damped);
        List<FormFit> candidates = new ArrayList<>();
        FormFit best = null;
        double bestIc = Double.POSITIVE_INFINITY;
        forms:
        for (Component e : errors) {
            for (Component t : trends) {
                for (Component s : seasons) {
                    for (boolean d : dampings) {
                        if (t == Component.N && d) {
                            continue;
                        }
                        if (forbidden(e, t, s) || (!positive && e == Component.M)) {
                            continue;
                        }
                        if (best != null && deadline.expired()) {
                            break forms;
                        }
                        Optional<FormFit> fit = FormFitter.fit(y, frequency, new EtsForm(e, t, s, d));
                        if (fit.isEmpty()) {
                            continue;
                        }
                        candidates.add(fit.get());
                        double ic = fit.get().aicc();
                        if (!Double.isNaN(ic) && ic < bestIc) {
                            best = fit.get();
                            bestIc = ic;
                        }
                    }
                }
            }
        }
        if (best == null) {
            return new Outcome(Cycle.lastValue(y), null, candidates);
        }
        return new Outcome(best.toSeriesFit(), best, candidates);
    }

    /** R's restrictions: an additive error with a multiplicative part, and M,M,A, make unstable models. */
    static boolean forbidden(Component error, Component trend, Component season) {
        if (error == Component.A && (trend == Component.M || season == Component.M)) {
            return true;
        }
        return error == Component.M && trend == Component.M && season == Component.A;
    }

    private static List<Component> letters(char letter, String automatic) {
        if (letter == 'Z') {
            return automatic.chars().mapToObj(c -> Component.of((char) c)).toList();
        }
        return List.of(Component.of(letter));
    }

    private static Outcome tooShort(double[] y) {
        Optional<FormFit> simple = FormFitter.fit(y, 1, new EtsForm(Component.A, Component.N, Component.N, false));
        return simple.map(f -> new Outcome(f.toSeriesFit(), null, List.of(f)))
                .orElseGet(() -> new Outcome(Cycle.lastValue(y), null, List.of()));
    }

    /** R's ses(y, alpha = 0.99999, initial = "simple"): the level starts at the first value and follows the series. */
    private static SeriesFit constant(double[] y) {
        EtsForm simple = new EtsForm(Component.A, Component.N, Component.N, false);
        Smoothing p = new Smoothing(0.99999, 0, 0, 1);
        double level = EtsRecursion.run(y, 1, simple, p, new double[] {y[0]}).finalState()[0];
        return new EtsFit(simple, 1, p.alpha(), 0, 0, 1, level, 0, new double[0], 0, 0, 0);
    }

    /** R's {@code is.constant}: {@code all.equal(y, rep(y[1], n))}, a mean relative difference of at most 1.5e-8. */
    static boolean isConstant(double[] y) {
        double tolerance = Math.sqrt(Math.ulp(1.0));
        double first = y[0];
        int differing = 0;
        for (double v : y) {
            if (v != first) {
                differing++;
            }
        }
        if (differing == 0) {
            return true;
        }
        double scale = 0;
        for (double v : y) {
            if (v != first) {
                scale += Math.abs(v) / differing;
            }
        }
        if (!(Double.isFinite(scale) && scale > tolerance)) {
            scale = 1;
        }
        double xy = 0;
        for (double v : y) {
            if (v != first) {
                xy += Math.abs(v - first) / (differing * scale);
            }
        }
        return xy <= tolerance;
    }
}
