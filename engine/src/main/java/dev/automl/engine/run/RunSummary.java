package dev.automl.engine.run;

import dev.automl.data.Task;
import dev.automl.data.series.SeriesTable;
import dev.automl.engine.explain.Explanation;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.job.SeriesData;
import dev.automl.engine.trial.Leaderboard;
import dev.automl.engine.trial.TrialResult;
import dev.automl.engine.trial.TrialStatus;
import dev.automl.engine.validation.ValidationPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * summary.json, built in one place from the stages' results: what the run is, as it starts, and what came of it,
 * as it ends. The keys are the README's contract with other tools.
 */
final class RunSummary {

    private RunSummary() {
    }

    /** The summary written when the run starts: the job, the data's shape and the validation scheme. */
    static Map<String, Object> started(Prepared p, RunContext ctx) {
        JobSpec spec = p.spec();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("task", spec.task().id());
        s.put("primary_metric", spec.primaryMetric().name());
        s.put("target_column", spec.targetColumn());
        s.put("rows", p.data().trainRows());
        s.put("feature_columns", p.data().schema().size());
        if (spec.task() == Task.CLASSIFICATION) {
            s.put("classes", p.data().encoding().labels());
        }
        if (p.data().series() != null) {
            s.put("forecasting", forecasting(p.data().series()));
        }
        ValidationPlan plan = p.plan();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", plan.kind().id());
        v.put("folds", plan.folds().size());
        v.put("fraction", plan.kind() == ValidationPlan.Kind.HOLDOUT ? plan.fraction() : 0.0);
        v.put("validation_rows", plan.kind() == ValidationPlan.Kind.KFOLD ? p.data().trainRows()
                : plan.folds().get(0).valid().length);
        if (p.data().series() != null && p.data().series().validationCuts() != null) {
            v.put("from", "validation_data"); // one rolling origin: each series' training end
        }
        s.put("validation", v);
        s.put("seed", ctx.seed());
        s.put("timeout_minutes", spec.limits().timeoutMinutes());
        s.put("ignored_keys", spec.ignoredKeys());
        s.put("notes", p.notes());
        s.put("engine_version", engineVersion());
        s.put("status", "running");
        return s;
    }

    /** What the run made of the forecasting block: the series, the horizon and the derived features. */
    private static Map<String, Object> forecasting(SeriesData series) {
        SeriesTable t = series.table();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("series", t.seriesCount());
        f.put("frequency", t.frequency().alias());
        f.put("forecast_horizon", series.horizon());
        f.put("seasonality", series.seasonality());
        f.put("target_lags", series.features().lags());
        f.put("target_rolling_window_size", series.features().window());
        f.put("cv_step_size", series.cvStep());
        Map<String, Object> repairs = new LinkedHashMap<>();
        repairs.put("filled_steps", t.repairs().filledSteps());
        repairs.put("imputed_targets", t.repairs().imputedTargets());
        repairs.put("dropped_off_grid", t.repairs().droppedOffGrid());
        repairs.put("aggregated_rows", t.repairs().aggregatedRows());
        repairs.put("dropped_leading", t.repairs().droppedLeading());
        f.put("repairs", repairs);
        return f;
    }

    /**
     * The summary written when the run ends: why the search stopped, which row became the model and how, its test
     * scores, the trials' counts, the best row and where the time went.
     *
     * @param totalSeconds the run's time since the process started
     */
    static Map<String, Object> finished(Prepared p, RunContext ctx, SearchResult searched, EnsembleResult ensembles,
                                        FinishResult finished, double totalSeconds) {
        return finished(p, ctx, searched, ensembles, finished, ExplainResult.skipped(null), totalSeconds);
    }

