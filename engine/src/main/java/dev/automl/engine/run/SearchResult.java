package dev.automl.engine.run;

import dev.automl.engine.trial.Leaderboard;

/**
 * What the search stage leaves: every trial in the leaderboard, why the search stopped, the first-fold models that
 * may stand in for a refit, and the refit estimate the search kept time for.
 */
record SearchResult(Leaderboard board, String stoppedBecause, boolean endedEarly, StandInModels standIns,
                    RefitEstimate estimate, double seconds, BaggingResult bagging) {

    /** The search's own result, before any bagging. */
    SearchResult(Leaderboard board, String stoppedBecause, boolean endedEarly, StandInModels standIns,
                 RefitEstimate estimate, double seconds) {
        this(board, stoppedBecause, endedEarly, standIns, estimate, seconds, BaggingResult.none(0));
    }

    /** The same result, with what the bagging stage added to the leaderboard. */
    SearchResult withBagging(BaggingResult b) {
        return new SearchResult(board, stoppedBecause, endedEarly, standIns, estimate, seconds, b);
    }
}
