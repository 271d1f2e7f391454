package dev.automl.engine.run;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.data.Table;
import dev.automl.engine.explain.PermutationImportance;
import dev.automl.engine.model.ModelStore;
import dev.automl.engine.trial.Scorer;
import dev.automl.featurization.Target;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Explains the saved model after the run, as Azure does when {@code enable_model_explainability} is on: the
 * permutation importance of each raw column and engineered feature under the primary metric, on the training rows
 * (a seeded sample of at most {@link #MAX_ROWS}), within its own time budget after the run's.
 */
final class ExplainStage {

    /** Azure explains on at most this many rows; more change the ranking little and cost linearly. */
    static final int MAX_ROWS = 5_000;
    /** Shuffles per column: enough for a ranking and a spread, few enough for the budget. */
    static final int REPEATS = 3;
    /** The explanation's own budget: this share of timeout_minutes, at least {@link #MIN_SECONDS}. */
    static final double BUDGET_SHARE = 0.1;
    static final double MIN_SECONDS = 10;

    private final LearnerCatalog catalog;
    private final RunContext ctx;

    ExplainStage(LearnerCatalog catalog, RunContext ctx) {
        this.catalog = catalog;
        this.ctx = ctx;
    }

    static double budgetSeconds(double timeoutSeconds) {
        return Math.max(MIN_SECONDS, BUDGET_SHARE * timeoutSeconds);
    }

    ExplainResult explain(Prepared p, FinishResult finished) {
        if (!p.spec().explain()) {
            return ExplainResult.skipped("enable_model_explainability is false");
        }
        if (finished.saved() == null) {
            return ExplainResult.skipped("no model was saved");
        }
        long start = System.nanoTime();
        Deadline deadline = Deadline.afterSeconds(budgetSeconds(ctx.budget().timeoutSeconds()));
        int n = p.data().trainRows();
        int[] rows = sample(n, ctx.seed());
        Table table = p.data().features().select(rows);
        Target y = p.data().target().select(rows);
        // The scorer of the sampled rows: for classification and regression it needs no more than the rows.
        Scorer scorer = p.scorer();
        boolean higher = scorer.primary().higherIsBetter();
        try (ModelStore.LoadedModel model = ModelStore.load(ctx.out().modelDir(), catalog)) {
            List<String> columns = model.pipeline().featurizer().requiredColumns().stream()
                    .filter(c -> table.find(c).isPresent()).toList();
            PermutationImportance.Result r = PermutationImportance.compute(model.pipeline(), table, y, columns,
                    (target, predictions) -> {
                        double score = scorer.primaryScore(target, predictions);
                        return higher ? -score : score;
                    }, REPEATS, ctx.seed(), deadline);
            double seconds = RunContext.secondsSince(start);
            ExplainResult result = new ExplainResult(r, null, r.rows(), r.rows() < n, seconds);
            ctx.out().writeExplanation(result, scorer.primary().name());
            ctx.reporter().info(String.format(Locale.ROOT, "Explained the model on %d rows in %.1f s (permutation"
                    + " importance%s); most important: %s", r.rows(), seconds, r.cutShort() ? ", cut short at its"
                    + " budget" : "", r.raw().isEmpty() ? "-" : r.raw().get(0).name()));
            return result;
        } catch (RuntimeException e) {
            // The model is saved and scored: an explanation that fails is reported, never the run's end.
            String why = "explaining the model failed: " + e.getMessage();
            ctx.reporter().info(why);
            return ExplainResult.skipped(why);
        }
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
