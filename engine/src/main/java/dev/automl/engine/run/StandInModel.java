package dev.automl.engine.run;

import java.util.Optional;

/**
 * Holds the first-fold model of the best trial so far, so that a run whose final refit does not fit in the time
 * left still saves a model: the one trained on the first fold's training rows.
 */
final class StandInModel implements AutoCloseable {

    private TrialOutcome kept;

    /** Keeps the outcome's model if its trial is now the best, closing the one it replaces; closes it otherwise. */
    synchronized void offer(TrialOutcome outcome, Leaderboard board) {
        if (outcome.firstFold() == null) {
            return;
        }
        Optional<TrialResult> best = board.best();
        if (best.isPresent() && best.get().id() == outcome.result().id()) {
            if (kept != null) {
                kept.close();
            }
            kept = outcome;
        } else {
            outcome.close();
        }
    }

    /** Hands over the kept outcome if it belongs to the given trial; the caller then owns (and closes) it. */
    synchronized Optional<TrialOutcome> take(int trialId) {
        if (kept == null || kept.result().id() != trialId) {
            return Optional.empty();
        }
        TrialOutcome out = kept;
        kept = null;
        return Optional.of(out);
    }

    @Override
    public synchronized void close() {
        if (kept != null) {
            kept.close();
            kept = null;
        }
    }
}
