package dev.automl.engine.benchmark;

import dev.automl.data.Task;
import dev.automl.featurization.Target;
import dev.automl.metrics.ClassificationScores;
import dev.automl.metrics.MetricCatalog;
import dev.automl.metrics.MetricDefinition;
import dev.automl.metrics.RegressionScores;

/**
 * The AutoML Benchmark's score of a held-out fold: AUC for binary classification, log loss for multiclass, RMSE
 * for regression. The AutoML job inside optimises the same measure, so that the benchmark judges what it asked for.
 */
public enum OuterMetric {
    AUC("auc", MetricCatalog.AUC_BINARY, MetricCatalog.AUC_WEIGHTED),
    LOG_LOSS("logloss", MetricCatalog.LOG_LOSS, MetricCatalog.LOG_LOSS),
    RMSE("rmse", MetricCatalog.ROOT_MEAN_SQUARED_ERROR, MetricCatalog.ROOT_MEAN_SQUARED_ERROR);

    private final String id;
    private final String scoreMetric;
    private final String jobMetric;

    OuterMetric(String id, String scoreMetric, String jobMetric) {
        this.id = id;
        this.scoreMetric = scoreMetric;
        this.jobMetric = jobMetric;
    }

    public static OuterMetric of(Task task, int numClasses) {
        if (task == Task.REGRESSION) {
            return RMSE;
        }
        return numClasses == 2 ? AUC : LOG_LOSS;
    }

    public String id() {
        return id;
    }

    public boolean higherIsBetter() {
        return this == AUC;
    }

    /** The metric the fold's AutoML job ranks its trials by (AUC_weighted equals AUC for two classes). */
    public MetricDefinition jobMetric() {
        return MetricCatalog.find(jobMetric).orElseThrow();
    }

    /** The score of held-out predictions: row-major probabilities or regression values. */
    public double score(Target y, double[] predictions, int positiveClass) {
        var metrics = y.task() == Task.CLASSIFICATION
                ? ClassificationScores.compute(y.classes(), predictions, y.numClasses(), null, positiveClass)
                : RegressionScores.compute(y.y(), predictions, null, 1.0);
        return metrics.get(scoreMetric);
    }
}
