package dev.automl.engine.job;

/**
 * The job's {@code limits}, with Azure's defaults.
 *
 * @param maxCoresPerTrial cores one trial may use; -1 for an even share of the machine
 * @param exitScore        null when the job does not stop at a score
 */
public record Limits(double timeoutMinutes, double trialTimeoutMinutes, int maxTrials, int maxConcurrentTrials,
                     int maxCoresPerTrial, boolean enableEarlyTermination, Double exitScore) {

    /** Azure's defaults: 6 days, 30 days per trial, 1000 trials, one at a time, early termination on. */
    public static Limits defaults() {
        return new Limits(6 * 24 * 60, 30 * 24 * 60, 1000, 1, -1, true, null);
    }
}
