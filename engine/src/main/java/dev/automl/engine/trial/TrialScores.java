package dev.automl.engine.trial;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a row scored on the validation rows.
 *
 * @param metrics          every metric of the task, by Azure's name
 * @param primary          the primary metric's value; NaN when the row did not complete
 * @param validPredictions the validation predictions, aligned with {@code ValidationPlan.scoredRows()} (row-major
 *                         probabilities for classification); null unless they cover every validation row
 */
public record TrialScores(Map<String, Double> metrics, double primary, double[] validPredictions) {

    /** A row without scores: it failed or timed out. */
    public static final TrialScores NONE = new TrialScores(Map.of(), Double.NaN, null);

    public TrialScores {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
