package dev.automl.engine.model;

import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.data.Table;
import dev.automl.featurization.FeatureView;
import dev.automl.featurization.FittedFeaturizer;
import dev.automl.featurization.TargetEncoding;

/** A fitted featurizer and a fitted learner: raw rows in, predictions out. */
public final class TrainedPipeline implements AutoCloseable {

    private final FittedFeaturizer featurizer;
    private final TargetEncoding target;
    private final Learner learner;
    private final Params params;
    private final FittedModel model;

    public TrainedPipeline(FittedFeaturizer featurizer, TargetEncoding target, Learner learner, Params params,
                           FittedModel model) {
        this.featurizer = featurizer;
        this.target = target;
        this.learner = learner;
        this.params = params;
        this.model = model;
    }

    public Predictions predict(Table raw) {
        return model.predict(featurizer.transform(raw, null, learner.view()));
    }

    public FittedFeaturizer featurizer() {
        return featurizer;
    }

    public TargetEncoding target() {
        return target;
    }

    public Learner learner() {
        return learner;
    }

    public Params params() {
        return params;
    }

    public FittedModel model() {
        return model;
    }

    public FeatureView view() {
        return learner.view();
    }

    @Override
    public void close() {
        model.close();
    }
}
