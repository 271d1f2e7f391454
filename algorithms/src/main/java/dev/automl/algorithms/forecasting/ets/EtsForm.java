package dev.automl.algorithms.forecasting.ets;

/**
 * The form of an exponential smoothing state-space model in Hyndman's taxonomy: its error, trend and season
 * components and whether the trend is damped; {@code ETS(M,Ad,M)} is a multiplicative error, damped additive trend
 * and multiplicative season.
 */
public record EtsForm(Component error, Component trend, Component season, boolean damped) {

    public EtsForm {
        if (error == null || trend == null || season == null) {
            throw new IllegalArgumentException("an ETS form needs its error, trend and season");
        }
        if (error == Component.N) {
            throw new IllegalArgumentException("an ETS model's error is additive or multiplicative");
        }
        if (damped && trend == Component.N) {
            throw new IllegalArgumentException("only a trend can be damped");
        }
    }

    /** R's name of the form, such as {@code M,Ad,M}. */
    public String label() {
        return error + "," + trend + (damped ? "d" : "") + "," + season;
    }

    /** The form's letters run together, such as {@code MAdM}. */
    String code() {
        return "" + error + trend + (damped ? "d" : "") + season;
    }

    boolean hasTrend() {
        return trend != Component.N;
    }

    boolean hasSeason() {
        return season != Component.N;
    }
}
