package dev.automl.data;

/** The kind of supervised problem a job solves, as Azure's {@code task} key names it. */
public enum Task {
    CLASSIFICATION,
    REGRESSION,
    /** Regression of a time series' future values; its targets are numbers, as regression's are. */
    FORECASTING;

    /** The name used in job files and output files. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
