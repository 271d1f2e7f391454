package dev.automl.engine.run;

/**
 * What every stage of a run shares: where its results go, its time promise, its seed, the cores it may use, whom
 * it tells of its progress, and the trials a killed run finished that it replays.
 */
record RunContext(RunDirectory out, TimeBudget budget, long seed, int cores, RunReporter reporter, ResumeLog resume) {

    /** A fresh run's context. */
    RunContext(RunDirectory out, TimeBudget budget, long seed, int cores, RunReporter reporter) {
        this(out, budget, seed, cores, reporter, ResumeLog.NONE);
    }

    /** A stage's seconds from a {@link System#nanoTime()} it started at. */
    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
