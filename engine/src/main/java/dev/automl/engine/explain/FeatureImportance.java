package dev.automl.engine.explain;

import java.util.List;

/**
 * One raw column's or engineered feature's global importance in an {@link Explanation}.
 *
 * @param name       the raw column or engineered feature
 * @param source     the raw column it comes from (itself for a raw column)
 * @param importance the explanation's measure of it (see {@link Explanation.Method})
 * @param std        its spread over the method's repeats; NaN when the method has no repeats
 * @param perClass   the measure for each class of {@link Explanation#classes()}; empty when the method gives none
 */
public record FeatureImportance(String name, String source, double importance, double std, List<Double> perClass) {

    public FeatureImportance {
        perClass = List.copyOf(perClass);
    }
}
