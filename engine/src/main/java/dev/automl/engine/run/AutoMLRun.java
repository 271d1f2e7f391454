package dev.automl.engine.run;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.ColumnType;
import dev.automl.data.InvalidInputException;
import dev.automl.engine.ensemble.EnsembleBuilder;
import dev.automl.engine.ensemble.EnsemblePlan;
import dev.automl.engine.ensemble.MetaLearnerChoice;
import dev.automl.engine.job.EnsembleSettings;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.job.Limits;
import dev.automl.engine.model.Combination;
import dev.automl.engine.model.Member;
import dev.automl.engine.model.ModelStore;
import dev.automl.engine.model.TrainedPipeline;
import dev.automl.engine.search.EarlyTermination;
import dev.automl.engine.search.CostFrugalSearch;
import dev.automl.engine.search.SearchStrategy;
import dev.automl.engine.search.TrialCost;
import dev.automl.engine.validation.ValidationPlan;
import dev.automl.engine.validation.ValidationPlanner;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeatureView;
import dev.automl.featurization.FeaturizationSummary;
import dev.automl.featurization.Featurizer;
import dev.automl.featurization.FittedFeaturizer;
import dev.automl.metrics.MetricCatalog;
import dev.automl.data.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an AutoML job end to end: reads the data, plans validation, runs trials under the job's limits, refits
 * the best on all training rows, saves it, scores it on test data, and writes every result as it comes.
 */
public final class AutoMLRun {

    /** A trial that has not returned this long after its deadline is abandoned (its thread keeps no slot). */
    static final double GRACE_SECONDS = 3;
    /** The time promise: the run ends within timeout + 10 % + this many seconds (JVM start included). */
    static final double SLACK_SECONDS = 15;
    /** Time kept at the end for writing the model, the test scores and the summary. */
    static final double SAVE_SECONDS = 2;
    /** Below this many rows a refit trains with one library thread. */
    static final int SMALL_DATA_ROWS = 20_000;
    /** Time kept for building the ensembles from the trials' predictions. */
    static final double ENSEMBLE_BUILD_SECONDS = 2;
    /** The search keeps time to refit an ensemble of this many of the best trials ... */
    static final int ENSEMBLE_REFIT_MEMBERS = 6;
    /** ... unless that refit would take more than this share of the budget; then only the best trial is planned for. */
    static final double ENSEMBLE_REFIT_SHARE = 0.25;

    private final LearnerCatalog catalog;
    private final RunReporter reporter;

    public AutoMLRun(LearnerCatalog catalog, RunReporter reporter) {
        this.catalog = catalog;
        this.reporter = reporter;
    }

    /**
     * @param startNanos the {@link System#nanoTime()} the process started at: time limits count from there
     * @param cores      cores the run may use
     */
    public record Options(Path outputDir, long seed, long startNanos, int cores) {
    }

    /** What a run leaves: its summary (as written to summary.json), the leaderboard, and whether a model was saved. */
    public record Outcome(Map<String, Object> summary, Leaderboard leaderboard, Path outputDir, boolean modelSaved) {
    }

    /** An in-flight trial. */
    private record Running(TrialSpec spec, CompletableFuture<TrialOutcome> future, Deadline deadline, Thread thread,
                           long startNanos) {
    }

    public Outcome execute(JobSpec spec, Options options) {
        if (!spec.ignoredKeys().isEmpty()) {
            reporter.info("Ignored (they only mean something to Azure's service): " + String.join(", ", spec.ignoredKeys()));
        }
        List<String> notes = new ArrayList<>(spec.notes());
        notes.forEach(reporter::info);
        reporter.info("Reading " + spec.trainingData().path().getFileName() + " ...");
        JobData data = JobData.load(spec, note -> {
            notes.add(note);
            reporter.info(note);
        });
        return execute(spec, data, notes, options);
    }

