package dev.automl.engine.run;

import java.util.List;
import java.util.Map;

/**
 * What the finish stage leaves: the rows it tried in order, the one saved as the model (null when none), the
 * saved model's scores on the job's test data (null without test data or a model), and its times.
 *
 * @param modelFailure why saving a model failed, when one did (a later row may still have been saved); null if none
 * @param refitSeconds from the stage's start to the end of its last refit; NaN when it tried none
 * @param saveSeconds  the last save's time; NaN when it saved nothing
 */
record FinishResult(List<RefitAttempt> attempts, RefitAttempt saved, TestScores test, String modelFailure,
                    double refitSeconds, double saveSeconds) {

    FinishResult {
        attempts = List.copyOf(attempts);
    }

    /** A run without a completed trial has nothing to finish. */
    static FinishResult nothing() {
        return new FinishResult(List.of(), null, null, null, Double.NaN, Double.NaN);
    }

    /** The saved model's metrics on the job's test_data. */
    record TestScores(int rows, Map<String, Double> metrics) {
    }
}
