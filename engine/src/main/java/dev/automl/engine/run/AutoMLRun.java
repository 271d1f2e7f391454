package dev.automl.engine.run;

import dev.automl.algorithms.LearnerCatalog;
import dev.automl.engine.job.JobData;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.worker.Isolation;
import dev.automl.engine.worker.WorkerPool;
import dev.automl.engine.trial.Leaderboard;
import dev.automl.metrics.MetricCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs an AutoML job end to end as seven stages, each with typed results the next ones read: prepare (validation
 * plan, learners, guardrails) -> search (trials under the job's limits) -> bagging (on small data, the time early
 * termination left spent on repeated cross-validation of the best) -> ensemble (vote and stack) -> finish
 * (refit the best row on all training rows, save it and its chart data, score it on test data) -> explain (the
 * saved model's importances, when enable_model_explainability is on) -> report (summary.json, report.html). Results
 * are written as they come.
 */
public final class AutoMLRun {

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
    public record Options(Path outputDir, long seed, long startNanos, int cores, boolean resume, Isolation isolation) {

        /** A fresh run's options, with native learners in worker processes. */
        public Options(Path outputDir, long seed, long startNanos, int cores) {
            this(outputDir, seed, startNanos, cores, false, Isolation.NATIVE);
        }
    }

    /**
     * How a run ended: its leaderboard, where its results are, whether it saved a model, and why its search stopped.
     */
    /** @param modelFailure why saving the model failed, when it did and no other row's model was saved; else null */
    public record Outcome(Leaderboard leaderboard, Path outputDir, boolean modelSaved, String stoppedBecause,
                          String modelFailure) {
    }

    public Outcome execute(JobSpec spec, Options options) {
        try (OutputLock lock = OutputLock.acquire(options.outputDir())) {
            return read(spec, options);
        }
    }

    private Outcome read(JobSpec spec, Options options) {
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
        return run(spec, data, notes, options);
    }

    /** Runs the job on data already read; {@code notes} are what the job and reading its data had to say. */
    public Outcome execute(JobSpec spec, JobData data, List<String> notes, Options options) {
        try (OutputLock lock = OutputLock.acquire(options.outputDir())) {
            return run(spec, data, notes, options);
        }
    }

    private Outcome run(JobSpec spec, JobData data, List<String> notes, Options options) {
        Optional<RunDirectory.State> previous = options.resume() ? RunDirectory.readState(options.outputDir())
                : Optional.empty();
        if (options.resume() && previous.isEmpty()) {
            reporter.info("Nothing to resume in " + options.outputDir() + " (no run-state.json): the run starts afresh.");
        }
        // A resumed run's time limits count the time the killed run spent.
        long startNanos = options.startNanos() - (long) (previous.map(RunDirectory.State::elapsedSeconds).orElse(0.0) * 1e9);
        try (RunDirectory out = new RunDirectory(options.outputDir(), MetricCatalog.forTask(spec.task()), startNanos);
             WorkerPool workers = options.isolation() == Isolation.NATIVE
                     ? WorkerPool.start(0,
                     options.outputDir().resolve("crashes"), reporter::info) : null) {
            ResumeLog log = previous.map(s -> out.resume(s, spec.jobSha256(), options.seed())).orElse(ResumeLog.NONE);
            if (log.size() > 0) {
                reporter.info(String.format(java.util.Locale.ROOT, "Resuming the run in %s after %.1f s: %d finished"
                        + " trials are replayed, not trained again.", options.outputDir(), log.elapsedSeconds(), log.size()));
            }
            double afterModel = ExplainStage.reserveSeconds(spec.explain(), spec.limits().timeoutMinutes() * 60)
                    + TimeBudget.testSeconds(data.test() == null ? 0 : data.test().features().rows());
            RunContext ctx = new RunContext(out, TimeBudget.of(startNanos, spec.limits().timeoutMinutes(), afterModel),
                    options.seed(), options.cores(), reporter, log);
            return stages(workers == null ? catalog : workers.isolate(catalog), spec, data, notes, ctx,
                    workers == null ? n -> { } : workers::warm);
        }
    }

    private Outcome stages(LearnerCatalog catalog, JobSpec spec, JobData data, List<String> notes, RunContext ctx,
                           java.util.function.IntConsumer warmWorkers) {
        Prepared prepared = new PrepareStage(catalog, ctx).prepare(spec, data, notes);
        // A worker starts while the search begins, once the run is known to fit a learner in one.
        if (prepared.learners().stream().anyMatch(WorkerPool::isolated)) {
            warmWorkers.accept(1);
        }
        SearchResult searched = new SearchStage(ctx).search(prepared);
        try {
            searched = new BaggingStage(ctx).bag(prepared, searched);
            EnsembleResult ensembles = new EnsembleStage(catalog, ctx).build(prepared, searched);
            FinishResult finished = searched.board().best().isPresent()
                    ? new FinishStage(ctx).finish(prepared, searched) : FinishResult.nothing();
            ExplainResult explained = new ExplainStage(catalog, ctx).explain(prepared, finished);
            return new ReportStage(ctx).report(prepared, searched, ensembles, finished, explained);
        } finally {
            // The first-fold models the finish stage did not take (native memory, for LightGBM and XGBoost).
            searched.standIns().close();
        }
    }
}
