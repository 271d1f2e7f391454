package dev.automl.algorithms.forecasting.prophet;

import dev.automl.algorithms.KnownParams;
import dev.automl.algorithms.Params;

import java.util.Set;

/**
 * Prophet's hyperparameters, read and checked from a trial's {@link Params}, with the defaults of R's
 * {@code prophet()} 1.0.
 *
 * @param stepDays              a step's length in days, which places the values in calendar time
 * @param yearly                how yearly seasonality is chosen: {@code auto}, or a Fourier order (0 for none)
 * @param weekly                likewise for weekly seasonality
 * @param daily                 likewise for daily seasonality
 */
record ProphetSettings(double stepDays, double changepointPriorScale, double seasonalityPriorScale,
                              int nChangepoints, double changepointRange, boolean multiplicative,
                              SeasonalityChoice yearly, SeasonalityChoice weekly, SeasonalityChoice daily) {

    static final String STEP_DAYS = "step_days";
    static final String CHANGEPOINT_PRIOR_SCALE = "changepoint_prior_scale";
    static final String SEASONALITY_PRIOR_SCALE = "seasonality_prior_scale";
    static final String N_CHANGEPOINTS = "n_changepoints";
    static final String CHANGEPOINT_RANGE = "changepoint_range";
    static final String SEASONALITY_MODE = "seasonality_mode";
    static final String YEARLY = "yearly_seasonality";
    static final String WEEKLY = "weekly_seasonality";
    static final String DAILY = "daily_seasonality";
    static final Set<String> NAMES = Set.of(STEP_DAYS, CHANGEPOINT_PRIOR_SCALE, SEASONALITY_PRIOR_SCALE, N_CHANGEPOINTS,
            CHANGEPOINT_RANGE, SEASONALITY_MODE, YEARLY, WEEKLY, DAILY);

    /** Whether a seasonality is on, off or left to Prophet's rule on the history's span and step. */
    record SeasonalityChoice(boolean auto, int order) {

        static final SeasonalityChoice AUTO = new SeasonalityChoice(true, 0);

        /** The Fourier order to use: the default order when auto and not disabled by the history, else the order set. */
        int resolve(boolean autoDisabled, int defaultOrder) {
            return auto ? (autoDisabled ? 0 : defaultOrder) : order;
        }
    }

    /** Prophet's defaults for daily steps. */
    static ProphetSettings defaults(double stepDays) {
        return new ProphetSettings(stepDays, 0.05, 10, 25, 0.8, false, SeasonalityChoice.AUTO, SeasonalityChoice.AUTO,
                SeasonalityChoice.AUTO);
    }

    /** Reads the settings, refusing unknown names and values Prophet would refuse, each message naming the parameter. */
    static ProphetSettings of(Params params) {
        KnownParams.require(Prophet.NAME, params, NAMES);
        ProphetSettings d = defaults(1);
        double step = positive(params, STEP_DAYS, d.stepDays());
        double cps = positive(params, CHANGEPOINT_PRIOR_SCALE, d.changepointPriorScale());
        double sps = positive(params, SEASONALITY_PRIOR_SCALE, d.seasonalityPriorScale());
        double n = number(params, N_CHANGEPOINTS, d.nChangepoints());
        if (n < 0 || n != Math.rint(n)) {
            throw bad(N_CHANGEPOINTS, "a whole number of changepoints, at least 0", params);
        }
        double range = number(params, CHANGEPOINT_RANGE, d.changepointRange());
        if (!(range >= 0 && range <= 1)) {
            throw bad(CHANGEPOINT_RANGE, "a share of the history in [0, 1]", params);
        }
        Object mode = params.values().getOrDefault(SEASONALITY_MODE, "additive");
        if (!"additive".equals(mode) && !"multiplicative".equals(mode)) {
            throw bad(SEASONALITY_MODE, "additive or multiplicative", params);
        }
        return new ProphetSettings(step, cps, sps, (int) n, range, "multiplicative".equals(mode),
                seasonality(params, YEARLY), seasonality(params, WEEKLY), seasonality(params, DAILY));
    }

    private static SeasonalityChoice seasonality(Params params, String key) {
        Object v = params.values().get(key);
        if (v == null || "auto".equals(v)) {
            return SeasonalityChoice.AUTO;
        }
        if (v instanceof Boolean on) {
            return new SeasonalityChoice(false, on ? defaultOrder(key) : 0);
        }
        if ("true".equals(v) || "false".equals(v)) {
            return new SeasonalityChoice(false, "true".equals(v) ? defaultOrder(key) : 0);
        }
        // Prophet also takes a Fourier order in place of true.
        if (v instanceof Number num && num.doubleValue() >= 0 && num.doubleValue() == Math.rint(num.doubleValue())
                && num.doubleValue() <= 1000) {
            return new SeasonalityChoice(false, num.intValue());
        }
        throw bad(key, "auto, true, false or a Fourier order", params);
    }

    static int defaultOrder(String key) {
        return switch (key) {
            case YEARLY -> 10;
            case WEEKLY -> 3;
            case DAILY -> 4;
            default -> throw new IllegalArgumentException(key);
        };
    }

    private static double positive(Params params, String key, double dflt) {
        double v = number(params, key, dflt);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw bad(key, "a positive number", params);
        }
        return v;
    }

    private static double number(Params params, String key, double dflt) {
        Object v = params.values().get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number num)) {
            throw bad(key, "a number", params);
        }
        return num.doubleValue();
    }

    private static IllegalArgumentException bad(String key, String what, Params params) {
        return new IllegalArgumentException(Prophet.NAME + ": " + key + " must be " + what + ", not "
                + params.values().get(key));
    }
}
