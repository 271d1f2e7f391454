package dev.automl.engine.run;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Deadline;
import dev.automl.data.ColumnType;
import dev.automl.data.InvalidInputException;
import dev.automl.data.Task;
import dev.automl.engine.ensemble.EnsembleBuilder;
import dev.automl.engine.job.EnsembleSettings;
import dev.automl.engine.job.JobData;
import dev.automl.engine.job.Limits;
import dev.automl.engine.search.CostFrugalSearch;
import dev.automl.engine.search.EarlyTermination;
import dev.automl.engine.search.SearchStrategy;
import dev.automl.engine.search.TrialCost;
import dev.automl.engine.trial.FeatureCache;
import dev.automl.engine.trial.Leaderboard;
import dev.automl.engine.trial.Ranking;
import dev.automl.engine.trial.TrialOrigin;
import dev.automl.engine.trial.TrialOutcome;
import dev.automl.engine.trial.TrialResult;
import dev.automl.engine.trial.TrialRunner;
import dev.automl.engine.trial.TrialSpec;
import dev.automl.engine.trial.TrialStatus;
import dev.automl.engine.validation.ValidationPlan;
import dev.automl.featurization.FeatureView;
import dev.automl.featurization.series.SeriesFeatures;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The search stage: asks the search for trials and runs them, as many at once as the job allows, each under a
 * deadline that leaves room for the ensembles and the refit; abandons a trial that overstays its deadline; records
 * every trial as it ends; and stops at max_trials, the time limit, exit_score or early termination.
 */
final class SearchStage {

    /** A trial that has not returned this long after its deadline is abandoned (its thread keeps no slot). */
    static final double GRACE_SECONDS = 3;
    /** Time kept for building the ensembles from the trials' predictions ... */
    static final double ENSEMBLE_BUILD_SECONDS = 2;
    /**
     * ... and this much more per validation row: the vote (with its calibration) and the stack took 15.5 s on the
     * 290,000 holdout rows of the generated 3,000,000-row table, where two seconds left a planned refit short.
     */
    static final double ENSEMBLE_SECONDS_PER_ROW = 5e-5;
    /** The search keeps time to refit an ensemble of up to this many of the best trials ... */
    static final int ENSEMBLE_REFIT_MEMBERS = 6;
    /** ... as many of them, best first, as refit within this share of the budget (at least the best one). */
    static final double ENSEMBLE_REFIT_SHARE = 0.25;
    /**
     * On a holdout, the search keeps time to refit the best trial on all rows when it trained on a sample, unless that
     * would take more than this share of the budget; then its validated sample model is saved.
     */
    static final double SAMPLED_REFIT_SHARE = 0.5;
    /**
     * No trial may take more than this share of the search's time left, so that a dear learner on large data cannot
     * spend the budget on a few trials; a booster or forest stopped at its share keeps the rounds or trees it grew.
     */
    static final double FAIR_SHARE = 0.25;
    /** A learner's first trial, its cheap start point, gets this smaller share: every learner starts in seconds. */
    static final double FIRST_SHARE = 0.1;
    /**
     * The leader's best configuration run again on a larger sample gets this larger share, the half of the time left
     * the search grows a sample only within (as FLAML does): cut at a quarter, LightGBM's 800,000-row trial on the
     * generated 3,000,000-row table stopped at 599 of the 1,088 rounds it found uncut, and its refit on all rows
     * inherited the shortfall.
     */
    static final double GROW_SHARE = 0.5;
    /** A share never shrinks below this, and a trial whose share would leave less than this takes all that is left. */
    static final double LEAST_SHARE_SECONDS = 5;

    private final RunContext ctx;
    /** Whether the search stopped before its time was up: early termination, or nothing left to try. */
    private boolean endedEarly;

    SearchStage(RunContext ctx) {
        this.ctx = ctx;
    }

    /** An in-flight trial. */
    /** @param heapBytes the engine's heap the trial planned on (0 for one in a worker process) */
    private record Running(TrialSpec spec, CompletableFuture<TrialOutcome> future, Deadline deadline, Thread thread,
                           long startNanos, long heapBytes) {
    }

    private TrialMemory memory;

