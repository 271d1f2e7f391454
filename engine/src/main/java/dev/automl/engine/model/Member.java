package dev.automl.engine.model;

import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;

/** One fitted learner of a pipeline, with the hyperparameters it was fitted with. */
public record Member(Learner learner, Params params, FittedModel model) implements AutoCloseable {

    @Override
    public void close() {
        model.close();
    }
}
