package dev.automl.engine.search;

import dev.automl.algorithms.Learner;
import dev.automl.engine.trial.Candidate;
import dev.automl.engine.trial.TrialResult;

/**
 * A trial's cost in units of its learner's declared relative cost, scaled by the share of the rows it trained on.
 * The search weighs learners and decides to stop early by this, not by wall-clock time, so that the same seed
 * takes the same path however busy the machine is; measured time only decides what still fits before a deadline.
 */
public final class TrialCost {

    private final int allRows;

    /** @param allRows a fold's training rows, against which a sampled trial's share is taken */
    public TrialCost(int allRows) {
        this.allRows = Math.max(1, allRows);
    }

    /** The cost of a trial of {@code learner} on {@code sampleRows} rows per fold (0 for all). */
    public double of(Learner learner, int sampleRows) {
        return learner.relativeCost() * share(sampleRows);
    }

    /** The cost of a finished row; an ensemble, which the search did not propose, costs one unit. */
    public double of(TrialResult r) {
        return r.candidate() instanceof Candidate.Configuration c ? of(c.learner(), c.sampleRows()) : 1.0;
    }

    private double share(int sampleRows) {
        return sampleRows <= 0 ? 1 : Math.min(1, (double) sampleRows / allRows);
    }
}
