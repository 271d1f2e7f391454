/**
 * The gradient boosting learners, {@code LightGBM}, {@code XGBoostClassifier} and {@code XGBoostRegressor}, whose
 * library types stay inside this package.
 */
package dev.automl.algorithms.boosting;
