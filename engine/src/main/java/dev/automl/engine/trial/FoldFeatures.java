package dev.automl.engine.trial;

import dev.automl.algorithms.TrainingData;

/** Featurized training and validation rows of one fold, in one feature view. */
public record FoldFeatures(TrainingData train, TrainingData valid) {
}
