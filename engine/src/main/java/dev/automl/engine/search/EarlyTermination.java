package dev.automl.engine.search;

import dev.automl.engine.run.Leaderboard;
import dev.automl.engine.run.TrialResult;
import java.util.List;

/**
 * Azure's {@code enable_early_termination}: never before 20 trials have completed, then stop once the best
 * score has not improved over the last {@link #PATIENCE} completed trials.
 */
public final class EarlyTermination {

    /** Azure does not stop early in the first 20 iterations. */
    public static final int MIN_COMPLETED = 20;
    /** Completed trials without a new best before stopping; about half of Azure's warm-up, as a compromise. */
    public static final int PATIENCE = 10;

    private EarlyTermination() {
    }

    /** Whether the run should stop, judging the completed trials in the order they finished. */
    public static boolean shouldStop(List<TrialResult> inCompletionOrder, Leaderboard board) {
        List<TrialResult> done = inCompletionOrder.stream().filter(TrialResult::completed).toList();
        if (done.size() < MIN_COMPLETED) {
            return false;
        }
        double best = Double.NaN;
        int sinceBest = 0;
        for (TrialResult r : done) {
            if (Double.isNaN(best) || board.better(r.score(), best)) {
                best = r.score();
                sinceBest = 0;
            } else {
                sinceBest++;
            }
        }
        return sinceBest >= PATIENCE;
    }
}
