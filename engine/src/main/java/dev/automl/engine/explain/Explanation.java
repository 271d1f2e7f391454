package dev.automl.engine.explain;

import java.util.List;

/**
 * A saved model's global explanation: how it was measured, on how many rows, and each raw column's and engineered
 * feature's importance, most important first.
 *
 * @param classes    the classes {@link FeatureImportance#perClass()} refers to; empty when there are no per-class
 *                   figures
 * @param baseline   the permutation method's loss on the rows as they are; NaN for SHAP
 * @param base       SHAP's base value for each output (the expected margin); empty for permutation importance
 * @param repeats    the shuffles per column the permutation method measured; 1 for SHAP
 * @param cutShort   whether the deadline ended the permutation method's repeats early
 */
public record Explanation(Method method, int rows, int repeats, boolean cutShort, double baseline, List<Double> base,
                          List<String> classes, List<FeatureImportance> raw, List<FeatureImportance> engineered) {

    public Explanation {
        base = List.copyOf(base);
        classes = List.copyOf(classes);
        raw = List.copyOf(raw);
        engineered = List.copyOf(engineered);
    }

    /** How the importances were measured. */
    public enum Method {
        /** Exact additive contributions given by the model itself: TreeSHAP, or a linear model's terms. */
        SHAP("shap", "the mean absolute SHAP value over the rows, in the model's margin (log-odds for boosted"
                + " trees and logistic regression, probability for forests, the target's units for regression); a"
                + " raw column's value is that of the sum of its engineered features' contributions"),
        /**
         * Shapley values of the raw columns estimated by sampling orders of the columns against background rows,
         * for any model: each row's contributions add up to its output less the background rows' mean output.
         */
        SAMPLED_SHAPLEY("sampled_shapley", "the mean absolute Shapley value over the rows, in the model's"
                + " probabilities (classification) or values (regression), sampled against background rows"),
        /** The growth of the loss when a column is shuffled, for any model. */
        PERMUTATION_IMPORTANCE("permutation_importance", "the mean growth of the metric's loss when the column's"
                + " values are shuffled among the rows");

        private final String id;
        private final String meaning;

        Method(String id, String meaning) {
            this.id = id;
            this.meaning = meaning;
        }

        /** The name explanation.json and summary.json give it. */
        public String id() {
            return id;
        }

        /** What its importance means, for explanation.json. */
        public String meaning() {
            return meaning;
        }
    }
}
