/**
 * The data behind Azure AutoML's charts of a model (its "metric artifacts"): confusion matrix, accuracy table,
 * residual histogram, predicted against true, and a calibration curve, computed as azureml-metrics computes them
 * ({@code azureml.automl.runtime.shared.score}) from true values and predictions. Plain arrays in and records out;
 * writing them as JSON is the engine's business.
 */
package dev.automl.metrics.charts;
