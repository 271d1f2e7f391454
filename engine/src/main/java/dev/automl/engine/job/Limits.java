package dev.automl.engine.job;

/**
 * The job's {@code limits}, with Azure's defaults. Built by name with {@link #builder}.
 *
 * @param maxCoresPerTrial cores one trial may use; -1 for an even share of the machine
 * @param exitScore        null when the job does not stop at a score
 */
public record Limits(double timeoutMinutes, double trialTimeoutMinutes, int maxTrials, int maxConcurrentTrials,
                     int maxCoresPerTrial, boolean enableEarlyTermination, Double exitScore) {

    /** Azure's defaults: 6 days, 30 days per trial, 1000 trials, one at a time, early termination on. */
    public static Limits defaults() {
        return builder().build();
    }

    /** Limits at Azure's defaults until set. */
    public static Builder builder() {
        return new Builder();
    }

    /** An even share of the machine's cores per concurrent trial, within {@code max_cores_per_trial}. */
    public int threadsPerTrial(int cores) {
        return capped(Math.max(1, cores / maxConcurrentTrials));
    }

    /** The threads of a fit that runs alone (the final refit): all cores, within {@code max_cores_per_trial}. */
    public int threadsAlone(int cores) {
        return capped(Math.max(1, cores));
    }

    private int capped(int threads) {
        return maxCoresPerTrial > 0 ? Math.min(threads, maxCoresPerTrial) : threads;
    }

    /** Sets limits by name. */
    public static final class Builder {
        private double timeoutMinutes = 6 * 24 * 60;
        private double trialTimeoutMinutes = 30 * 24 * 60;
        private int maxTrials = 1000;
        private int maxConcurrentTrials = 1;
        private int maxCoresPerTrial = -1;
        private boolean enableEarlyTermination = true;
        private Double exitScore;

        private Builder() {
        }

        public Builder timeoutMinutes(double minutes) {
            this.timeoutMinutes = minutes;
            return this;
        }

        public Builder trialTimeoutMinutes(double minutes) {
            this.trialTimeoutMinutes = minutes;
            return this;
        }

        public Builder maxTrials(int trials) {
            this.maxTrials = trials;
            return this;
        }

        public Builder maxConcurrentTrials(int trials) {
            this.maxConcurrentTrials = trials;
            return this;
        }

        public Builder maxCoresPerTrial(int cores) {
            this.maxCoresPerTrial = cores;
            return this;
        }

        public Builder enableEarlyTermination(boolean enable) {
            this.enableEarlyTermination = enable;
            return this;
        }

        public Builder exitScore(Double score) {
            this.exitScore = score;
            return this;
        }

        public Limits build() {
            return new Limits(timeoutMinutes, trialTimeoutMinutes, maxTrials, maxConcurrentTrials, maxCoresPerTrial,
                    enableEarlyTermination, exitScore);
        }
    }
}
