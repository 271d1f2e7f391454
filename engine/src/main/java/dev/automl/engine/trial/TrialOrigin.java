package dev.automl.engine.trial;

import java.util.Locale;

/** Where a leaderboard row's configuration came from, as trials.jsonl's {@code origin} names it. */
public enum TrialOrigin {
    /** A learner's portfolio entry: its cheap start point or a strong known configuration. */
    PORTFOLIO,
    /** A step of the learner's cost-frugal local search. */
    LOCAL,
    /** A random point, where the local search starts afresh. */
    RESTART,
    /** The learner's best configuration so far, on a larger sample of the rows. */
    GROW,
    /** A configuration cross-validated again on new folds; its model averages every fold's models. */
    BAGGED,
    /** An ensemble of earlier rows. */
    ENSEMBLE;

    /** The name written to trials.jsonl. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
