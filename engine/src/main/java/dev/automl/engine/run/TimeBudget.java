package dev.automl.engine.run;

import dev.automl.algorithms.Deadline;

/**
 * The run's time promise as deadlines: it aims to end by {@code timeout_minutes} ({@link #jobEnd}), explanation
 * included, so the model must be saved by {@link #modelEnd} (the job's end less the explanation's reserve); and it
 * must end by timeout + 10 % + {@link #SLACK_SECONDS} counting from JVM start ({@link #hardEnd}), with a few seconds
 * of that kept for the work no deadline can stop (abandoning a trial, saving).
 *
 * @param startNanos the {@link System#nanoTime()} the process started at: time limits count from there
 * @param explainSeconds the seconds kept at the end of the job for explaining the saved model (0 when it is not)
 */
record TimeBudget(long startNanos, double timeoutMinutes, double explainSeconds, Deadline jobEnd, Deadline modelEnd,
                  Deadline hardEnd) {

    /** The time promise: the run ends within timeout + 10 % + this many seconds (JVM start included). */
    static final double SLACK_SECONDS = 15;
    /** Time kept at the end for writing the model, the test scores and the summary. */
    static final double SAVE_SECONDS = 2;

    /** A budget that keeps no time for an explanation. */
    public static TimeBudget of(long startNanos, double timeoutMinutes) {
        return of(startNanos, timeoutMinutes, 0);
    }

    public static TimeBudget of(long startNanos, double timeoutMinutes, double explainSeconds) {
        long timeoutNanos = (long) (timeoutMinutes * 60e9);
        Deadline jobEnd = Deadline.atNanoTime(startNanos + timeoutNanos);
        return new TimeBudget(startNanos, timeoutMinutes, explainSeconds, jobEnd, jobEnd.minusSeconds(explainSeconds),
                Deadline.atNanoTime(startNanos + (long) (timeoutNanos * 1.1 + (SLACK_SECONDS - 3) * 1e9)));
    }

    public double timeoutSeconds() {
        return timeoutMinutes * 60;
    }

    /** Seconds since the process started. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
