package dev.automl.engine.run;

import dev.automl.algorithms.LearnerCatalog;
import dev.automl.engine.job.JobData;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.trial.Leaderboard;
import dev.automl.metrics.MetricCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    public record Options(Path outputDir, long seed, long startNanos, int cores) {
    }

    /**
     * How a run ended: its leaderboard, where its results are, whether it saved a model, and why its search stopped.
     */
    public record Outcome(Leaderboard leaderboard, Path outputDir, boolean modelSaved, String stoppedBecause) {
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

    /** Runs the job on data already read; {@code notes} are what the job and reading its data had to say. */
    public Outcome execute(JobSpec spec, JobData data, List<String> notes, Options options) {
        RunDirectory out = new RunDirectory(options.outputDir(), MetricCatalog.forTask(spec.task()),
                options.startNanos());
        RunContext ctx = new RunContext(out, TimeBudget.of(options.startNanos(), spec.limits().timeoutMinutes()),
                options.seed(), options.cores(), reporter);
        Prepared prepared = new PrepareStage(catalog, ctx).prepare(spec, data, notes);
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
