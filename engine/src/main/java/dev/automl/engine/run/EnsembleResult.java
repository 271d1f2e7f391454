package dev.automl.engine.run;

import dev.automl.engine.trial.TrialResult;
import java.util.List;

/** What the ensemble stage added to the leaderboard (the vote and the stack, as the job allows), and its time. */
record EnsembleResult(List<TrialResult> rows, double seconds) {

    public EnsembleResult {
        rows = List.copyOf(rows);
    }

    static EnsembleResult none(double seconds) {
        return new EnsembleResult(List.of(), seconds);
    }
}
