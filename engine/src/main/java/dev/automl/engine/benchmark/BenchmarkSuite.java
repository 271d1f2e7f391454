package dev.automl.engine.benchmark;

import java.util.List;

/**
 * A validated benchmark suite: datasets, the time budget of each fold's AutoML job, and which of the ten outer
 * folds to run.
 */
public record BenchmarkSuite(String name, double budgetSeconds, List<Integer> folds, long seed,
                             List<BenchmarkDataset> datasets) {

    /** The AutoML Benchmark's protocol: ten outer folds, 90 % to train and 10 % to score. */
    public static final int OUTER_FOLDS = 10;

    public BenchmarkSuite {
        folds = List.copyOf(folds);
        datasets = List.copyOf(datasets);
    }

    /** The same suite with another budget or other folds (null keeps the suite's own). */
    public BenchmarkSuite with(Double budget, List<Integer> otherFolds) {
        return new BenchmarkSuite(name, budget == null ? budgetSeconds : budget, otherFolds == null ? folds : otherFolds,
                seed, datasets);
    }
}
