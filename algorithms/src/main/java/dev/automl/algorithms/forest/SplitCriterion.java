package dev.automl.algorithms.forest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Scores candidate cuts of one tree node and gives its leaf value. An instance keeps scratch sums, so each tree
 * being grown needs its own.
 *
 * <p>Scores are proxies as in scikit-learn: they rank the cuts of one node as the impurity decrease would, without
 * the terms that are the same for every cut of that node.
 */
abstract class SplitCriterion {

    /** The criteria by their hyperparameter names; only the classification ones can be chosen. */
    enum Kind {
        GINI, ENTROPY, VARIANCE;

        SplitCriterion create(int numClasses) {
            return this == VARIANCE ? new VarianceReduction() : new ClassImpurity(numClasses, this == ENTROPY);
        }

        /** The hyperparameter value, scikit-learn's name. */
        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The classification criterion spelt exactly {@code key}, if there is one. */
        static Optional<Kind> forClasses(String key) {
            return Stream.of(GINI, ENTROPY).filter(k -> k.key().equals(key)).findFirst();
        }

        /** The choices a classification search space offers. */
        static List<Object> classificationKeys() {
            return List.of(GINI.key(), ENTROPY.key());
        }
    }

    /**
     * Sums the targets of the node's rows {@code [start, end)}.
     *
     * @return whether the targets vary, i.e. whether splitting could gain anything
     */
    abstract boolean node(double[] y, double[] w, int start, int end);

    /**
     * The score of sending the node's rows with {@code x[i] <= cut} left, higher is better; negative infinity when a
     * child would get fewer than {@code minLeaf} rows. {@link #node} must have been called for the same rows.
     */
    abstract double score(float[] x, double[] y, double[] w, int start, int end, float cut, int minLeaf);

    /** The leaf value of the node last given to {@link #node}; the array is reused. */
    abstract double[] leaf();

    /** The total weight of the rows of the node last given to {@link #node}: its cover, should it be a leaf. */
    abstract double weight();
}
