package dev.automl.engine.run;

import dev.automl.engine.explain.PermutationImportance;

/**
 * What the explain stage leaves: the saved model's explanation, or why there is none.
 *
 * @param importance the importances; null when the model was not explained
 * @param skipped    why it was not explained; null when it was
 * @param rows       the rows it was explained on
 * @param sampled    whether those rows are a sample of the training rows
 * @param seconds    the stage's time; 0 when it did nothing
 */
record ExplainResult(PermutationImportance.Result importance, String skipped, int rows, boolean sampled,
                     double seconds) {

    static ExplainResult skipped(String why) {
        return new ExplainResult(null, why, 0, false, 0);
    }
}
