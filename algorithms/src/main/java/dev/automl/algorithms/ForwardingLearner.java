package dev.automl.algorithms;

import dev.automl.data.Task;
import dev.automl.featurization.FeatureView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A learner that is another learner in every respect its subclass does not override: the base of decorators. */
public abstract class ForwardingLearner implements Learner {

    private final Learner inner;

    protected ForwardingLearner(Learner inner) {
        this.inner = inner;
    }

    /** The learner this one forwards to. */
    protected final Learner inner() {
        return inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Set<Task> tasks() {
        return inner.tasks();
    }

    @Override
    public FeatureView view() {
        return inner.view();
    }

    @Override
    public boolean inDefaultSearch() {
        return inner.inDefaultSearch();
    }

    @Override
    public boolean runsNativeCode() {
        return inner.runsNativeCode();
    }

    @Override
    public long heapBytes(int rows, int features, int numClasses, Params params) {
        return inner.heapBytes(rows, features, numClasses, params);
    }

    @Override
    public double relativeCost() {
        return inner.relativeCost();
    }

    @Override
    public SearchSpace space(Task task, DataShape shape) {
        return inner.space(task, shape);
    }

    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        return inner.portfolio(task, shape);
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        return inner.fit(train, valid, params, ctx);
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return inner.load(dir, task, numClasses);
    }
}
