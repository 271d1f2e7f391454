package dev.automl.engine.run;

import dev.automl.engine.explain.Explanation;

/**
 * What the explain stage leaves: the saved model's explanation, or why there is none.
 *
 * @param explanation the explanation; null when the model was not explained
 * @param skipped    why it was not explained; null when it was
 * @param rows       the rows it was explained on
 * @param rowsAre    which rows those are, for summary.json and explanation.json
 * @param seconds    the stage's time; 0 when it did nothing
 */
record ExplainResult(Explanation explanation, String skipped, int rows, String rowsAre,
                     double seconds) {

    static ExplainResult skipped(String why) {
        return new ExplainResult(null, why, 0, null, 0);
    }
}
