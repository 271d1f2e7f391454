package dev.automl.engine.trial;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.InvalidInputException;
import dev.automl.data.Task;
import dev.automl.engine.job.JobData;
import dev.automl.engine.validation.ValidationPlan;
import dev.automl.engine.worker.WorkerFailure;
import dev.automl.featurization.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Fits one trial on every fold under its deadline and scores its validation predictions. */
public final class TrialRunner {

    private final ValidationPlan plan;
    private final FeatureCache cache;
    private final Scorer scorer;
    private final Target scoredTarget;
    /** Per fold, where each of its validation rows' predictions go among the scored rows'. */
    private final int[][] positions;
    private final int width;

    public TrialRunner(FeatureCache cache, Scorer scorer) {
        this.plan = cache.plan();
        this.cache = cache;
        JobData data = cache.data();
        this.scorer = scorer;
        int[] scored = plan.scoredRows();
        this.scoredTarget = data.target().select(scored);
        this.positions = new int[plan.folds().size()][];
        for (int f = 0; f < positions.length; f++) {
            positions[f] = plan.scoredPositions(f);
        }
        this.width = data.target().task() == Task.CLASSIFICATION ? data.target().numClasses() : 1;
    }

    /**
     * Runs the trial; never throws for a learner's failure, which becomes a failed result.
     *
     * <p>With several folds and several threads, folds fit side by side with one library thread each: on the
     * small data that k-fold validation is for, LightGBM's and XGBoost's threads mostly wait for each other
     * (LightGBM on 13,000 rows: 22 ms a round with one thread, 230 ms with two on a busy 2-core machine).
     * Each fold has its own seed, so the result does not depend on the order in which folds finish.
     *
     * @param limitName     what the deadline stands for, for the reason of a timed-out trial
     * @param keepTruncated whether work the deadline cut short still counts: true when the deadline is the job's
     *                      end, where a boosting model with fewer rounds, scored on the folds it finished, beats
     *                      having no model at all; false for trial_timeout_minutes, whose trials are timed out
     */
    public TrialOutcome run(TrialSpec spec, Deadline deadline, int threads, long seed, String limitName,
                            boolean keepTruncated) {
        long start = System.nanoTime();
        int folds = plan.folds().size();
        int parallel = Math.min(threads, folds);
        int libraryThreads = Math.max(1, threads / parallel);
        double[] predictions = new double[scoredTarget.size() * width];
        FoldOutcome[] outcomes = new FoldOutcome[folds];
        ExecutorService pool = parallel > 1 ? Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "trial-" + spec.id() + "-fold");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            List<Future<FoldOutcome>> futures = new ArrayList<>();
            for (int f = 0; f < folds; f++) {
                int fold = f;
                Callable<FoldOutcome> task = () -> fitFold(spec, fold, deadline, libraryThreads, seed, keepTruncated, predictions);
                if (pool == null) {
                    outcomes[f] = task.call();
                } else {
                    futures.add(pool.submit(task));
                }
            }
            for (int f = 0; f < futures.size(); f++) {
                outcomes[f] = futures.get(f).get();
            }
        } catch (ExecutionException e) {
            closeModels(outcomes);
            Throwable cause = e.getCause();
            if (cause instanceof InvalidInputException iie) {
                throw iie;
            }
            return new TrialOutcome(failed(spec, cause, start), null);
        } catch (InvalidInputException e) {
            closeModels(outcomes);
            throw e;
        } catch (Exception | OutOfMemoryError | LinkageError e) {
            closeModels(outcomes);
            return new TrialOutcome(failed(spec, e, start), null);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        TrialResult result = score(spec, outcomes, predictions, start, limitName, keepTruncated);
        FittedModel standIn = outcomes[plan.standInFold()].model();
        if (!result.completed() && standIn != null) {
            standIn.close();
            standIn = null;
        }
        return new TrialOutcome(result, standIn);
    }

    private static void closeModels(FoldOutcome[] outcomes) {
        for (FoldOutcome o : outcomes) {
            if (o != null && o.model() != null) {
                o.model().close();
            }
        }
    }

    private TrialResult score(TrialSpec spec, FoldOutcome[] outcomes, double[] predictions, long start, String limitName,
                              boolean keepTruncated) {
        int folds = outcomes.length;
        List<Params> fitted = new ArrayList<>();
        List<Integer> done = new ArrayList<>();
        boolean cut = false;
        double refitShare = 0;
        for (int f = 0; f < folds; f++) {
            cut |= outcomes[f].cut();
            if (outcomes[f].fitted() != null) {
                fitted.add(outcomes[f].fitted());
                done.add(f);
                refitShare += outcomes[f].refitShare();
            }
        }
        if (cut && (!keepTruncated || done.isEmpty())) {
            return timedOut(spec, start, done.size(), folds, limitName);
        }
        Target y = scoredTarget;
        double[] scored = predictions;
        int[] finished = null;
        String note = "";
        if (done.size() < folds) {
            finished = positionsOf(done);
            y = scoredTarget.select(finished);
            scored = select(predictions, finished);
            note = TrialResult.CUT_SHORT + limitName + "; scored on the " + done.size() + " of " + folds + " folds it finished";
        } else if (cut) {
            note = TrialResult.CUT_SHORT + limitName + "; scored as trained so far";
        }
        for (double v : scored) {
            if (!Double.isFinite(v)) {
                return failed(spec, TrialStatus.FAILED, "the model predicted a non-finite value", start);
            }
        }
        Map<String, Double> metrics = finished == null ? scorer.score(y, scored) : scorer.scoreAt(y, scored, finished);
        double score = scorer.primaryOf(metrics);
        if (Double.isNaN(score)) {
            return failed(spec, TrialStatus.FAILED, scorer.primary().name() + " is undefined for these predictions", start);
        }
        for (FoldOutcome o : outcomes) {
            if (o.fitted() != null && !o.note().isEmpty()) {
                // The first fold's note stands for all: the folds differ only in which rows they hold.
                note = note.isEmpty() ? o.note() : note + "; " + o.note();
                break;
            }
        }
        // Predictions that do not cover every validation row cannot be combined with other trials'.
        return TrialResult.completed(spec.id(), spec.configuration(), note,
                new TrialScores(metrics, score, done.size() == folds ? predictions : null),
                new TrialFit(seconds(start), done.size(), RefitParams.combine(fitted), refitShare / done.size()));
    }

    /**
     * What one fold left: the parameters its model found (null when it has no model), whether time ran out, and
     * for the plan's stand-in fold its model, kept open as a stand-in should the final refit not fit in the time left.
     */
    /** @param note what the model says about its fit (such as the rows it sampled), empty for nothing */
    private record FoldOutcome(Params fitted, boolean cut, FittedModel model, double refitShare, String note) {
    }

    private FoldOutcome fitFold(TrialSpec spec, int fold, Deadline deadline, int threads, long seed, boolean keepTruncated,
                                double[] predictions) {
        if (deadline.expired()) {
            return new FoldOutcome(null, true, null, 1, "");
        }
        FoldFeatures ff = cache.get(fold, spec.learner().view(), spec.sampleRows());
        TrialContext ctx = new TrialContext(deadline, threads, seed + 7919L * fold);
        FittedModel model;
        try {
            model = spec.learner().fit(ff.train(), ff.valid(), spec.params(), ctx);
        } catch (WorkerFailure e) {
            if (e.atDeadline()) {
                return new FoldOutcome(null, true, null, 1, ""); // killed past its deadline: timed out, not failed
            }
            throw e;
        }
        boolean keep = false;
        try {
            boolean cut = deadline.expired() || model.stoppedByDeadline();
            if (cut && !keepTruncated) {
                return new FoldOutcome(null, true, null, 1, "");
            }
            Predictions p = model.validationPredictions().orElseGet(() -> model.predict(ff.valid().x()));
            int[] at = positions[fold];
            // Folds write disjoint positions, so they can fill the shared array side by side.
            for (int i = 0; i < at.length; i++) {
                System.arraycopy(p.values(), i * width, predictions, at[i] * width, width);
            }
            keep = fold == plan.standInFold();
            return new FoldOutcome(model.fittedParams(), cut, keep ? model : null, model.refitShare(), model.note());
        } finally {
            if (!keep) {
                model.close();
            }
        }
    }

    private static TrialResult failed(TrialSpec spec, Throwable e, long start) {
        // A worker's failure already names its cause ("OutOfMemoryError: ...", "its worker process crashed ...").
        String reason = e instanceof WorkerFailure ? e.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return failed(spec, TrialStatus.FAILED, reason, start);
    }

    private static TrialResult failed(TrialSpec spec, TrialStatus status, String reason, long start) {
        return TrialResult.failed(spec.id(), spec.configuration(), status, reason, seconds(start));
    }

    /** Positions (into the scored rows) of the validation rows of the given folds, ascending. */
    private int[] positionsOf(List<Integer> folds) {
        int n = 0;
        for (int f : folds) {
            n += positions[f].length;
        }
        int[] out = new int[n];
        int at = 0;
        for (int f : folds) {
            System.arraycopy(positions[f], 0, out, at, positions[f].length);
            at += positions[f].length;
        }
        java.util.Arrays.sort(out);
        return out;
    }

    private double[] select(double[] values, int[] positions) {
        double[] out = new double[positions.length * width];
        for (int i = 0; i < positions.length; i++) {
            System.arraycopy(values, positions[i] * width, out, i * width, width);
        }
        return out;
    }

    private static TrialResult timedOut(TrialSpec spec, long start, int foldsDone, int folds, String limitName) {
        String where = folds > 1 ? " after " + foldsDone + " of " + folds + " folds" : "";
        return failed(spec, TrialStatus.TIMED_OUT, "stopped at " + limitName + where, start);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