    /** Runs the job on data already read; {@code notes} are what reading it had to say. */
    public Outcome execute(JobSpec spec, JobData data, List<String> notes, Options options) {
        Limits limits = spec.limits();
        long timeoutNanos = (long) (limits.timeoutMinutes() * 60e9);
        Deadline jobEnd = Deadline.atNanoTime(options.startNanos() + timeoutNanos);
        Deadline hardEnd = Deadline.atNanoTime(options.startNanos() + (long) (timeoutNanos * 1.1 + (SLACK_SECONDS - 3) * 1e9));

        ValidationPlan plan = ValidationPlanner.plan(data.target(), data.trainRows(), spec.nCrossValidations(),
                spec.validationDataSize(), options.seed());
        List<Learner> learners = selectLearners(spec);
        reporter.info(String.format(Locale.ROOT, "%,d rows x %d feature columns; %s; validation: %s; algorithms: %s",
                data.trainRows(), data.schema().size(), describeTarget(data), describe(plan),
                String.join(", ", learners.stream().map(Learner::name).toList())));

        RunDirectory out = new RunDirectory(options.outputDir(), MetricCatalog.forTask(spec.task()));
        Map<String, Object> summary = baseSummary(spec, data, plan, options, List.copyOf(notes));
        summary.put("status", "running");
        out.writeSummary(summary);
        checkGuardrails(spec, data, plan, out);

        Scorer scorer = new Scorer(spec.task(), data.positiveClass(), data.targetRange(), spec.primaryMetric());
        FeatureCache cache = new FeatureCache(data, plan, spec.featurization().settings());
        TrialRunner runner = new TrialRunner(plan, cache, data, scorer);
        Leaderboard board = new Leaderboard(spec.primaryMetric());
        DataShape shape = shape(data, plan);
        SearchStrategy search = new CostFrugalSearch(learners, spec.task(), shape, options.seed());
        EarlyTermination termination = EarlyTermination.forRows(new TrialCost(learners, shape.rows()),
                plan.refitRows().length);

        int threads = threadsPerTrial(limits, options.cores());
        RefitEstimate estimate = new RefitEstimate(plan, threads);
        StandInModel standIn = new StandInModel();
        long searchStart = System.nanoTime();
        String stopReason = search(spec, search, termination, runner, board, out, jobEnd, estimate, threads,
                options.seed(), standIn);
        summary.put("stopped_because", stopReason);
        reporter.info("Search ended: " + stopReason + ".");
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("search_seconds", RunDirectory.round((System.nanoTime() - searchStart) / 1e9));

        long ensembleStart = System.nanoTime();
        // Ensembles may not take the time the best trial's own refit needs.
        Deadline ensembleBy = jobEnd.minusSeconds(SAVE_SECONDS + 1.5
                + (estimate.required() ? board.best().map(estimate::seconds).orElse(0.0) : 0));
        Map<Integer, EnsemblePlan> ensembles = buildEnsembles(spec, data, plan, scorer, board, out, ensembleBy, options.seed());
        timing.put("ensemble_seconds", RunDirectory.round((System.nanoTime() - ensembleStart) / 1e9));

        Optional<TrialResult> best = board.best();
        boolean saved = false;
        if (best.isPresent()) {
            saved = refitAndSave(spec, data, plan, board, out, summary, jobEnd, hardEnd, options, standIn, cache, estimate,
                    ensembles, timing);
        }
        standIn.close();
        if (best.isEmpty()) {
            reporter.info("No trial completed; see " + out.path().resolve(RunDirectory.TRIALS) + " for the reasons.");
        }
        summary.put("trials", trialCounts(board));
        best.ifPresent(b -> summary.put("best", bestJson(b)));
        double seconds = (System.nanoTime() - options.startNanos()) / 1e9;
        double over = Math.max(0, seconds - limits.timeoutMinutes() * 60);
        timing.put("total_seconds", RunDirectory.round(seconds));
        timing.put("timeout_seconds", RunDirectory.round(limits.timeoutMinutes() * 60));
        timing.put("overshoot_seconds", RunDirectory.round(over));
        timing.put("overshoot_percent", Math.round(over / (limits.timeoutMinutes() * 60) * 1e4) / 100.0);
        summary.put("timing", timing);
        summary.put("seconds", RunDirectory.round(seconds));
        summary.put("status", saved ? "completed" : "failed");
        out.writeSummary(summary);
        return new Outcome(summary, board, out.path(), saved);
    }

