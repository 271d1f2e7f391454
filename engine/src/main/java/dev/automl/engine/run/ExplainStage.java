package dev.automl.engine.run;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.data.Table;
import dev.automl.engine.explain.Explanation;
import dev.automl.engine.explain.FeatureImportance;
import dev.automl.engine.explain.PermutationImportance;
import dev.automl.engine.explain.PipelineContributions;
import dev.automl.engine.job.JobData;
import dev.automl.engine.model.TrainedPipeline;
import dev.automl.engine.model.ModelStore;
import dev.automl.engine.trial.Scorer;
import dev.automl.featurization.Target;

import dev.automl.featurization.series.SeriesFeatures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Explains the saved model after the run, as Azure does when {@code enable_model_explainability} is on, on the
 * training rows (a seeded sample of at most {@link #MAX_ROWS}) within the time the run kept for it: by the
 * model's exact SHAP values where it gives them, else by the permutation importance of each raw column and
 * engineered feature under the primary metric.
 */
final class ExplainStage {

    /** Azure explains on at most this many rows; more change the ranking little and cost linearly. */
    static final int MAX_ROWS = 5_000;
    /** Shuffles per column: enough for a ranking and a spread, few enough for the budget. */
    static final int REPEATS = 3;
    /** The time kept for the explanation within timeout_minutes: this share of it, ... */
    static final double RESERVE_SHARE = 0.05;
    /**
     * ... at least this, ...: the bank marketing job's vote of seven models (forests among them) needs about 5 s to be
     * loaded and take one pass of shuffles over its 20 columns; with 4.8 s it measured none.
     */
    static final double MIN_RESERVE_SECONDS = 5;
    /** ... and at most this: beyond it an explanation on fewer rows ranks the columns as well. */
    static final double MAX_RESERVE_SECONDS = 30;
    /** When the run ends early the explanation may take more than its reserve: this share of timeout_minutes, ... */
    static final double BUDGET_SHARE = 0.1;
    /** ... and this share of the time the run took, so that a short run is not followed by a long wait. */
    static final double RUN_SHARE = 0.3;
    /** Past the job's end (a refit without a stand-in may run late) the explanation still gets this much. */
    static final double FLOOR_SECONDS = 1;
    /** Rows the exact method is timed on before it is given the rest. */
    static final int PROBE_ROWS = 20;
    /** The share of the budget the exact method's probe may take. */
    static final double PROBE_SHARE = 0.2;

    private final LearnerCatalog catalog;
    private final RunContext ctx;

    ExplainStage(LearnerCatalog catalog, RunContext ctx) {
        this.catalog = catalog;
        this.ctx = ctx;
    }

    /** The seconds the run keeps for explaining its model before {@code timeout_minutes} (see {@link TimeBudget}). */
    static double reserveSeconds(boolean explain, double timeoutSeconds) {
        return explain ? Math.max(MIN_RESERVE_SECONDS, Math.min(MAX_RESERVE_SECONDS, RESERVE_SHARE * timeoutSeconds)) : 0;
    }

    /**
     * The explanation's budget once the model is saved after {@code runSeconds}: what is left of the timeout, up to
     * the larger of the reserve and the explanation's shares of the timeout and the run.
     */
    static double budgetSeconds(double timeoutSeconds, double runSeconds) {
        double wanted = Math.max(reserveSeconds(true, timeoutSeconds),
                Math.min(BUDGET_SHARE * timeoutSeconds, RUN_SHARE * runSeconds));
        return Math.max(FLOOR_SECONDS, Math.min(timeoutSeconds - runSeconds, wanted));
    }

    ExplainResult explain(Prepared p, FinishResult finished) {
        if (!p.spec().explain()) {
            return ExplainResult.skipped("enable_model_explainability is false");
        }
        if (finished.saved() == null) {
            return ExplainResult.skipped("no model was saved");
        }
        long start = System.nanoTime();
        Deadline deadline = Deadline.afterSeconds(budgetSeconds(ctx.budget().timeoutSeconds(),
                ctx.budget().elapsedSeconds()));
        if (p.data().series() != null) {
            return explainForecasts(p, start, deadline);
        }
        int n = p.data().trainRows();
        int[] rows = sample(n, ctx.seed());
        Table table = p.data().features().select(rows);
        Target y = p.data().target().select(rows);
        // The scorer of the sampled rows: for classification and regression it needs no more than the rows.
        Scorer scorer = p.scorer();
        try (ModelStore.LoadedModel model = ModelStore.load(ctx.out().modelDir(), catalog)) {
            TrainedPipeline pipeline = model.pipeline();
            Explanation r = exact(pipeline, table, deadline)
                    .orElseGet(() -> permutation(pipeline, table, y, scorer, deadline, List.of()));
            return finish(r, r.rows() < n ? "a seeded sample of the training rows" : "the training rows", start,
                    scorer.primary().name(), pipeline.algorithm());
        } catch (RuntimeException e) {
            // The model is saved and scored: an explanation that fails is reported, never the run's end.
            String why = "explaining the model failed: " + e.getMessage();
            ctx.reporter().info(why);
            return ExplainResult.skipped(why);
        }
    }

    private ExplainResult finish(Explanation r, String rowsAre, long start, String metric, String algorithm) {
        double seconds = RunContext.secondsSince(start);
        if (r.repeats() == 0) {
            // Importances from no shuffle at all would be empty files that look like an explanation.
            String why = String.format(Locale.ROOT, "the explanation's %.1f s ended before one pass of shuffles over the"
                    + " columns", seconds);
            ctx.reporter().info("Not explained: " + why + ".");
            return ExplainResult.skipped(why);
        }
        ExplainResult result = new ExplainResult(r, null, r.rows(), rowsAre, seconds);
        ctx.out().writeExplanation(result, metric, algorithm);
        ctx.reporter().info(String.format(Locale.ROOT, "Explained the model on %d rows in %.1f s (%s%s); most"
                + " important: %s", r.rows(), seconds, r.method().id(), r.cutShort() ? ", cut short at its"
                + " budget" : "", r.raw().isEmpty() ? "-" : r.raw().get(0).name()));
        return result;
    }

    /**
     * The model's exact SHAP values, on as many of the rows as the budget affords (timed on a few rows first, within a
     * fifth of the budget: TreeSHAP over deep forests can cost milliseconds per tree and row); empty when the model
     * gives none or fewer than {@link PermutationImportance#MIN_ROWS} rows would fit, and permutation importance
     * explains it instead.
     */
    private static Optional<Explanation> exact(TrainedPipeline pipeline, Table table, Deadline deadline) {
        int probe = Math.min(PROBE_ROWS, table.rows());
        long start = System.nanoTime();
        // The probe may take only a share of the budget: past it the exact method is unaffordable anyway.
        Deadline probing = deadline.min(Deadline.afterSeconds(PROBE_SHARE * deadline.remainingSeconds()));
        Optional<PipelineContributions> first = PipelineContributions.of(pipeline,
                pipeline.views(table.select(IntStream.range(0, probe).toArray())), probing);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        double perRow = RunContext.secondsSince(start) / probe;
        int affordable = (int) Math.min(table.rows(), PermutationImportance.PLANNED_SHARE
                * deadline.remainingSeconds() / Math.max(1e-9, perRow));
        if (affordable <= probe) {
            return affordable == table.rows()
                    ? Optional.of(first.get().importance(pipeline.target().labels())) : Optional.empty();
        }
        if (affordable < Math.min(table.rows(), PermutationImportance.MIN_ROWS)) {
            return Optional.empty();
        }
        // Evenly spread over the rows, which are in the data's order.
        int[] spread = new int[affordable];
        for (int i = 0; i < affordable; i++) {
            spread[i] = (int) ((long) i * table.rows() / affordable);
        }
        Table rows = table.select(spread);
        return PipelineContributions.of(pipeline, pipeline.views(rows), deadline)
                .map(c -> c.importance(pipeline.target().labels()));
    }

    /** Permutation importance under the primary metric, for models that give no exact contributions. */
    private Explanation permutation(TrainedPipeline pipeline, Table table, Target y, Scorer scorer,
                                    Deadline deadline, List<String> fixed) {
        boolean higher = scorer.primary().higherIsBetter();
        List<String> columns = pipeline.featurizer().requiredColumns().stream()
                .filter(c -> table.find(c).isPresent() && !fixed.contains(c)).toList();
        return PermutationImportance.compute(pipeline, table, y, columns, (target, predictions) -> {
            double score = scorer.primaryScore(target, predictions);
            return higher ? -score : score;
        }, REPEATS, ctx.seed(), deadline, fixed);
    }

    /**
     * A forecasting model is explained on the job's test rows, where its forecasts meet their actual values: the
     * permutation importance, under the root mean squared error, of the covariates and of the engineered features
     * (lags, rolling windows, calendar parts, series encodings). The raw time and series columns are not shuffled,
     * since they place a row in its series (a shuffled time is no longer a forecast of that time), nor the series
     * models' own position columns.
     */
    private ExplainResult explainForecasts(Prepared p, long start, Deadline deadline) {
        JobData.TestData test = p.data().test();
        if (test == null) {
            return ExplainResult.skipped("forecasting models are explained on the job's test_data (their forecasts"
                    + " against the actual values), and the job gives none");
        }
        try (ModelStore.LoadedModel model = ModelStore.load(ctx.out().modelDir(), catalog)) {
            TrainedPipeline pipeline = model.pipeline();
            SeriesFeatures.Layout layout = pipeline.series().layout();
            List<String> places = new ArrayList<>(layout.grainColumns());
            places.add(layout.timeColumn());
            List<String> fixed = List.of(SeriesFeatures.SERIES_COLUMN, SeriesFeatures.STEP_COLUMN,
                    SeriesFeatures.KNOWN_COLUMN, SeriesFeatures.SCALE_COLUMN);
            List<String> columns = pipeline.featurizer().requiredColumns().stream()
                    .filter(c -> test.features().find(c).isPresent() && !places.contains(c) && !fixed.contains(c))
                    .toList();
            Explanation shuffled = PermutationImportance.compute(pipeline, test.features(), test.target(), columns,
                    ExplainStage::rootMeanSquaredError, REPEATS, ctx.seed(), deadline, fixed);
            // Lags, rolling windows and the anchor are the target's history: Azure counts them to the target.
            List<String> history = pipeline.series().targetHistoryColumns();
            List<FeatureImportance> engineered = shuffled.engineered().stream()
                    .map(f -> history.contains(f.source()) ? new FeatureImportance(f.name(), p.spec().targetColumn(),
                            f.importance(), f.std(), f.perClass()) : f).toList();
            Explanation r = new Explanation(shuffled.method(), shuffled.rows(), shuffled.repeats(),
                    shuffled.cutShort(), shuffled.baseline(), shuffled.base(), shuffled.classes(), shuffled.raw(),
                    engineered);
            return finish(r, "the job's test rows", start, "root_mean_squared_error", pipeline.algorithm());
        } catch (RuntimeException e) {
            String why = "explaining the model failed: " + e.getMessage();
            ctx.reporter().info(why);
            return ExplainResult.skipped(why);
        }
    }

    /** Over the rows whose actual value is known. */
    static double rootMeanSquaredError(Target y, double[] predicted) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < predicted.length; i++) {
            double e = y.y()[i] - predicted[i];
            if (Double.isFinite(e)) {
                sum += e * e;
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.sqrt(sum / n);
    }

    /** All training rows, or a seeded sample of {@link #MAX_ROWS} of them in their order. */
    static int[] sample(int n, long seed) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        if (n > MAX_ROWS) {
            Collections.shuffle(all, new Random(seed ^ 0x3C6EF372L));
            all = new ArrayList<>(all.subList(0, MAX_ROWS));
            Collections.sort(all);
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }
}
