package dev.automl.engine.worker;

/** Where trials fit: which learners run in worker processes, so that a crash in native code cannot end the run. */
public enum Isolation {
    /** Every learner fits in the engine's own process. */
    NONE,
    /** Learners that run native code (LightGBM, XGBoost) fit in worker processes; the rest in the engine's. */
    NATIVE;

    /** The name the command line takes. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
