package dev.automl.algorithms;

import dev.automl.featurization.FeatureMatrix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** A trained learner: predicts, saves itself as data files, and frees any native memory on close. */
public interface FittedModel extends AutoCloseable {

    Predictions predict(FeatureMatrix x);

    /**
     * Predictions for the validation rows that were passed to {@code fit}, when fitting produced them anyway (a
     * boosting library keeps them up to date for early stopping); empty otherwise. They must equal
     * {@code predict(valid.x())} up to floating-point rounding.
     */
    default Optional<Predictions> validationPredictions() {
        return Optional.empty();
    }

    /**
     * Whether the deadline ended fitting before it had done what the parameters asked (fewer boosting rounds or
     * trees, or a capped solver); the model is still usable, and the caller decides whether it counts.
     */
    default boolean stoppedByDeadline() {
        return false;
    }

    /**
     * The share of this fit's work that a refit with {@link #fittedParams()} repeats: below 1 when fitting did work
     * the refit skips, such as the boosting rounds past the best one that early stopping waited through.
     */
    default double refitShare() {
        return 1;
    }

    /**
     * What the leaderboard should say about how this model was fitted, such as the sample of rows a costly learner
     * kept; empty when there is nothing to say.
     */
    default String note() {
        return "";
    }

    /**
     * Exact additive contributions of each feature to each row's margin (SHAP values: TreeSHAP for tree models, the
     * coefficients times the centred features for linear ones), when the model can give them; empty otherwise, and
     * a model-agnostic method explains it instead.
     */
    default Optional<Contributions> contributions(FeatureMatrix x) {
        return Optional.empty();
    }

    /**
     * As {@link #contributions(FeatureMatrix)}, but empty once the deadline has passed: a model whose contributions
     * can take long (TreeSHAP over deep forests) checks it as it goes.
     */
    default Optional<Contributions> contributions(FeatureMatrix x, Deadline deadline) {
        return contributions(x);
    }

    /** Writes the model into an existing, empty directory, in the library's own format or JSON. */
    void save(Path dir) throws IOException;

    /**
     * The parameters to refit with on all data: the trial's parameters plus what fitting found, such as the
     * number of boosting rounds early stopping chose.
     */
    Params fittedParams();

    @Override
    default void close() {
    }
}
