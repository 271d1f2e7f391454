package dev.automl.engine.run;

import dev.automl.engine.trial.Ranking;
import dev.automl.engine.trial.TrialResult;

/** Receives a run's progress as it happens, for the console or a test. */
public interface RunReporter {

    /** A line of information: what the run is doing, or a note about the data or the job. */
    void info(String message);

    /** Extra detail, shown only when the job asks for debug output. */
    default void debug(String message) {
    }

    /** A trial has finished (in any status). */
    void trialFinished(TrialResult result, Ranking board);

    /** A reporter that says nothing. */
    static RunReporter silent() {
        return new RunReporter() {
            @Override
            public void info(String message) {
            }

            @Override
            public void trialFinished(TrialResult result, Ranking board) {
            }
        };
    }
}
