package dev.automl.engine.trial;

import dev.automl.data.Task;
import dev.automl.engine.job.JobData;
import dev.automl.engine.job.JobSpec;
import dev.automl.featurization.Target;
import dev.automl.metrics.ClassificationScores;
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

    public Scorer(Task task, int positiveClass, double targetRange, MetricDefinition primary) {
        this.task = task;
        this.positiveClass = positiveClass;
        this.targetRange = targetRange;
        this.primary = primary;
    }

    /** The scorer of a job's data under its primary metric. */
    public static Scorer of(JobSpec spec, JobData data) {
        return new Scorer(spec.task(), data.positiveClass(), data.targetRange(), spec.primaryMetric());
    }

    public MetricDefinition primary() {
        return primary;
    }

    /** All metrics; {@code predictions} are row-major probabilities (classification) or values. */
    public Map<String, Double> score(Target y, double[] predictions) {
        if (task == Task.CLASSIFICATION) {
            return ClassificationScores.compute(y.classes(), predictions, y.numClasses(), y.weights(), positiveClass);
        }
        return RegressionScores.compute(y.y(), predictions, y.weights(), targetRange);
    }

    /** The primary metric alone, faster than {@link #score} where the metric allows (accuracy needs no sorting). */
    public double primaryScore(Target y, double[] predictions) {
        if (task == Task.CLASSIFICATION && primary.name().equals(MetricCatalog.ACCURACY)) {
            return ClassificationScores.accuracy(y.classes(), predictions, y.numClasses(), y.weights());
        }
        return primaryOf(score(y, predictions));
    }

    public double primaryOf(Map<String, Double> metrics) {
        Double v = metrics.get(primary.name());
        return v == null ? Double.NaN : v;
    }
}