    SearchResult search(Prepared p) {
        long start = System.nanoTime();
        Leaderboard board = new Leaderboard(p.spec().primaryMetric());
        DataShape shape = shape(p.data(), p.plan(), p.features());
        SearchStrategy search = new CostFrugalSearch(p.learners(), p.data().target().task(), shape, ctx.seed());
        EarlyTermination termination = EarlyTermination.forRows(new TrialCost(shape.rows()), p.plan().refitRows().length);
        int threads = p.spec().limits().threadsPerTrial(ctx.cores());
        RefitEstimate estimate = new RefitEstimate(p.plan(), threads);
        StandInModels standIns = new StandInModels();
        TrialRunner runner = new TrialRunner(p.features(), p.scorer());
        memory = new TrialMemory(shape.rows(), p.plan().folds().get(0).valid().length, shape.numClasses(),
                view -> p.features().featurizer(0).featureNames(view).size(), TrialMemory::engineFreeHeap,
                Runtime.getRuntime().maxMemory());
        String stop = loop(p, search, termination, runner, board, estimate, threads, standIns);
        ctx.reporter().info("Search ended: " + stop + ".");
        return new SearchResult(board, stop, endedEarly, standIns, estimate.measuredOn(board), RunContext.secondsSince(start));
    }

    private String loop(Prepared p, SearchStrategy search, EarlyTermination termination, TrialRunner runner,
                        Leaderboard board, RefitEstimate estimate, int threads, StandInModels standIns) {
        Limits limits = p.spec().limits();
        List<Running> running = new ArrayList<>();
        List<TrialResult> finished = new ArrayList<>();
        Set<String> startedLearners = new HashSet<>();
        int started = 0;
        String stop = null;
        while (true) {
            while (stop == null && running.size() < limits.maxConcurrentTrials()) {
                if (started >= limits.maxTrials()) {
                    stop = "max_trials (" + limits.maxTrials() + ") reached";
                    break;
                }
                Deadline searchEnd = ctx.budget().modelEnd().minusSeconds(reserveSeconds(board, estimate, limits,
                        p.spec().ensembles(), p.plan().scoredRows().length));
                if (searchEnd.remainingSeconds() < 1) {
                    stop = "timeout_minutes (" + formatMinutes(limits.timeoutMinutes()) + ") reached";
                    break;
                }
                // Should this trial turn out best, its own refit must fit in too: it gets the share of the time
                // left that leaves room for a refit of its length.
                Deadline jobShare = Deadline.afterSeconds(searchEnd.remainingSeconds() / (1 + estimate.ratio()));
                Deadline trialEnd = Deadline.afterSeconds(limits.trialTimeoutMinutes() * 60);
                String limitName = "the trial time limit (trial_timeout_minutes: " + formatMinutes(limits.trialTimeoutMinutes()) + ")";
                boolean jobLimit = jobShare.min(trialEnd) == jobShare;
                if (jobLimit) {
                    trialEnd = jobShare;
                    limitName = "the job's time limit (timeout_minutes: " + formatMinutes(limits.timeoutMinutes()) + ")";
                }
                Optional<TrialSpec> next = search.next(board, trialEnd.remainingSeconds(),
                        Math.min(trialEnd.remainingSeconds(), share(searchEnd.remainingSeconds(), FAIR_SHARE)));
                if (next.isEmpty()) {
                    stop = search.whyEmpty();
                    endedEarly = search.exhausted();
                    break;
                }
                boolean first = startedLearners.add(next.get().learner().name());
                boolean grow = next.get().origin() == TrialOrigin.GROW;
                double share = share(searchEnd.remainingSeconds(), first ? FIRST_SHARE : grow ? GROW_SHARE : FAIR_SHARE);
                if (share < trialEnd.remainingSeconds()) {
                    trialEnd = Deadline.afterSeconds(share);
                    limitName = String.format(Locale.ROOT, "its share of the search's time left (%.0f s%s)", share,
                            first ? ", a learner's first trial" : grow ? ", the leader on a larger sample" : "");
                    jobLimit = true;
                }
                running.add(start(next.get(), runner, trialEnd, threads, limitName, jobLimit,
                        running.stream().mapToLong(Running::heapBytes).sum()));
                started++;
            }
            if (running.isEmpty()) {
                return stop;
            }
            waitForAny(running);
            for (Iterator<Running> it = running.iterator(); it.hasNext(); ) {
                Running r = it.next();
                TrialResult result;
                if (r.future().isDone()) {
                    TrialOutcome outcome = r.future().join();
                    result = outcome.result();
                    board.add(result);
                    standIns.offer(outcome, board);
                } else if (r.deadline().minusSeconds(-GRACE_SECONDS).expired()) {
                    r.future().cancel(true);
                    r.thread().interrupt();
                    result = TrialResult.failed(r.spec().id(), r.spec().configuration(), TrialStatus.TIMED_OUT,
                            String.format(Locale.ROOT, "did not stop within %.0f s of its deadline and was abandoned",
                                    GRACE_SECONDS), RunContext.secondsSince(r.startNanos()));
                    board.add(result);
                } else {
                    continue;
                }
                it.remove();
                finished.add(result);
                ctx.out().record(result, board);
                ctx.reporter().trialFinished(result, board);
                if (stop == null && result.completed() && limits.exitScore() != null
                        && !board.better(limits.exitScore(), result.score())) {
                    stop = "exit_score (" + limits.exitScore() + ") reached by trial " + result.id();
                }
                if (stop == null && limits.enableEarlyTermination() && termination.shouldStop(finished, board)) {
                    stop = termination.reason();
                    endedEarly = true;
                }
            }
        }
    }

