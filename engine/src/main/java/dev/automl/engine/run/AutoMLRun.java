package dev.automl.engine.run;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.ColumnType;
import dev.automl.data.InvalidInputException;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.job.Limits;
import dev.automl.engine.model.ModelStore;
import dev.automl.engine.model.TrainedPipeline;
import dev.automl.engine.search.EarlyTermination;
import dev.automl.engine.search.PortfolioThenRandomSearch;
import dev.automl.engine.search.SearchStrategy;
import dev.automl.engine.validation.ValidationPlan;
import dev.automl.engine.validation.ValidationPlanner;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Featurizer;
import dev.automl.featurization.FittedFeaturizer;
import dev.automl.metrics.MetricCatalog;
import dev.automl.metrics.Task;
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
        List<String> notes = new ArrayList<>();
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

        Scorer scorer = new Scorer(spec.task(), data.positiveClass(), data.targetRange(), spec.primaryMetric());
        FeatureCache cache = new FeatureCache(data, plan, spec.featurization().settings());
        TrialRunner runner = new TrialRunner(plan, cache, data, scorer);
        Leaderboard board = new Leaderboard(spec.primaryMetric());
        DataShape shape = shape(data, plan);
        SearchStrategy search = new PortfolioThenRandomSearch(learners, spec.task(), shape, options.seed());

        int threads = threadsPerTrial(limits, options.cores());
        StandInModel standIn = new StandInModel();
        String stopReason = search(spec, search, runner, board, out, jobEnd, plan, data, threads, options.seed(), standIn);
        summary.put("stopped_because", stopReason);
        reporter.info("Search ended: " + stopReason + ".");

        Optional<TrialResult> best = board.best();
        boolean saved = false;
        if (best.isPresent()) {
            saved = refitAndSave(spec, data, plan, board, out, summary, hardEnd, options, standIn, cache);
        }
        standIn.close();
        if (best.isEmpty()) {
            reporter.info("No trial completed; see " + out.path().resolve(RunDirectory.TRIALS) + " for the reasons.");
        }
        summary.put("trials", trialCounts(board));
        best.ifPresent(b -> summary.put("best", bestJson(b)));
        summary.put("seconds", RunDirectory.round((System.nanoTime() - options.startNanos()) / 1e9));
        summary.put("status", saved ? "completed" : "failed");
        out.writeSummary(summary);
        return new Outcome(summary, board, out.path(), saved);
    }

    private List<Learner> selectLearners(JobSpec spec) {
        List<Learner> out = new ArrayList<>();
        for (Learner l : catalog.forTask(spec.task())) {
            if ((spec.allowedAlgorithms().isEmpty() || spec.allowedAlgorithms().contains(l.name()))
                    && !spec.blockedAlgorithms().contains(l.name())) {
                out.add(l);
            }
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("The allowed and blocked algorithm lists leave no algorithm to train.");
        }
        return out;
    }

    private String search(JobSpec spec, SearchStrategy search, TrialRunner runner, Leaderboard board, RunDirectory out,
                          Deadline jobEnd, ValidationPlan plan, JobData data, int threads, long seed, StandInModel standIn) {
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
                Deadline searchEnd = jobEnd.minusSeconds(reserveSeconds(board, plan, data, limits));
                if (searchEnd.remainingSeconds() < 1) {
                    stop = "timeout_minutes (" + formatMinutes(limits.timeoutMinutes()) + ") reached";
                    break;
                }
                Optional<TrialSpec> next = search.next(board);
                if (next.isEmpty()) {
                    stop = "every configuration in the search spaces was tried";
                    break;
                }
                Deadline trialEnd = Deadline.afterSeconds(limits.trialTimeoutMinutes() * 60);
                String limitName = "the trial time limit (trial_timeout_minutes: " + formatMinutes(limits.trialTimeoutMinutes()) + ")";
                boolean jobLimit = searchEnd.min(trialEnd) == searchEnd;
                if (jobLimit) {
                    trialEnd = searchEnd;
                    limitName = "the job's time limit (timeout_minutes: " + formatMinutes(limits.timeoutMinutes()) + ")";
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
                if (stop == null && limits.enableEarlyTermination() && EarlyTermination.shouldStop(finished, board)) {
                    stop = "early termination: no improvement in the last " + EarlyTermination.PATIENCE + " completed trials";
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

    /** Seconds to keep free at the end of the search for the refit of the current best and for writing results. */
    private static double reserveSeconds(Leaderboard board, ValidationPlan plan, JobData data, Limits limits) {
        Optional<TrialResult> best = board.best();
        double timeout = limits.timeoutMinutes() * 60;
        if (best.isEmpty()) {
            return 1.5 + Math.min(10, 0.05 * timeout);
        }
        return 1.5 + 1.3 * refitEstimateSeconds(best.get(), plan);
    }

    /** A trial's fit time covers the folds it fitted; the refit trains once on all rows, each fold on a share of them. */
    static double refitEstimateSeconds(TrialResult t, ValidationPlan plan) {
        double trainShare = (double) plan.folds().get(0).train().length / plan.refitRows().length;
        return t.fitSeconds() / Math.max(1, t.foldsFitted()) / Math.max(trainShare, 0.1);
    }

    /**
     * Refits the best trial on all training rows and saves it. When the refit will not fit in the time left, or
     * fails, the best trial's first-fold model (trained on that fold's training rows) is saved instead; failing
     * that, the next best trials are refit.
     */
    private boolean refitAndSave(JobSpec spec, JobData data, ValidationPlan plan, Leaderboard board, RunDirectory out,
                                 Map<String, Object> summary, Deadline hardEnd, Options options, StandInModel standIn,
                                 FeatureCache cache) {
        Deadline saveBy = hardEnd.minusSeconds(SAVE_SECONDS);
        List<TrialResult> candidates = board.ranked().stream().filter(TrialResult::completed).limit(3).toList();
        for (TrialResult candidate : candidates) {
            if (saveBy.remainingSeconds() < 0.5) {
                break;
            }
            long t0 = System.nanoTime();
            Map<String, Object> refit = new LinkedHashMap<>();
            refit.put("trial_id", candidate.id());
            TrainedPipeline pipeline = null;
            Optional<TrialOutcome> standing = standIn.take(candidate.id());
            double estimate = 1.3 * refitEstimateSeconds(candidate, plan) + 1;
            if (standing.isPresent() && estimate > saveBy.remainingSeconds()) {
                refit.put("skipped", String.format(Locale.ROOT, "an estimated %.0f s, %.0f s left", estimate, saveBy.remainingSeconds()));
            } else {
                reporter.info("Refitting trial " + candidate.id() + " (" + candidate.algorithm() + ") on all "
                        + plan.refitRows().length + " training rows ...");
                try {
                    pipeline = refit(candidate, spec, data, plan, saveBy, options);
                    refit.put("rows", plan.refitRows().length);
                    refit.put("hyperparameters", candidate.refitParams().values());
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
                pipeline = new TrainedPipeline(cache.featurizer(0), data.encoding(), learner, candidate.params(), standing.get().firstFold());
                refit.put("rows", plan.folds().get(0).train().length);
                refit.put("stand_in", "the model of the first validation fold, trained on its training rows");
                reporter.info("Saving trial " + candidate.id() + "'s first-fold model instead of a refit ("
                        + refit.getOrDefault("skipped", refit.get("failed")) + ").");
            } else if (standing.isPresent()) {
                standing.get().close();
            }
            refit.put("seconds", RunDirectory.round((System.nanoTime() - t0) / 1e9));
            summary.put("refit", refit);
            if (pipeline == null) {
                continue;
            }
            try (TrainedPipeline saving = pipeline) {
                ModelStore.save(out.modelDir(), saving, data.schema(), spec.targetColumn(), provenance(spec, candidate, options, data));
                summary.put("model", RunDirectory.MODEL);
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
            }
            reporter.info("Model saved to " + out.modelDir());
            return true;
        }
        return false;
    }

    private TrainedPipeline refit(TrialResult best, JobSpec spec, JobData data, ValidationPlan plan, Deadline hardEnd,
                                  Options options) {
        Learner learner = catalog.byName(best.algorithm()).orElseThrow();
        FittedFeaturizer featurizer = new Featurizer(spec.featurization().settings()).fit(data.features(), plan.refitRows());
        FeatureMatrix x = featurizer.transform(data.features(), plan.refitRows(), learner.view());
        TrainingData train = new TrainingData(x, data.target().select(plan.refitRows()));
        int threads = threadsPerTrial(new Limits(0, 0, 1, 1, spec.limits().maxCoresPerTrial(), false, null), options.cores());
        // The learner aims a second early, so that its last round and its prediction buffers fit in.
        TrialContext ctx = new TrialContext(hardEnd.minusSeconds(1), threads, options.seed() * 1_000_003L);
        CompletableFuture<FittedModel> fit = CompletableFuture.supplyAsync(
                () -> learner.fit(train, null, best.refitParams(), ctx), runnable -> {
                    Thread t = new Thread(runnable, "refit");
                    t.setDaemon(true);
                    t.start();
                });
        try {
            FittedModel model = fit.get((long) (hardEnd.remainingSeconds() * 1000) + 1, TimeUnit.MILLISECONDS);
            return new TrainedPipeline(featurizer, data.encoding(), learner, best.refitParams(), model);
        } catch (TimeoutException e) {
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

    private static List<Object> appendTo(Object existing, String item) {
        List<Object> out = new ArrayList<>();
        if (existing instanceof List<?> l) {
            out.addAll(l);
        }
        out.add(item);
        return out;
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
