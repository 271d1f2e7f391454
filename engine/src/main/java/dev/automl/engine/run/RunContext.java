package dev.automl.engine.run;

/**
 * What every stage of a run shares: where its results go, its time promise, its seed, the cores it may use and
 * whom it tells of its progress.
 */
record RunContext(RunDirectory out, TimeBudget budget, long seed, int cores, RunReporter reporter) {

    /** A stage's seconds from a {@link System#nanoTime()} it started at. */
    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