    /** As above, with the explain stage's result. */
    static Map<String, Object> finished(Prepared p, RunContext ctx, SearchResult searched, EnsembleResult ensembles,
                                        FinishResult finished, ExplainResult explained, double totalSeconds) {
        Map<String, Object> s = started(p, ctx);
        s.put("status", finished.saved() != null ? "completed" : "failed");
        s.put("stopped_because", searched.stoppedBecause());
        if (ctx.resume() != ResumeLog.NONE) {
            Map<String, Object> resumed = new LinkedHashMap<>();
            resumed.put("replayed_trials", ctx.resume().replayed());
            resumed.put("seconds_before", RunDirectory.round(ctx.resume().elapsedSeconds()));
            s.put("resumed", resumed);
        }
        List<RefitAttempt> attempts = finished.attempts();
        if (!attempts.isEmpty()) {
            RefitAttempt chosen = finished.saved() != null ? finished.saved() : attempts.get(attempts.size() - 1);
            Map<String, Object> refit = attempt(chosen);
            List<Map<String, Object>> passedOver = new ArrayList<>();
            for (RefitAttempt a : attempts.subList(0, attempts.indexOf(chosen))) {
                passedOver.add(attempt(a));
            }
            if (!passedOver.isEmpty()) {
                refit.put("passed_over", passedOver);
            }
            s.put("refit", refit);
        }
        if (finished.saved() != null) {
            s.put("model", RunDirectory.MODEL);
        }
        if (finished.test() != null) {
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("rows", finished.test().rows());
            finished.test().metrics().forEach((k, v) -> test.put(k, RunDirectory.finite(v)));
            s.put("test", test);
        }
        if (finished.modelFailure() != null) {
            s.put("model_failure", finished.modelFailure());
        }
        Leaderboard board = searched.board();
        Map<String, Object> trials = new LinkedHashMap<>();
        trials.put("completed", board.count(TrialStatus.COMPLETED));
        trials.put("failed", board.count(TrialStatus.FAILED));
        trials.put("timed_out", board.count(TrialStatus.TIMED_OUT));
        trials.put("total", board.size());
        s.put("trials", trials);
        board.best().ifPresent(b -> s.put("best", best(b)));
        if (explained.explanation() != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("method", explained.explanation().method().id());
            e.put("rows", explained.rows());
            e.put("rows_are", explained.rowsAre());
            if (explained.explanation().method() == Explanation.Method.PERMUTATION_IMPORTANCE) {
                e.put("repeats", explained.explanation().repeats());
            }
            e.put("files", RunDirectory.EXPLANATIONS);
            s.put("explanation", e);
        } else if (explained.skipped() != null) {
            s.put("explanation", Map.of("skipped", explained.skipped()));
        }
        s.put("timing", timing(ctx.budget(), searched, ensembles, finished, explained, totalSeconds));
        s.put("seconds", RunDirectory.round(totalSeconds));
        return s;
    }

    /** One refit attempt: the row, the refit's estimate, what became of it and the seconds it took. */
    private static Map<String, Object> attempt(RefitAttempt a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial_id", a.row().id());
        m.put("algorithm", a.row().algorithm());
        m.put("estimated_seconds", RunDirectory.round(a.estimatedSeconds()));
        if (a.result() instanceof RefitAttempt.Refitted r) {
            m.put("rows", r.rows());
            if (r.hyperparameters() != null) {
                m.put("hyperparameters", r.hyperparameters().values());
            }
        } else if (a.result() instanceof RefitAttempt.StandIn s) {
            if (s.why() != null) {
                reason(m, s.why());
            }
            m.put("rows", s.rows());
            m.put("stand_in", s.models());
        } else if (a.result() instanceof RefitAttempt.PassedOver o) {
            reason(m, o.why());
        }
        m.put("seconds", RunDirectory.round(a.seconds()));
        return m;
    }

    private static void reason(Map<String, Object> m, RefitAttempt.Reason why) {
        m.put(why.kind().name().toLowerCase(Locale.ROOT), why.text());
    }

    private static Map<String, Object> best(TrialResult b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial_id", b.id());
        m.put("algorithm", b.algorithm());
        m.put("score", b.score());
        m.put("hyperparameters", b.params().values());
        return m;
    }

    /**
     * The stages' times; the overshoot is the whole run's past timeout_minutes, the explanation included (the run
     * keeps time for it).
     */
    private static Map<String, Object> timing(TimeBudget budget, SearchResult searched, EnsembleResult ensembles,
                                              FinishResult finished, ExplainResult explained, double totalSeconds) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("search_seconds", RunDirectory.round(searched.seconds()));
        if (!searched.bagging().rows().isEmpty()) {
            t.put("bagging_seconds", RunDirectory.round(searched.bagging().seconds()));
        }
        t.put("ensemble_seconds", RunDirectory.round(ensembles.seconds()));
        if (!Double.isNaN(finished.refitSeconds())) {
            t.put("refit_seconds", RunDirectory.round(finished.refitSeconds()));
        }
        if (!Double.isNaN(finished.saveSeconds())) {
            t.put("save_seconds", RunDirectory.round(finished.saveSeconds()));
        }
        if (explained.explanation() != null) {
            t.put("explain_seconds", RunDirectory.round(explained.seconds()));
        }
        double over = Math.max(0, totalSeconds - budget.timeoutSeconds());
        t.put("total_seconds", RunDirectory.round(totalSeconds));
        t.put("timeout_seconds", RunDirectory.round(budget.timeoutSeconds()));
        t.put("overshoot_seconds", RunDirectory.round(over));
        t.put("overshoot_percent", Math.round(over / budget.timeoutSeconds() * 1e4) / 100.0);
        return t;
    }

    /** The engine's version from the jar's manifest; {@code dev} when run from classes. */
    static String engineVersion() {
        String v = RunSummary.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
