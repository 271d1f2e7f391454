package dev.automl.engine.search;

import dev.automl.engine.trial.Ranking;
import dev.automl.engine.trial.TrialResult;
import java.util.List;

/**
 * Azure's {@code enable_early_termination}: never before 20 trials have completed, then stop once the search has
 * gone {@link #PATIENCE} completed trials without an improvement and has spent at least as much since the last
 * improvement as it spent up to it.
 *
 * <p>An improvement must beat the last one by a relative {@link #tolerance}, H2O AutoML's adaptive default of one
 * over the square root of the training rows: on small data a validation score moves by about that much from noise
 * alone, and a search that keeps chasing such gains fits the validation folds, not the problem (kc1's 1,898 rows:
 * 162 trials took the 3-fold estimate to 0.849 and the held-out test to 0.779). Spending is counted in
 * {@link TrialCost} units, not seconds, so that the same seed stops at the same trial on a busy machine; the
 * spending condition keeps a run of cheap trials (a linear model tried ten times) from ending a search whose
 * best came from expensive ones.
 *
 * @param tolerance the relative gain over the last improvement that counts as a new one
 */
public record EarlyTermination(TrialCost cost, double tolerance) {

    /** Azure does not stop early in the first 20 iterations. */
    public static final int MIN_COMPLETED = 20;
    /** Completed trials without an improvement before stopping; about half of Azure's warm-up, as a compromise. */
    public static final int PATIENCE = 10;
    /** H2O's floor for its adaptive tolerance, reached at a million rows. */
    static final double LEAST_TOLERANCE = 0.001;
    /** A cap, so that a few hundred rows still let a clear gain count. */
    static final double MOST_TOLERANCE = 0.05;

    /** The rule for a run whose folds train on {@code trainingRows} rows. */
    public static EarlyTermination forRows(TrialCost cost, int trainingRows) {
        double tolerance = 1 / Math.sqrt(Math.max(1, trainingRows));
        return new EarlyTermination(cost, Math.max(LEAST_TOLERANCE, Math.min(MOST_TOLERANCE, tolerance)));
    }

    /** Whether the run should stop, judging the trials (completed or not) in the order they finished. */
    public boolean shouldStop(List<TrialResult> inCompletionOrder, Ranking board) {
        long completed = inCompletionOrder.stream().filter(TrialResult::completed).count();
        if (completed < MIN_COMPLETED) {
            return false;
        }
        double reference = Double.NaN;
        int sinceImprovement = 0;
        double spent = 0;
        double spentToImprovement = 0;
        for (TrialResult r : inCompletionOrder) {
            spent += cost.of(r);
            if (!r.completed()) {
                continue;
            }
            if (Double.isNaN(reference) || improves(r.score(), reference, board)) {
                reference = r.score();
                sinceImprovement = 0;
                spentToImprovement = spent;
            } else {
                sinceImprovement++;
            }
        }
        return sinceImprovement >= PATIENCE && spent - spentToImprovement >= spentToImprovement;
    }

    private boolean improves(double score, double reference, Ranking board) {
        double margin = tolerance * Math.abs(reference);
        return board.primary().higherIsBetter() ? score > reference + margin : score < reference - margin;
    }

    /** The stop reason for the run's summary. */
    public String reason() {
        return String.format(java.util.Locale.ROOT, "early termination: no improvement of more than %.2g %% in the last"
                + " %d completed trials, nor in as much search as the last improvement took", tolerance * 100, PATIENCE);
    }
}
