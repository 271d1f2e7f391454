package dev.automl.engine.search;

import dev.automl.algorithms.Learner;
import dev.automl.engine.run.TrialResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trial's cost in units of its learner's declared relative cost, scaled by the share of the rows it trained on.
 * The search weighs learners and decides to stop early by this, not by wall-clock time, so that the same seed
 * takes the same path however busy the machine is; measured time only decides what still fits before a deadline.
 */
public final class TrialCost {

    private final Map<String, Double> relativeCost = new HashMap<>();
    private final int allRows;

    /** @param allRows a fold's training rows, against which a sampled trial's share is taken */
    public TrialCost(List<Learner> learners, int allRows) {
        for (Learner l : learners) {
            relativeCost.put(l.name(), l.relativeCost());
        }
        this.allRows = Math.max(1, allRows);
    }

    /** The cost of a trial of {@code learner} on {@code sampleRows} rows per fold (0 for all). */
    public double of(Learner learner, int sampleRows) {
        return learner.relativeCost() * share(sampleRows);
    }

    /** The cost of a finished trial; an algorithm the search did not propose (an ensemble) costs one unit. */
    public double of(TrialResult r) {
        return relativeCost.getOrDefault(r.algorithm(), 1.0) * share(r.sampleRows());
    }

    private double share(int sampleRows) {
        return sampleRows <= 0 ? 1 : Math.min(1, (double) sampleRows / allRows);
    }
}
