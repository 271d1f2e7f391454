package dev.automl.engine.search;

import dev.automl.engine.run.Leaderboard;
import dev.automl.engine.run.TrialResult;
import java.util.List;

/**
 * Azure's {@code enable_early_termination}: never before 20 trials have completed, then stop once the best
 * score has not improved over the last {@link #PATIENCE} completed trials, and the trials since the best have
 * taken at least as long as those up to it. The second condition keeps a run of quick trials (a linear model
 * tried ten times in a second) from ending a search whose best took minutes to find; it is FLAML's rule of
 * stopping on time since the best, applied to Azure's count of trials.
 */
public final class EarlyTermination {

    /** Azure does not stop early in the first 20 iterations. */
    public static final int MIN_COMPLETED = 20;
    /** Completed trials without a new best before stopping; about half of Azure's warm-up, as a compromise. */
    public static final int PATIENCE = 10;

    private EarlyTermination() {
    }

    /** Whether the run should stop, judging the trials (completed or not) in the order they finished. */
    public static boolean shouldStop(List<TrialResult> inCompletionOrder, Leaderboard board) {
        long completed = inCompletionOrder.stream().filter(TrialResult::completed).count();
        if (completed < MIN_COMPLETED) {
            return false;
        }
        double best = Double.NaN;
        int sinceBest = 0;
        double seconds = 0;
        double secondsToBest = 0;
        for (TrialResult r : inCompletionOrder) {
            seconds += r.fitSeconds();
            if (!r.completed()) {
                continue;
            }
            if (Double.isNaN(best) || board.better(r.score(), best)) {
                best = r.score();
                sinceBest = 0;
                secondsToBest = seconds;
            } else {
                sinceBest++;
            }
        }
        return sinceBest >= PATIENCE && seconds - secondsToBest >= secondsToBest;
    }
}
