package dev.automl.engine.run;

import dev.automl.engine.trial.Candidate;
import dev.automl.engine.trial.Ranking;
import dev.automl.engine.trial.TrialResult;
import dev.automl.engine.validation.ValidationPlan;
import java.util.Arrays;
import java.util.List;

/**
 * Estimates how long refitting trials on all training rows will take, from their own fit times, so that the
 * search stops early enough for the refit to end within {@code timeout_minutes}.
 */
final class RefitEstimate {

    /** Margin on every estimate: fit times vary by a few tens of percent from run to run. */
    static final double SAFETY = 1.3;
    /** The most a sampled trial's rows are scaled up by where its refit is planned (see {@link #plannable}). */
    static final double MOST_PLANNED_SCALE_UP = 6;

    private final ValidationPlan plan;
    private final int threadsPerTrial;
    private final double trainShare;
    private final int foldTrainRows;
    private final int refitRows;
    private final int folds;
    private final int parallelFolds;
    private final boolean required;
    private final RowScaling scaling;

    /** @param threadsPerTrial a trial's threads: with k folds it fits that many folds side by side */
    RefitEstimate(ValidationPlan plan, int threadsPerTrial) {
        this(plan, threadsPerTrial, RowScaling.LINEAR);
    }

    private RefitEstimate(ValidationPlan plan, int threadsPerTrial, RowScaling scaling) {
        this.plan = plan;
        this.threadsPerTrial = threadsPerTrial;
        this.scaling = scaling;
        this.trainShare = Math.max(0.1, (double) plan.folds().get(0).train().length / plan.refitRows().length);
        this.foldTrainRows = plan.folds().get(0).train().length;
        this.refitRows = plan.refitRows().length;
        this.folds = plan.folds().size();
        this.parallelFolds = Math.max(1, Math.min(threadsPerTrial, folds));
        this.required = plan.kind() == ValidationPlan.Kind.KFOLD || plan.kind() == ValidationPlan.Kind.ROLLING_ORIGIN;
    }

    /**
     * Whether the search must leave time for a refit. With cross-validation each fold's model saw only part of
     * the rows, so the refit on all of them is worth planning for. With a holdout (large data, or the user's
     * validation data) the validated model saw most rows, and a refit would cost as much as the trial: the
     * validated models are kept and saved as they are, and a refit happens only if time is left over, as Azure
     * keeps its train/validation-split models without refitting them. A rolling origin's fold models forecast from
     * their fold's cut, a horizon or more before the data's end, so a forecasting job plans its refit too.
     */
    boolean required() {
        return required;
    }

    /**
     * A trial's refit: one fold's fit, scaled up to all rows, less the work the refit skips (the rounds early
     * stopping trained past the best one). A refit with all threads gains little on the small data k-fold is for,
     * so it is planned as long as one fold's fit.
     */
    double seconds(TrialResult t) {
        return bag(t) > 0 ? bagSeconds(t, bag(t)) : refitSeconds(t);
    }

    /** The same estimate with the learners' row scaling measured on the trials so far (see {@link RowScaling}). */
    RefitEstimate measuredOn(Ranking board) {
        return new RefitEstimate(plan, threadsPerTrial, RowScaling.measure(board, foldTrainRows));
    }

    /**
     * A trial's refit as one model on all rows, even where its final model is a bag: its fit on a fold's training
     * rows (or its sample of them) scaled up to all rows as its learner's measured scaling says.
     */
    double refitSeconds(TrialResult t) {
        boolean sampled = sampled(t);
        double rows = sampled ? t.sampleRows() : Math.max(foldTrainRows, 0.1 * refitRows);
        double oneFold = t.fitSeconds() / waves(Math.max(1, t.foldsFitted()));
        return SAFETY * oneFold * t.refitShare() * scaling.factor(t.algorithm(), rows, refitRows);
    }

    /** Whether the trial trained on a sample of its fold's training rows. */
    boolean sampled(TrialResult t) {
        return t.sampleRows() > 0 && t.sampleRows() < foldTrainRows;
    }

    /**
     * Whether a sampled trial's refit on all rows can be planned from its own time: only from a sample within about
     * one growth step of all rows (at most {@link #MOST_PLANNED_SCALE_UP} times fewer). Further out the fixed costs
     * of a trial on a small sample swamp the estimate: on the generated 3,000,000-row table LightGBM's trial on
     * 200,000 rows put its refit of 751 rounds on all 2,900,000 at 283 s, where 1,088 rounds took 188.5 s, and
     * keeping that much time free stopped the search from growing its sample to 800,000 rows. From 800,000 rows the
     * 1,088 rounds were put at 214 s.
     */
    boolean plannable(TrialResult t) {
        return sampled(t) && refitRows <= MOST_PLANNED_SCALE_UP * t.sampleRows();
    }

    /**
     * Fitting a bag of {@code models} models of a k-fold trial's configuration, each on as many rows as one of its
     * folds and taking about one fold's fit, as many side by side as the trial's folds were.
     */
    double bagSeconds(TrialResult t, int models) {
        double oneFold = t.fitSeconds() / waves(Math.max(1, t.foldsFitted()));
        return SAFETY * oneFold * t.refitShare() * waves(models);
    }

    /**
     * Refitting several trials as one model each on all rows, even those whose final model is a bag: on small data
     * side by side in as many lanes as a trial has threads, one library thread each, longest first (as
     * {@link FinishStage} refits an ensemble's members), else one after the other with all threads.
     */
    double refitSeconds(List<TrialResult> members) {
        return inLanes(members.stream().mapToDouble(this::refitSeconds).toArray(), refitLanes());
    }

    /** How many refits run side by side: see {@link #refitSeconds(List)}. */
    int refitLanes() {
        return refitRows < FinishStage.SMALL_DATA_ROWS ? Math.max(1, threadsPerTrial) : 1;
    }

    /** When the last of these jobs ends, each started, longest first, in the lane that frees first. */
    static double inLanes(double[] seconds, int lanes) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double[] ends = new double[Math.max(1, lanes)];
        for (int i = sorted.length - 1; i >= 0; i--) {
            int first = 0;
            for (int l = 1; l < ends.length; l++) {
                if (ends[l] < ends[first]) {
                    first = l;
                }
            }
            ends[first] += sorted[i];
        }
        return Arrays.stream(ends).max().orElse(0);
    }

    /** How many models a row's final model bags; 0 for one refit (and for ensembles). */
    private static int bag(TrialResult t) {
        return t.candidate() instanceof Candidate.Configuration c ? c.bag().size() : 0;
    }

    /** Folds run in waves of parallelFolds, each taking one fold's time: 3 folds on 2 threads take two folds' time. */
    private double waves(int folds) {
        return Math.ceil((double) folds / parallelFolds);
    }

    /** The estimate without its safety margin: the refit's likely time. */
    double likelySeconds(TrialResult t) {
        return seconds(t) / SAFETY;
    }

    /**
     * Refitting an ensemble's members as their final models: bags one after the other (each fits its models side by
     * side), single refits as {@link #refitSeconds(List)} says.
     */
    double seconds(List<TrialResult> members) {
        return members.stream().anyMatch(t -> bag(t) > 0) ? members.stream().mapToDouble(this::seconds).sum()
                : refitSeconds(members);
    }

    /** A trial's refit time as a multiple of its own wall time, when it fits every fold; 0 when refits are optional. */
    double ratio() {
        return required ? SAFETY / waves(folds) / trainShare : 0;
    }
}
