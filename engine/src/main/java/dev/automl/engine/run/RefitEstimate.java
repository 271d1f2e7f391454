package dev.automl.engine.run;

import dev.automl.engine.validation.ValidationPlan;
import java.util.List;

/**
 * Estimates how long refitting trials on all training rows will take, from their own fit times, so that the
 * search stops early enough for the refit to end within {@code timeout_minutes}.
 */
final class RefitEstimate {

    /** Margin on every estimate: fit times vary by a few tens of percent from run to run. */
    static final double SAFETY = 1.3;

    private final double trainShare;
    private final int folds;
    private final int parallelFolds;

    /** @param threadsPerTrial a trial's threads: with k folds it fits that many folds side by side */
    RefitEstimate(ValidationPlan plan, int threadsPerTrial) {
        this.trainShare = Math.max(0.1, (double) plan.folds().get(0).train().length / plan.refitRows().length);
        this.folds = plan.folds().size();
        this.parallelFolds = Math.max(1, Math.min(threadsPerTrial, folds));
    }

    /**
     * A trial's refit: one fold's fit, scaled up to all rows. Folds that ran side by side each took about the
     * trial's whole time, and a refit with all threads gains little on the small data k-fold is for.
     */
    double seconds(TrialResult t) {
        int fitted = Math.max(1, t.foldsFitted());
        return SAFETY * t.fitSeconds() / fitted * Math.min(parallelFolds, fitted) / trainShare;
    }

    /** The estimate without its safety margin: the refit's likely time. */
    double likelySeconds(TrialResult t) {
        return seconds(t) / SAFETY;
    }

    /** Refitting several trials one after the other, as an ensemble's members are. */
    double seconds(List<TrialResult> members) {
        return members.stream().mapToDouble(this::seconds).sum();
    }

    /** A trial's refit time as a multiple of its own wall time, when it fits every fold. */
    double ratio() {
        return SAFETY * parallelFolds / folds / trainShare;
    }
}
