package dev.automl.engine.run;

import dev.automl.algorithms.TrainingData;
import dev.automl.engine.validation.Fold;
import dev.automl.engine.validation.ValidationPlan;
import dev.automl.featurization.FeatureView;
import dev.automl.featurization.FeaturizationSettings;
import dev.automl.featurization.Featurizer;
import dev.automl.featurization.FittedFeaturizer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Featurizes each fold once per feature view and keeps the result, so that every trial on the same fold and
 * view reuses the same matrices; the featurizer of a fold is fitted on that fold's training rows only.
 */
public final class FeatureCache {

    private final JobData data;
    private final ValidationPlan plan;
    private final Featurizer featurizer;
    private final ConcurrentMap<Integer, FittedFeaturizer> fitted = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, FoldFeatures> features = new ConcurrentHashMap<>();

    public FeatureCache(JobData data, ValidationPlan plan, FeaturizationSettings settings) {
        this.data = data;
        this.plan = plan;
        this.featurizer = new Featurizer(settings);
    }

    public FoldFeatures get(int fold, FeatureView view) {
        return features.computeIfAbsent(fold + "/" + view, k -> build(fold, view));
    }

    public FittedFeaturizer featurizer(int fold) {
        return fitted.computeIfAbsent(fold, f -> featurizer.fit(data.features(), plan.folds().get(f).train()));
    }

    private FoldFeatures build(int fold, FeatureView view) {
        Fold f = plan.folds().get(fold);
        FittedFeaturizer ff = featurizer(fold);
        TrainingData train = new TrainingData(ff.transform(data.features(), f.train(), view), data.target().select(f.train()));
        TrainingData valid = new TrainingData(ff.transform(data.features(), f.valid(), view), data.target().select(f.valid()));
        return new FoldFeatures(train, valid);
    }
}
