package dev.automl.engine.run;

import dev.automl.engine.trial.Leaderboard;

/**
 * What the search stage leaves: every trial in the leaderboard, why the search stopped, the first-fold models that
 * may stand in for a refit, and the refit estimate the search kept time for.
 */
record SearchResult(Leaderboard board, String stoppedBecause, StandInModels standIns, RefitEstimate estimate,
                           double seconds) {
}
