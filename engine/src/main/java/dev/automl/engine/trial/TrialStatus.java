package dev.automl.engine.trial;

/** How a trial ended. */
public enum TrialStatus {
    COMPLETED,
    FAILED,
    TIMED_OUT;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
