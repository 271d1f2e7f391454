package dev.automl.engine.run;

import dev.automl.engine.trial.TrialResult;
import java.util.List;

/**
 * What the bagging stage added: its leaderboard rows in the order they were added, how many full rounds of repeated
 * cross-validation it ran, and the seconds it took.
 */
record BaggingResult(List<TrialResult> rows, int repeats, double seconds) {

    BaggingResult {
        rows = List.copyOf(rows);
    }

    static BaggingResult none(double seconds) {
        return new BaggingResult(List.of(), 0, seconds);
    }
}