    /** The most a trial may take of the search's {@code left} seconds, given its {@code fraction} of them. */
    static double share(double left, double fraction) {
        double share = Math.max(LEAST_SHARE_SECONDS, fraction * left);
        return left - share < LEAST_SHARE_SECONDS ? left : share;
    }

    private Running start(TrialSpec issued, TrialRunner runner, Deadline deadline, int threads, String limitName,
                          boolean keepTruncated, long reserved) {
        CompletableFuture<TrialOutcome> future = new CompletableFuture<>();
        // Decided before the replay, so that a resumed run issues the same trials as the killed one.
        TrialMemory.Decision fits = memory.decide(issued, reserved);
        if (fits instanceof TrialMemory.Skip skip) {
            future.complete(new TrialOutcome(TrialResult.failed(issued.id(), issued.configuration(), TrialStatus.FAILED,
                    skip.reason(), 0), null));
            return new Running(issued, future, deadline, null, System.nanoTime(), 0);
        }
        TrialSpec spec = fits instanceof TrialMemory.Sample sample
                ? new TrialSpec(issued.id(), issued.configuration().withSampleRows(sample.rows())) : issued;
        if (fits instanceof TrialMemory.Sample sample) {
            ctx.reporter().info(sample.why());
        }
        Optional<TrialResult> replayed = ctx.resume().replay(spec);
        if (replayed.isPresent()) {
            // A trial the killed run finished: its model is not kept, so a refit trains it again if it is chosen.
            future.complete(new TrialOutcome(replayed.get(), null));
            return new Running(spec, future, deadline, null, System.nanoTime(), 0);
        }
        long trialSeed = ctx.seed() * 1_000_003L + spec.id();
        Thread t = new Thread(() -> {
            try {
                TrialOutcome outcome = runner.run(spec, deadline, threads, trialSeed, limitName, keepTruncated);
                if (!future.complete(outcome)) {
                    outcome.close(); // abandoned: nobody will take the model
                }
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "trial-" + spec.id());
        t.setDaemon(true);
        long startNanos = System.nanoTime();
        t.start();
        ctx.reporter().debug("trial " + spec.id() + " started: " + spec.learner().name() + " " + spec.params());
        return new Running(spec, future, deadline, t, startNanos, fits.bytes());
    }

    private static void waitForAny(List<Running> running) {
        double wait = 0.25;
        for (Running r : running) {
            wait = Math.min(wait, r.deadline().remainingSeconds() + GRACE_SECONDS + 0.01);
        }
        CompletableFuture<?>[] all = running.stream().map(Running::future).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.anyOf(all).get((long) Math.max(1, wait * 1000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Time to look at deadlines again.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // An InvalidInputException from featurization: the user's data is at fault, report it as such.
            for (Running r : running) {
                if (r.future().isCompletedExceptionally()) {
                    Throwable cause = e.getCause();
                    if (cause instanceof InvalidInputException iie) {
                        throw iie;
                    }
                    throw new IllegalStateException("trial " + r.spec().id() + " crashed", cause);
                }
            }
        }
    }

    /**
     * Seconds to keep free at the end of the search for the ensembles, the refit of what is best so far (the
     * ensemble of the best few trials whose refit is not too dear, when ensembles are on), and saving.
     */
    private static double reserveSeconds(Ranking board, RefitEstimate estimate, Limits limits, EnsembleSettings ensembles,
                                         int validationRows) {
        Optional<TrialResult> best = board.best();
        double timeout = limits.timeoutMinutes() * 60;
        if (best.isEmpty()) {
            return 1.5 + TimeBudget.SAVE_SECONDS + Math.min(10, 0.05 * timeout);
        }
        RefitEstimate measured = estimate.measuredOn(board);
        double refit = estimate.required() ? measured.seconds(best.get()) : 0;
        if (!estimate.required() && measured.plannable(best.get())) {
            // A holdout's models are kept as validated, but one the search trained on a sample has not seen most
            // rows: its refit on all of them is planned for as long as it takes at most half the budget.
            // Its likely time, not the time with a margin for error: the validated model stands in should the refit
            // run long, and finish tries a refit that will likely fit (on the 3,000,000-row table the margin, 60 s
            // over the 210 s the refit took, ended the search at 15 trials with 106 s of the budget unused).
            double all = measured.refitSeconds(best.get());
            refit = all <= SAMPLED_REFIT_SHARE * timeout ? all / RefitEstimate.SAFETY : 0;
        }
        double building = 0;
        if (ensembles.vote() || ensembles.stack()) {
            List<TrialResult> top = EnsembleBuilder.candidates(board.ranked()).stream().limit(ENSEMBLE_REFIT_MEMBERS).toList();
            if (top.size() >= 2) {
                building = ENSEMBLE_BUILD_SECONDS + ENSEMBLE_SECONDS_PER_ROW * validationRows;
                // As many of the best as refit within the share together, not all six or only the best: on
                // car_evaluation (1,728 rows) at one minute the six were too dear, only the best one's refit was
                // planned, and the vote's, estimated at 9 s, did not fit in the 8 s left.
                List<TrialResult> members = new ArrayList<>();
                for (TrialResult t : top) {
                    members.add(t);
                    if (members.size() > 1 && measured.seconds(members) > ENSEMBLE_REFIT_SHARE * timeout) {
                        members.remove(members.size() - 1);
                        break;
                    }
                }
                if (estimate.required()) {
                    refit = Math.max(refit, measured.seconds(members));
                }
            }
        }
        return 1.5 + TimeBudget.SAVE_SECONDS + building + refit;
    }

    /** The shape portfolios and search spaces adapt to: a fold's training rows, the features, the classes. */
    private static DataShape shape(JobData data, ValidationPlan plan, FeatureCache cache) {
        long categorical = data.schema().values().stream().filter(t -> t == ColumnType.CATEGORICAL).count();
        int features = data.schema().size();
        return new DataShape(plan.folds().get(0).train().length, features,
                data.target().task() == Task.CLASSIFICATION ? data.target().numClasses() : 0,
                features == 0 ? 0 : (double) categorical / features, data.series() == null ? 1 : data.series().seasonality(),
                data.series() == null ? 1 : data.series().table().frequency().meanStepDays(),
                data.series() == null ? 0 : regressors(cache.onAllRows().featureNames(FeatureView.SERIES)));
    }

    /** The series view's covariates: its columns other than a row's series, step and known value. */
    private static int regressors(List<String> seriesView) {
        return (int) seriesView.stream().filter(c -> !List.of(SeriesFeatures.SERIES_COLUMN, SeriesFeatures.STEP_COLUMN,
                SeriesFeatures.KNOWN_COLUMN).contains(c)).count();
    }

    static String formatMinutes(double m) {
        return new BigDecimal(m).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
