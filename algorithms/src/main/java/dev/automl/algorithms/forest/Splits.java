package dev.automl.algorithms.forest;

/** How a forest's trees choose each split: the features tried, and what scores the cuts (variance, for regression). */
record Splits(MaxFeatures maxFeatures, SplitCriterion.Kind criterion) {
}
