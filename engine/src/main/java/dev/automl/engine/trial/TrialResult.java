package dev.automl.engine.run;

import dev.automl.algorithms.Params;
import java.util.Map;

/**
 * What one trial produced: its validation metrics and score, or why it failed.
 *
 * @param metrics        every metric of the task on the validation predictions; empty unless completed
 * @param score          the primary metric, NaN unless completed
 * @param foldsFitted    how many folds have a model (fewer than planned when the job's end cut the trial short)
 * @param refitParams    the parameters to refit with on all rows (e.g. with the boosting rounds found)
 * @param validPredictions the validation predictions, aligned with {@code ValidationPlan.scoredRows()}
 *                       (row-major probabilities for classification); null unless completed
 * @param sampleRows     how many of each fold's training rows the trial trained on; 0 for all
 * @param refitShare     the share of the fitting work that a refit with {@code refitParams} repeats (below 1 when
 *                       early stopping trained rounds past the best one), for estimating the refit's time
 */
public record TrialResult(int id, String algorithm, Params params, String origin, TrialStatus status, String reason,
                          Map<String, Double> metrics, double score, double fitSeconds, int foldsFitted,
                          Params refitParams, double[] validPredictions, int sampleRows,
                          double refitShare) {

    public TrialResult {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    /** A result whose refit repeats all of its fitting work. */
    public TrialResult(int id, String algorithm, Params params, String origin, TrialStatus status, String reason,
                       Map<String, Double> metrics, double score, double fitSeconds, int foldsFitted,
                       Params refitParams, double[] validPredictions, int sampleRows) {
        this(id, algorithm, params, origin, status, reason, metrics, score, fitSeconds, foldsFitted, refitParams,
                validPredictions, sampleRows, 1);
    }

    public boolean completed() {
        return status == TrialStatus.COMPLETED;
    }

    static TrialResult failed(TrialSpec spec, TrialStatus status, String reason, double seconds) {
        TrialResult r = failed(spec.id(), spec.learner().name(), spec.params(), spec.origin(), status, reason, seconds);
        return spec.sampleRows() == 0 ? r : new TrialResult(r.id(), r.algorithm(), r.params(), r.origin(), r.status(),
                r.reason(), r.metrics(), r.score(), r.fitSeconds(), 0, r.params(), null, spec.sampleRows());
    }

    /** A result without scores: the trial failed or timed out for the reason given. */
    public static TrialResult failed(int id, String algorithm, Params params, String origin, TrialStatus status,
                                     String reason, double seconds) {
        return new TrialResult(id, algorithm, params, origin, status, reason, Map.of(), Double.NaN, seconds, 0, params, null, 0);
    }
}
