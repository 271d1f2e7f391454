package dev.automl.engine.worker;

import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.ForwardingLearner;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;

/** A learner that fits in the pool's worker processes and is the wrapped learner in every other respect. */
final class IsolatedLearner extends ForwardingLearner {

    private final WorkerPool pool;

    IsolatedLearner(Learner inner, WorkerPool pool) {
        super(inner);
        this.pool = pool;
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        return pool.fit(inner(), train, valid, params, ctx);
    }
}
