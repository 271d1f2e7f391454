package dev.automl.engine.trial;

import dev.automl.data.Task;
import dev.automl.engine.job.JobData;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.validation.ValidationPlan;
import dev.automl.featurization.Target;
import dev.automl.metrics.ClassificationScores;
import dev.automl.metrics.ForecastScores;
import dev.automl.metrics.MetricCatalog;
import dev.automl.metrics.MetricDefinition;
import dev.automl.metrics.RegressionScores;
import java.util.Map;

/** Computes every metric of the task for predictions of labelled rows, and picks out the primary one. */
public final class Scorer {

    private final Task task;
    private final int positiveClass;
    private final double targetRange;
    private final MetricDefinition primary;
    /** Forecasting: the windows of the rows {@link #score} scores; null for other tasks. */
    private final ForecastWindows windows;

    public Scorer(Task task, int positiveClass, double targetRange, MetricDefinition primary) {
        this(task, positiveClass, targetRange, primary, null);
    }

    private Scorer(Task task, int positiveClass, double targetRange, MetricDefinition primary, ForecastWindows windows) {
        this.task = task;
        this.positiveClass = positiveClass;
        this.targetRange = targetRange;
        this.primary = primary;
        this.windows = windows;
    }

    /** The scorer of a job's data under its primary metric, for the rows the validation plan scores. */
    public static Scorer of(JobSpec spec, JobData data, ValidationPlan plan) {
        Scorer s = new Scorer(spec.task(), data.positiveClass(), data.targetRange(), spec.primaryMetric());
        return data.series() == null ? s
                : s.over(ForecastWindows.of(plan, data.series().table(), data.series().seasonality()));
    }

    /** The forecast windows of the rows {@link #score} scores; null for other tasks. */
    public ForecastWindows windows() {
        return windows;
    }

    /** This scorer for other forecast rows, such as the test data's, in these windows. */
    public Scorer over(ForecastWindows w) {
        return new Scorer(task, positiveClass, targetRange, primary, w);
    }

    public MetricDefinition primary() {
        return primary;
    }

    /**
     * All metrics of the rows this scorer is for; {@code predictions} are row-major probabilities (classification)
     * or values.
     */
    public Map<String, Double> score(Target y, double[] predictions) {
        return score(y, predictions, windows);
    }

    /** All metrics of some of the rows this scorer is for, given by their positions among them. */
    public Map<String, Double> scoreAt(Target y, double[] predictions, int[] positions) {
        return score(y, predictions, windows == null ? null : windows.select(positions));
    }

    private Map<String, Double> score(Target y, double[] predictions, ForecastWindows w) {
        if (task == Task.CLASSIFICATION) {
            return ClassificationScores.compute(y.classes(), predictions, y.numClasses(), y.weights(), positiveClass);
        }
        Map<String, Double> out = RegressionScores.compute(y.y(), predictions, y.weights(), targetRange);
        if (w != null) {
            if (w.size() != y.size()) {
                throw new IllegalArgumentException(y.size() + " rows to score in " + w.size() + " rows' windows");
            }
            out = new java.util.LinkedHashMap<>(out);
            // Azure normalises forecasting's errors per series, so a series in the thousands does not outweigh
            // one in the tens.
            out.putAll(ForecastScores.normalized(y.y(), predictions, w.window(), w.range()));
            out.putAll(ForecastScores.compute(y.y(), predictions, w.window(), w.scale()));
        }
        return out;
    }

    /** The primary metric alone, faster than {@link #score} where the metric allows (accuracy needs no sorting). */
    public double primaryScore(Target y, double[] predictions) {
        if (task == Task.CLASSIFICATION && primary.name().equals(MetricCatalog.ACCURACY)) {
            return ClassificationScores.accuracy(y.classes(), predictions, y.numClasses(), y.weights());
        }
        return primaryOf(score(y, predictions, windows));
    }

    public double primaryOf(Map<String, Double> metrics) {
        Double v = metrics.get(primary.name());
        return v == null ? Double.NaN : v;
    }
}
