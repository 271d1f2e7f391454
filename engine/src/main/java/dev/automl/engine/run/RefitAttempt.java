package dev.automl.engine.run;

import dev.automl.algorithms.Params;
import dev.automl.engine.trial.TrialResult;

/**
 * One leaderboard row the finish stage tried to turn into the saved model, and what became of it: refit on all
 * training rows, saved with first-fold models standing in for a refit, or passed over.
 *
 * @param estimatedSeconds the refit's likely time, from the row's own fit time
 * @param seconds          what the attempt took
 */
record RefitAttempt(TrialResult row, double estimatedSeconds, Result result, double seconds) {

    /** What became of the row. */
    sealed interface Result permits Refitted, StandIn, PassedOver {
    }

    /**
     * Refit on all training rows.
     *
     * @param hyperparameters what the single learner was refit with; null for an ensemble (its members' own)
     */
    record Refitted(int rows, Params hyperparameters) implements Result {
    }

    /**
     * Not refit: models of the first validation fold stand in.
     *
     * @param models which models stand in
     * @param why    why there is no refit; null when it was never tried
     */
    record StandIn(int rows, String models, Reason why) implements Result {
    }

    /** Neither refit nor saved, and why: the next row is tried. */
    record PassedOver(Reason why) implements Result {
    }

    /** Why a refit did not happen: never tried for want of time, or tried and failed. */
    record Reason(Kind kind, String text) {

        /** The key summary.json writes the reason under. */
        enum Kind {
            SKIPPED, FAILED
        }

        static Reason skipped(String text) {
            return new Reason(Kind.SKIPPED, text);
        }

        static Reason failed(String text) {
            return new Reason(Kind.FAILED, text);
        }
    }

    /** The same row passed over for the given reason (its model could not be saved). */
    RefitAttempt passedOver(Reason why) {
        return new RefitAttempt(row, estimatedSeconds, new PassedOver(why), seconds);
    }
}
