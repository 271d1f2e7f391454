package dev.automl.engine.run;

import dev.automl.algorithms.Deadline;

/**
 * The run's time promise as deadlines: it aims to end by {@code timeout_minutes} ({@link #jobEnd}), explanation
 * included, so the model must be ready by {@link #modelEnd} (the job's end less the time kept for scoring the test
 * data and for the explanation); and it
 * must end by timeout + 10 % + {@link #SLACK_SECONDS} counting from JVM start ({@link #hardEnd}), with a few seconds
 * of that kept for the work no deadline can stop (abandoning a trial, saving).
 *
 * @param startNanos the {@link System#nanoTime()} the process started at: time limits count from there
 * @param afterModelSeconds the seconds kept at the end of the job for what follows the model: scoring the test
 *                          data and explaining the model
 */
record TimeBudget(long startNanos, double timeoutMinutes, double afterModelSeconds, Deadline jobEnd, Deadline modelEnd,
                  Deadline hardEnd) {

    /** The time promise: the run ends within timeout + 10 % + this many seconds (JVM start included). */
    static final double SLACK_SECONDS = 15;
    /** Time kept at the end for writing the model, the test scores and the summary. */
    static final double SAVE_SECONDS = 2;
    /**
     * Time kept per test row for predicting it and scoring the predictions: on the generated 3,000,000-row table the
     * stack of five members took 11 s for 100,000 test rows and their chart data, against the 2 s kept for saving.
     */
    static final double TEST_SECONDS_PER_ROW = 1e-4;

    /** A budget that keeps no time after the model. */
    public static TimeBudget of(long startNanos, double timeoutMinutes) {
        return of(startNanos, timeoutMinutes, 0);
    }

    /** @param afterModelSeconds see {@link #testSeconds} and {@link ExplainStage#reserveSeconds} */
    public static TimeBudget of(long startNanos, double timeoutMinutes, double afterModelSeconds) {
        long timeoutNanos = (long) (timeoutMinutes * 60e9);
        Deadline jobEnd = Deadline.atNanoTime(startNanos + timeoutNanos);
        return new TimeBudget(startNanos, timeoutMinutes, afterModelSeconds, jobEnd, jobEnd.minusSeconds(afterModelSeconds),
                Deadline.atNanoTime(startNanos + (long) (timeoutNanos * 1.1 + (SLACK_SECONDS - 3) * 1e9)));
    }

    /** The time kept for predicting and scoring the job's test rows. */
    static double testSeconds(int testRows) {
        return TEST_SECONDS_PER_ROW * testRows;
    }

    public double timeoutSeconds() {
        return timeoutMinutes * 60;
    }

    /** Seconds since the process started. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
