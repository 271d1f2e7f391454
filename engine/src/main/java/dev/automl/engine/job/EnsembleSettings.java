package dev.automl.engine.job;

import java.util.Map;

/**
 * The job's ensemble options: Azure's {@code enable_vote_ensemble}, {@code enable_stack_ensemble} (both on by
 * default) and {@code stack_ensemble_settings}.
 *
 * @param metaLearnerType   Azure's {@code stack_meta_learner_type} (canonical spelling), or null for the task's default
 * @param metaLearnerKwargs {@code stack_meta_learner_kwargs}: hyperparameters of the meta-learner
 */
public record EnsembleSettings(boolean vote, boolean stack, String metaLearnerType, Map<String, Object> metaLearnerKwargs) {

    /** Azure's {@code StackMetaLearnerType} values. */
    public static final java.util.List<String> META_LEARNER_TYPES = java.util.List.of("LogisticRegression",
            "LogisticRegressionCV", "LightGBMClassifier", "ElasticNet", "ElasticNetCV", "LightGBMRegressor",
            "LinearRegression");

    public EnsembleSettings {
        metaLearnerKwargs = Map.copyOf(metaLearnerKwargs);
    }

    public static EnsembleSettings defaults() {
        return new EnsembleSettings(true, true, null, Map.of());
    }

    /** Azure's default for forecasting: a vote, no stack. */
    public static EnsembleSettings voteOnly() {
        return new EnsembleSettings(true, false, null, Map.of());
    }
}
