package dev.automl.engine.run;

import dev.automl.algorithms.Learner;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.data.InvalidInputException;
import dev.automl.data.Task;
import dev.automl.data.series.SeriesTable;
import dev.automl.engine.job.JobData;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.job.SeriesData;
import dev.automl.engine.trial.FeatureCache;
import dev.automl.engine.trial.Scorer;
import dev.automl.engine.validation.RollingOriginPlanner;
import dev.automl.engine.validation.ValidationPlan;
import dev.automl.engine.validation.ValidationPlanner;
import dev.automl.featurization.FeaturizationSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run's first stage: plans validation, chooses the learners, opens the output folder with a first
 * summary.json, and checks Azure's data guardrails on the training rows before any trial.
 */
final class PrepareStage {

    private final LearnerCatalog catalog;
    private final RunContext ctx;

    PrepareStage(LearnerCatalog catalog, RunContext ctx) {
        this.catalog = catalog;
        this.ctx = ctx;
    }

    /** @param notes what the job and reading its data had to say */
    Prepared prepare(JobSpec spec, JobData data, List<String> notes) {
        SeriesData series = data.series();
        ValidationPlan plan = series == null
                ? ValidationPlanner.plan(data.target(), data.trainRows(), spec.nCrossValidations(),
                        spec.validationDataSize(), ctx.seed())
                : series.validationCuts() != null
                ? RollingOriginPlanner.planAt(series.table().index().starts(), series.validationCuts(),
                        seriesNames(series.table()))
                : RollingOriginPlanner.plan(series.table().index().starts(), seriesNames(series.table()),
                        series.horizon(), series.folds(), series.cvStep());
        List<Learner> learners = catalog.select(spec.task(), spec.allowedAlgorithms(), spec.blockedAlgorithms());
        if (learners.isEmpty()) {
            throw new InvalidInputException("The allowed and blocked algorithm lists leave no algorithm to train.");
        }
        ctx.reporter().info(String.format(Locale.ROOT, "%,d rows x %d feature columns; %s; validation: %s; algorithms: %s",
                data.trainRows(), data.schema().size(), describeTarget(data),
                series != null && series.validationCuts() != null ? "validation_data (" + plan.folds().get(0).valid().length
                        + " rows after the training data)" : describe(plan),
                String.join(", ", learners.stream().map(Learner::name).toList())));

        ctx.out().open(spec.jobSha256(), ctx.seed());
        FeaturizationSettings settings = series == null ? spec.featurization().settings()
                : spec.featurization().settings().withPurposes(series.features().purposes());
        Prepared prepared = new Prepared(spec, data, notes, new FeatureCache(data, plan, settings),
                Scorer.of(spec, data, plan), learners);
        ctx.out().writeSummary(RunSummary.started(prepared, ctx));
        checkGuardrails(prepared);
        return prepared;
    }

    /** Azure's data guardrails on the training rows: written out and told on the console. */
    private void checkGuardrails(Prepared p) {
        List<String> pastTarget = p.data().series() == null ? List.of()
                : p.data().series().features().derivedColumns();
        List<Guardrails.Check> checks = new ArrayList<>(Guardrails.check(p.data().features(), p.data().target(),
                p.data().trainRows(), p.features().onAllRows(), p.plan(), pastTarget));
        if (p.data().series() != null) {
            checks.addAll(Guardrails.series(p.data().series().table(), p.data().series().targetFill()));
        }
        ctx.out().writeGuardrails(checks);
        for (Guardrails.Check c : checks) {
            ctx.reporter().info("Guardrail '" + c.name() + "': " + c.status().id() + (c.status() == Guardrails.Status.PASSED
                    ? "" : ". " + c.description() + " " + String.join("; ", c.details()) + "."));
        }
    }

    private static String describeTarget(JobData data) {
        if (data.target().task() == Task.CLASSIFICATION) {
            return data.target().numClasses() + " classes";
        }
        SeriesData series = data.series();
        if (series != null) {
            return String.format(Locale.ROOT, "%d series at frequency %s, forecast %d steps ahead, seasonality %d",
                    series.table().seriesCount(), series.table().frequency().alias(), series.horizon(),
                    series.seasonality());
        }
        return "regression target";
    }

    private static List<String> seriesNames(SeriesTable table) {
        List<String> out = new ArrayList<>();
        for (int s = 0; s < table.seriesCount(); s++) {
            out.add(table.describe(s));
        }
        return out;
    }

    private static String describe(ValidationPlan plan) {
        return switch (plan.kind()) {
            case HOLDOUT -> String.format(Locale.ROOT, "%.0f %% holdout", plan.fraction() * 100);
            case KFOLD -> plan.folds().size() + "-fold cross-validation";
            case USER -> "validation_data (" + plan.folds().get(0).valid().length + " rows)";
            case ROLLING_ORIGIN -> plan.folds().size() + " rolling-origin fold" + (plan.folds().size() == 1 ? "" : "s");
        };
    }
}
