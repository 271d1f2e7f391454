package dev.automl.engine.run;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.InvalidInputException;
import dev.automl.engine.validation.ValidationPlan;
import dev.automl.featurization.Target;
import dev.automl.metrics.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fits one trial on every fold under its deadline and scores its validation predictions. */
public final class TrialRunner {

    private final ValidationPlan plan;
    private final FeatureCache cache;
    private final Scorer scorer;
    private final Target scoredTarget;
    private final int[] positionOf;
    private final int width;

    public TrialRunner(ValidationPlan plan, FeatureCache cache, JobData data, Scorer scorer) {
        this.plan = plan;
        this.cache = cache;
        this.scorer = scorer;
        int[] scored = plan.scoredRows();
        this.scoredTarget = data.target().select(scored);
        this.positionOf = new int[data.target().size()];
        java.util.Arrays.fill(positionOf, -1);
        for (int i = 0; i < scored.length; i++) {
            positionOf[scored[i]] = i;
        }
        this.width = data.target().task() == Task.CLASSIFICATION ? data.target().numClasses() : 1;
    }

    /**
     * Runs the trial; never throws for a learner's failure, which becomes a failed result.
     *
     * @param limitName     what the deadline stands for, for the reason of a timed-out trial
     * @param keepTruncated whether a model the deadline cut short still counts when it covers every fold: true
     *                      when the deadline is the job's end (a boosting model with fewer rounds beats no model),
     *                      false for trial_timeout_minutes, whose trials are recorded as timed out
     */
    public TrialResult run(TrialSpec spec, Deadline deadline, int threads, long seed, String limitName,
                           boolean keepTruncated) {
        long start = System.nanoTime();
        double[] predictions = new double[scoredTarget.size() * width];
        List<Params> fitted = new ArrayList<>();
        int folds = plan.folds().size();
        String truncated = "";
        try {
            for (int f = 0; f < folds; f++) {
                if (deadline.expired()) {
                    return timedOut(spec, start, f, folds, limitName);
                }
                FoldFeatures ff = cache.get(f, spec.learner().view());
                TrialContext ctx = new TrialContext(deadline, threads, seed + 7919L * f);
                try (FittedModel model = spec.learner().fit(ff.train(), ff.valid(), spec.params(), ctx)) {
                    if (deadline.expired()) {
                        if (!keepTruncated || f < folds - 1) {
                            return timedOut(spec, start, f, folds, limitName);
                        }
                        truncated = "cut short at " + limitName + "; scored as trained so far";
                    }
                    Predictions p = model.predict(ff.valid().x());
                    int[] rows = plan.folds().get(f).valid();
                    for (int i = 0; i < rows.length; i++) {
                        System.arraycopy(p.values(), i * width, predictions, positionOf[rows[i]] * width, width);
                    }
                    fitted.add(model.fittedParams());
                }
            }
            for (double v : predictions) {
                if (!Double.isFinite(v)) {
                    return TrialResult.failed(spec, TrialStatus.FAILED, "the model predicted a non-finite value", seconds(start));
                }
            }
            Map<String, Double> metrics = scorer.score(scoredTarget, predictions);
            double score = scorer.primaryOf(metrics);
            if (Double.isNaN(score)) {
                return TrialResult.failed(spec, TrialStatus.FAILED, scorer.primary().name() + " is undefined for these predictions",
                        seconds(start));
            }
            return new TrialResult(spec.id(), spec.learner().name(), spec.params(), spec.origin(), TrialStatus.COMPLETED, truncated,
                    metrics, score, seconds(start), RefitParams.combine(fitted), predictions);
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | LinkageError e) {
            String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return TrialResult.failed(spec, TrialStatus.FAILED, reason, seconds(start));
        }
    }

    private static TrialResult timedOut(TrialSpec spec, long start, int fold, int folds, String limitName) {
        String where = folds > 1 ? " in fold " + (fold + 1) + " of " + folds : "";
        return TrialResult.failed(spec, TrialStatus.TIMED_OUT, "stopped at " + limitName + where, seconds(start));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
