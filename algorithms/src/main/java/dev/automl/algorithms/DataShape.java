package dev.automl.algorithms;

/** The size and shape of a training set, which portfolios and search spaces adapt to. */
public record DataShape(int rows, int features, int numClasses, double categoricalShare) {
}