    /** Azure's data guardrails on the training rows, before any trial: written out and told on the console. */
    private void checkGuardrails(JobSpec spec, JobData data, ValidationPlan plan, RunDirectory out) {
        FittedFeaturizer onTraining = new Featurizer(spec.featurization().settings())
                .fit(data.features(), plan.refitRows(), data.target());
        List<Guardrails.Check> checks = Guardrails.check(data.features(), data.target(), data.trainRows(), onTraining,
                plan);
        out.writeGuardrails(checks);
        for (Guardrails.Check c : checks) {
            reporter.info("Guardrail '" + c.name() + "': " + c.status() + (c.status().equals("passed") ? ""
                    : ". " + c.description() + " " + String.join("; ", c.details()) + "."));
        }
    }

    private List<Learner> selectLearners(JobSpec spec) {
        List<Learner> out = catalog.select(spec.task(), spec.allowedAlgorithms(), spec.blockedAlgorithms());
        if (out.isEmpty()) {
            throw new InvalidInputException("The allowed and blocked algorithm lists leave no algorithm to train.");
        }
        return out;
    }

    private String search(JobSpec spec, SearchStrategy search, EarlyTermination termination, TrialRunner runner,
                          Leaderboard board, RunDirectory out, Deadline jobEnd, RefitEstimate estimate, int threads,
                          long seed, StandInModel standIn) {
        Limits limits = spec.limits();
        List<Running> running = new ArrayList<>();
        List<TrialResult> finished = new ArrayList<>();
        int started = 0;
        String stop = null;
        while (true) {
            while (stop == null && running.size() < limits.maxConcurrentTrials()) {
                if (started >= limits.maxTrials()) {
                    stop = "max_trials (" + limits.maxTrials() + ") reached";
                    break;
                }
                Deadline searchEnd = jobEnd.minusSeconds(reserveSeconds(board, estimate, limits, spec.ensembles()));
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
                Optional<TrialSpec> next = search.next(board, trialEnd.remainingSeconds());
                if (next.isEmpty()) {
                    stop = search.whyEmpty();
                    break;
                }
                running.add(start(next.get(), runner, trialEnd, threads, seed, limitName, jobLimit));
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
                    standIn.offer(outcome, board);
                } else if (r.deadline().minusSeconds(-GRACE_SECONDS).expired()) {
                    r.future().cancel(true);
                    r.thread().interrupt();
                    result = TrialResult.failed(r.spec(), TrialStatus.TIMED_OUT, String.format(Locale.ROOT,
                            "did not stop within %.0f s of its deadline and was abandoned", GRACE_SECONDS),
                            (System.nanoTime() - r.startNanos()) / 1e9);
                    board.add(result);
                } else {
                    continue;
                }
                it.remove();
                finished.add(result);
                out.record(result, board);
                reporter.trialFinished(result, board);
                if (stop == null && result.completed() && limits.exitScore() != null
                        && !board.better(limits.exitScore(), result.score())) {
                    stop = "exit_score (" + limits.exitScore() + ") reached by trial " + result.id();
                }
                if (stop == null && limits.enableEarlyTermination() && termination.shouldStop(finished, board)) {
                    stop = termination.reason();
                }
            }
        }
    }

    private Running start(TrialSpec spec, TrialRunner runner, Deadline deadline, int threads, long seed, String limitName,
                          boolean keepTruncated) {
        CompletableFuture<TrialOutcome> future = new CompletableFuture<>();
        long trialSeed = seed * 1_000_003L + spec.id();
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
        reporter.debug("trial " + spec.id() + " started: " + spec.learner().name() + " " + spec.params());
        return new Running(spec, future, deadline, t, startNanos);
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

    /** An even share of the cores per concurrent trial, within max_cores_per_trial. */
    static int threadsPerTrial(Limits limits, int cores) {
        int threads = Math.max(1, cores / limits.maxConcurrentTrials());
        return limits.maxCoresPerTrial() > 0 ? Math.min(threads, limits.maxCoresPerTrial()) : threads;
    }

    /**
     * Seconds to keep free at the end of the search for the ensembles, the refit of what is best so far (the
     * ensemble of the best few trials when ensembles are on and their refit is not too dear), and saving.
     */
    private static double reserveSeconds(Leaderboard board, RefitEstimate estimate, Limits limits, EnsembleSettings ensembles) {
        Optional<TrialResult> best = board.best();
        double timeout = limits.timeoutMinutes() * 60;
        if (best.isEmpty()) {
            return 1.5 + SAVE_SECONDS + Math.min(10, 0.05 * timeout);
        }
        double refit = estimate.required() ? estimate.seconds(best.get()) : 0;
        double building = 0;
        if (ensembles.vote() || ensembles.stack()) {
            List<TrialResult> top = EnsembleBuilder.candidates(board.ranked()).stream().limit(ENSEMBLE_REFIT_MEMBERS).toList();
            if (top.size() >= 2) {
                building = ENSEMBLE_BUILD_SECONDS;
                double members = estimate.seconds(top);
                if (estimate.required() && members <= ENSEMBLE_REFIT_SHARE * timeout) {
                    refit = Math.max(refit, members);
                }
            }
        }
        return 1.5 + SAVE_SECONDS + building + refit;
    }

    /**
     * Builds the voting and stack ensembles from the trials' validation predictions and adds them to the
     * leaderboard; returns how to refit each one that completed, by its id.
     */
    private Map<Integer, EnsemblePlan> buildEnsembles(JobSpec spec, JobData data, ValidationPlan plan, Scorer scorer,
                                                      Leaderboard board, RunDirectory out, Deadline by, long seed) {
        EnsembleSettings settings = spec.ensembles();
        Map<Integer, EnsemblePlan> plans = new LinkedHashMap<>();
        List<TrialResult> candidates = EnsembleBuilder.candidates(board.ranked());
        if (!(settings.vote() || settings.stack()) || candidates.size() < 2) {
            return plans;
        }
        MetaLearnerChoice meta = settings.stack() ? MetaLearnerChoice.of(settings, spec.task(), catalog) : null;
        EnsembleBuilder builder = new EnsembleBuilder(scorer, data.target().select(plan.scoredRows()), meta, seed);
        int nextId = board.ranked().stream().mapToInt(TrialResult::id).max().orElse(0) + 1;
        // The vote's selection also picks the stack's members, so it runs even when only the stack is wanted.
        EnsembleBuilder.Built vote = builder.vote(nextId, candidates, by);
        List<EnsembleBuilder.Built> built = new ArrayList<>();
        if (settings.vote()) {
            built.add(vote);
            nextId++;
        }
        if (settings.stack()) {
            built.add(builder.stack(nextId, candidates, vote.plan().orElseThrow().memberIds(), by));
        }
        for (EnsembleBuilder.Built b : built) {
            board.add(b.result());
            b.plan().ifPresent(p -> plans.put(p.trialId(), p));
            out.record(b.result(), board);
            reporter.trialFinished(b.result(), board);
        }
        return plans;
    }

    /**
     * Refits the best leaderboard row on all training rows and saves it: a trial's learner, or an ensemble's
     * members (and a stack's meta-learner). The refit aims to end by the job's timeout. When a trial's refit will
     * not fit in the time left, or fails, its first-fold model (trained on that fold's training rows) is saved
     * instead; when an ensemble's will not, the next best row is tried.
     */
    private boolean refitAndSave(JobSpec spec, JobData data, ValidationPlan plan, Leaderboard board, RunDirectory out,
                                 Map<String, Object> summary, Deadline jobEnd, Deadline hardEnd, Options options,
                                 StandInModel standIn, FeatureCache cache, RefitEstimate estimate,
                                 Map<Integer, EnsemblePlan> ensembles, Map<String, Object> timing) {
        long refitStart = System.nanoTime();
        Deadline finishBy = jobEnd.minusSeconds(SAVE_SECONDS);
        List<TrialResult> candidates = board.ranked().stream().filter(TrialResult::completed).limit(5).toList();
        List<Map<String, Object>> skipped = new ArrayList<>();
        for (TrialResult candidate : candidates) {
            if (hardEnd.minusSeconds(SAVE_SECONDS).remainingSeconds() < 0.5) {
                break;
            }
            long t0 = System.nanoTime();
            Map<String, Object> refit = new LinkedHashMap<>();
            refit.put("trial_id", candidate.id());
            refit.put("algorithm", candidate.algorithm());
            EnsemblePlan ensemble = ensembles.get(candidate.id());
            TrainedPipeline pipeline = null;
            if (ensemble != null) {
                List<TrialResult> members = ensemble.memberIds().stream().map(id -> board.byId(id).orElseThrow()).toList();
                double needed = estimate.seconds(members) + 1;
                refit.put("estimated_seconds", RunDirectory.round(estimate.likelySeconds(members)));
                // First-fold models stand in for a holdout's ensemble (they saw nine rows in ten, or all of them
                // with validation_data); with k folds they saw too few, and the next row's refit is better.
                if (needed > finishBy.remainingSeconds() && !estimate.required() && standIn.hasAll(ensemble.memberIds())) {
                    pipeline = ensembleOfStandIns(candidate, ensemble, members, standIn, data, plan, cache, finishBy, options, spec);
                    refit.put("rows", plan.folds().get(0).train().length);
                    refit.put("stand_in", "the members' models of the first validation fold, trained on its training rows");
                    refit.put("seconds", RunDirectory.round((System.nanoTime() - t0) / 1e9));
                    reporter.info("Saving trial " + candidate.id() + " (" + candidate.algorithm() + ") with its members' "
                            + "first-fold models (refitting them would take an estimated " + Math.round(needed) + " s).");
                } else if (needed > finishBy.remainingSeconds()) {
                    refit.put("skipped", String.format(Locale.ROOT, "refitting its %d members would take an estimated %.0f s "
                            + "(%.0f s with a margin for error), %.0f s left", members.size(), estimate.likelySeconds(members),
                            needed, finishBy.remainingSeconds()));
                    skipped.add(refit);
                    continue;
                } else {
                    reporter.info("Refitting trial " + candidate.id() + " (" + candidate.algorithm() + " of " + members.size()
                            + " models) on all " + plan.refitRows().length + " training rows ...");
                    try {
                        pipeline = refitEnsemble(candidate, ensemble, members, spec, data, plan, finishBy, options);
                        refit.put("rows", plan.refitRows().length);
                        if (pipeline.members().stream().anyMatch(m -> m.model().stoppedByDeadline())) {
                            // A member with fewer rounds or trees than validation chose spoils the ensemble.
                            pipeline.close();
                            pipeline = null;
                            refit.remove("rows");
                            refit.put("failed", "the refit was cut short by timeout_minutes");
                            skipped.add(refit);
                            continue;
                        }
                    } catch (InvalidInputException e) {
                        throw e;
                    } catch (RuntimeException | OutOfMemoryError e) {
                        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                        reporter.info("Refit of trial " + candidate.id() + " failed (" + reason + ")");
                        refit.put("failed", reason);
                        skipped.add(refit);
                        continue;
                    }
                }
            } else {
                Optional<TrialOutcome> standing = standIn.take(candidate.id());
                // With a stand-in to fall back on, a refit that will likely fit is worth trying.
                double needed = estimate.likelySeconds(candidate) + 1;
                refit.put("estimated_seconds", RunDirectory.round(estimate.likelySeconds(candidate)));
                if (standing.isPresent() && needed > finishBy.remainingSeconds()) {
                    refit.put("skipped", String.format(Locale.ROOT, "an estimated %.0f s, %.0f s left", needed, finishBy.remainingSeconds()));
                } else {
                    reporter.info("Refitting trial " + candidate.id() + " (" + candidate.algorithm() + ") on all "
                            + plan.refitRows().length + " training rows ...");
                    try {
                        // Without a stand-in, a refit that runs late still beats no model: it may use the slack.
                        Deadline by = standing.isPresent() || finishBy.remainingSeconds() > 1 ? finishBy : hardEnd.minusSeconds(SAVE_SECONDS);
                        pipeline = refitSingle(candidate, spec, data, plan, by, hardEnd, options);
                        refit.put("rows", plan.refitRows().length);
                        refit.put("hyperparameters", candidate.refitParams().values());
                        if (standing.isPresent() && pipeline.members().get(0).model().stoppedByDeadline()) {
                            // Fewer rounds or trees than validation chose: the first-fold model is the better one.
                            pipeline.close();
                            pipeline = null;
                            refit.remove("hyperparameters");
                            refit.put("skipped", "the refit was cut short by timeout_minutes");
                        }
                    } catch (InvalidInputException e) {
                        standing.ifPresent(TrialOutcome::close);
                        throw e;
                    } catch (RuntimeException | OutOfMemoryError e) {
                        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                        reporter.info("Refit of trial " + candidate.id() + " failed (" + reason + ")");
                        refit.put("failed", reason);
                    }
                }
                if (pipeline == null && standing.isPresent()) {
                    Learner learner = catalog.byName(candidate.algorithm()).orElseThrow();
                    pipeline = TrainedPipeline.single(cache.featurizer(0), data.encoding(),
                            new Member(learner, candidate.params(), standing.get().firstFold()));
                    refit.put("rows", plan.folds().get(0).train().length);
                    refit.put("stand_in", "the model of the first validation fold, trained on its training rows");
                    reporter.info("Saving trial " + candidate.id() + "'s first-fold model instead of a refit ("
                            + refit.getOrDefault("skipped", refit.get("failed")) + ").");
                } else if (standing.isPresent()) {
                    standing.get().close();
                }
            }
            refit.put("seconds", RunDirectory.round((System.nanoTime() - t0) / 1e9));
            if (!skipped.isEmpty()) {
                refit.put("passed_over", skipped);
            }
            summary.put("refit", refit);
            timing.put("refit_seconds", RunDirectory.round((System.nanoTime() - refitStart) / 1e9));
            if (pipeline == null) {
                skipped.add(refit);
                continue;
            }
            long saveStart = System.nanoTime();
            try (TrainedPipeline saving = pipeline) {
                ModelStore.save(out.modelDir(), saving, data.schema(), spec.targetColumn(), provenance(spec, candidate, options, data));
                summary.put("model", RunDirectory.MODEL);
                out.writeFeaturization(FeaturizationSummary.of(saving.featurizer(), data.schema(),
                        spec.featurization().ignoredColumns()));
                if (data.testFeatures() != null) {
                    summary.put("test", testMetrics(saving, data, spec));
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof InvalidInputException iie) {
                    throw iie;
                }
                reporter.info("Saving trial " + candidate.id() + "'s model failed (" + e + ")");
                summary.put("model_failure", e.toString());
                continue;
            } finally {
                timing.put("save_seconds", RunDirectory.round((System.nanoTime() - saveStart) / 1e9));
            }
            reporter.info("Model saved to " + out.modelDir());
            return true;
        }
        return false;
    }

    /** An ensemble of its members' first-fold models, all fed by the first fold's featurizer. */
    private TrainedPipeline ensembleOfStandIns(TrialResult row, EnsemblePlan ensemble, List<TrialResult> members,
                                               StandInModel standIn, JobData data, ValidationPlan plan, FeatureCache cache,
                                               Deadline by, Options options, JobSpec spec) {
        List<FittedModel> models = standIn.takeAll(ensemble.memberIds());
        List<Member> fitted = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            fitted.add(new Member(catalog.byName(members.get(i).algorithm()).orElseThrow(), members.get(i).params(), models.get(i)));
        }
        try {
            Combination combination = ensemble.isStack()
                    ? new Combination.Stack(ensemble.metaLearner(), ensemble.metaParams(), fitStackMeta(ensemble, members, spec, data, plan, by, options))
                    : new Combination.Vote(ensemble.weights());
            return new TrainedPipeline(cache.featurizer(0), data.encoding(), row.algorithm(), row.params(), fitted, combination);
        } catch (RuntimeException e) {
            fitted.forEach(Member::close);
            throw e;
        }
    }

    /** A stack's meta-learner fitted on all validation rows' member predictions. */
    private FittedModel fitStackMeta(EnsemblePlan ensemble, List<TrialResult> members, JobSpec spec, JobData data,
                                     ValidationPlan plan, Deadline by, Options options) {
        EnsembleBuilder builder = new EnsembleBuilder(scorerFor(spec, data), data.target().select(plan.scoredRows()),
                MetaLearnerChoice.of(spec.ensembles(), spec.task(), catalog), options.seed());
        return builder.fitMeta(builder.features(members), ensemble.metaParams(), by);
    }

    private static Scorer scorerFor(JobSpec spec, JobData data) {
        return new Scorer(spec.task(), data.positiveClass(), data.targetRange(), spec.primaryMetric());
    }

    private TrainedPipeline refitSingle(TrialResult best, JobSpec spec, JobData data, ValidationPlan plan, Deadline by,
                                        Deadline hardEnd, Options options) {
        FittedFeaturizer featurizer = new Featurizer(spec.featurization().settings())
                .fit(data.features(), plan.refitRows(), data.target());
        Learner learner = catalog.byName(best.algorithm()).orElseThrow();
        FeatureMatrix x = featurizer.transformFitRows(data.features(), learner.view());
        FittedModel model = fitWithin(learner, x, data, plan, best.refitParams(), by, hardEnd, options, spec);
        return TrainedPipeline.single(featurizer, data.encoding(), new Member(learner, best.refitParams(), model));
    }

    private TrainedPipeline refitEnsemble(TrialResult row, EnsemblePlan ensemble, List<TrialResult> members, JobSpec spec,
                                          JobData data, ValidationPlan plan, Deadline by, Options options) {
        FittedFeaturizer featurizer = new Featurizer(spec.featurization().settings())
                .fit(data.features(), plan.refitRows(), data.target());
        Map<FeatureView, FeatureMatrix> views = new java.util.EnumMap<>(FeatureView.class);
        List<Member> fitted = new ArrayList<>();
        try {
            for (TrialResult m : members) {
                Learner learner = catalog.byName(m.algorithm()).orElseThrow();
                FeatureMatrix x = views.computeIfAbsent(learner.view(), v -> featurizer.transformFitRows(data.features(), v));
                fitted.add(new Member(learner, m.refitParams(), fitWithin(learner, x, data, plan, m.refitParams(), by, by, options, spec)));
            }
            views.clear();
            Combination combination;
            if (ensemble.isStack()) {
                combination = new Combination.Stack(ensemble.metaLearner(), ensemble.metaParams(),
                        fitStackMeta(ensemble, members, spec, data, plan, by, options));
            } else {
                combination = new Combination.Vote(ensemble.weights());
            }
            return new TrainedPipeline(featurizer, data.encoding(), row.algorithm(), row.params(), fitted, combination);
        } catch (RuntimeException | OutOfMemoryError e) {
            fitted.forEach(Member::close);
            throw e;
        }
    }

    /**
     * Fits a learner on all training rows in a thread of its own: the learner aims for {@code by}, and is
     * abandoned if it has not returned by {@code giveUp}.
     */
    private static FittedModel fitWithin(Learner learner, FeatureMatrix x, JobData data, ValidationPlan plan, Params params,
                                         Deadline by, Deadline giveUp, Options options, JobSpec spec) {
        TrainingData train = new TrainingData(x, data.target().select(plan.refitRows()));
        // On small data the libraries' threads mostly wait for each other (see TrialRunner): one is faster.
        int threads = train.x().rows() < SMALL_DATA_ROWS ? 1
                : threadsPerTrial(new Limits(0, 0, 1, 1, spec.limits().maxCoresPerTrial(), false, null), options.cores());
        TrialContext ctx = new TrialContext(by, threads, options.seed() * 1_000_003L);
        CompletableFuture<FittedModel> fit = CompletableFuture.supplyAsync(
                () -> learner.fit(train, null, params, ctx), runnable -> {
                    Thread t = new Thread(runnable, "refit");
                    t.setDaemon(true);
                    t.start();
                });
        try {
            // A second past the learner's aim, for its last round and its prediction buffers.
            return fit.get((long) (Math.max(by.remainingSeconds() + 1, giveUp.remainingSeconds()) * 1000) + 1, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fit.thenAccept(FittedModel::close);
            throw new IllegalStateException("the refit did not finish within the time limit");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Map<String, Object> testMetrics(TrainedPipeline pipeline, JobData data, JobSpec spec) {
        Predictions p = pipeline.predict(data.testFeatures());
        Scorer scorer = new Scorer(spec.task(), data.positiveClass(), data.targetRange(), spec.primaryMetric());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", data.testTarget().size());
        scorer.score(data.testTarget(), p.values()).forEach((k, v) -> m.put(k, RunDirectory.finite(v)));
        reporter.info(String.format(Locale.ROOT, "Test data (%d rows): %s = %.4f", data.testTarget().size(),
                spec.primaryMetric().name(), (Double) m.get(spec.primaryMetric().name())));
        return m;
    }

    private static Map<String, Object> provenance(JobSpec spec, TrialResult best, Options options, JobData data) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("engine_version", engineVersion());
        p.put("created", Instant.now().toString());
        p.put("job_file", spec.jobFile().getFileName().toString());
        p.put("task", spec.task().id());
        p.put("trial_id", best.id());
        p.put("validation_metric", spec.primaryMetric().name());
        p.put("validation_score", best.score());
        p.put("training_rows", data.trainRows());
        p.put("seed", options.seed());
        p.put("java", System.getProperty("java.version"));
        return p;
    }

    static String engineVersion() {
        String v = AutoMLRun.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static Map<String, Object> baseSummary(JobSpec spec, JobData data, ValidationPlan plan, Options options,
                                                   List<String> notes) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("task", spec.task().id());
        s.put("primary_metric", spec.primaryMetric().name());
        s.put("target_column", spec.targetColumn());
        s.put("rows", data.trainRows());
        s.put("feature_columns", data.schema().size());
        if (spec.task() == Task.CLASSIFICATION) {
            s.put("classes", data.encoding().labels());
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", plan.kind().id());
        v.put("folds", plan.folds().size());
        v.put("fraction", plan.kind() == ValidationPlan.Kind.HOLDOUT ? plan.fraction() : 0.0);
        v.put("validation_rows", plan.kind() == ValidationPlan.Kind.KFOLD ? data.trainRows() : plan.folds().get(0).valid().length);
        s.put("validation", v);
        s.put("seed", options.seed());
        s.put("timeout_minutes", spec.limits().timeoutMinutes());
        s.put("ignored_keys", spec.ignoredKeys());
        s.put("notes", notes);
        s.put("engine_version", engineVersion());
        return s;
    }

    private static Map<String, Object> trialCounts(Leaderboard board) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("completed", board.count(TrialStatus.COMPLETED));
        t.put("failed", board.count(TrialStatus.FAILED));
        t.put("timed_out", board.count(TrialStatus.TIMED_OUT));
        t.put("total", board.size());
        return t;
    }

    private static Map<String, Object> bestJson(TrialResult b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial_id", b.id());
        m.put("algorithm", b.algorithm());
        m.put("score", b.score());
        m.put("hyperparameters", b.params().values());
        return m;
    }

    private static DataShape shape(JobData data, ValidationPlan plan) {
        long categorical = data.schema().values().stream().filter(t -> t == ColumnType.CATEGORICAL).count();
        int features = data.schema().size();
        return new DataShape(plan.folds().get(0).train().length, features,
                data.target().task() == Task.CLASSIFICATION ? data.target().numClasses() : 0,
                features == 0 ? 0 : (double) categorical / features);
    }

    private static String describeTarget(JobData data) {
        if (data.target().task() == Task.CLASSIFICATION) {
            return data.target().numClasses() + " classes";
        }
        return "regression target";
    }

    private static String describe(ValidationPlan plan) {
        return switch (plan.kind()) {
            case HOLDOUT -> String.format(Locale.ROOT, "%.0f %% holdout", plan.fraction() * 100);
            case KFOLD -> plan.folds().size() + "-fold cross-validation";
            case USER -> "validation_data (" + plan.folds().get(0).valid().length + " rows)";
        };
    }

    private static String formatMinutes(double m) {
        return new java.math.BigDecimal(m).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
