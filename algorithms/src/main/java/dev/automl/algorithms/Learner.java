package dev.automl.algorithms;

import dev.automl.data.Task;
import dev.automl.featurization.FeatureView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One algorithm under its Azure name: it declares its search space, strong starting configurations and
 * relative cost, and fits models. Implementations are stateless and safe to share between threads.
 */
public interface Learner {

    /** The Azure AutoML algorithm name, such as {@code LightGBM} or {@code XGBoostClassifier}. */
    String name();

    Set<Task> tasks();

    FeatureView view();

    /**
     * Whether a job that names no allowed algorithms runs this learner. Learners that the forests and boosting
     * dominate on tabular data run only when {@code allowed_training_algorithms} names them, so that they take no
     * trials from better ones (AutoGluon and H2O leave them out of their defaults too).
     */
    default boolean inDefaultSearch() {
        return true;
    }

    /**
     * Whether fitting runs native code (LightGBM, XGBoost), whose crash would end the whole process: the engine fits
     * such learners in worker processes. A learner that says so is found in a worker by its name in
     * {@link LearnerCatalog#standard()} or, failing that, made with its class's no-argument constructor.
     */
    default boolean runsNativeCode() {
        return false;
    }

    /**
     * The Java heap a fit on {@code rows} rows of {@code features} features is expected to take at its peak,
     * beyond the feature matrix it is given: by default one copy of the rows as doubles, as Smile and Tribuo take
     * them. The engine runs a trial that would not fit its heap on a sample, or skips it with the reason.
     */
    default long heapBytes(int rows, int features, int numClasses, Params params) {
        return 8L * rows * features;
    }

    /** Training cost relative to LightGBM's default configuration on the same data (LightGBM = 1). */
    double relativeCost();

    SearchSpace space(Task task, DataShape shape);

    /** Strong configurations to try first, best first; the first is the cheap default start point. */
    List<Params> portfolio(Task task, DataShape shape);

    /**
     * Fits a model. Missing keys in {@code params} take the learner's defaults.
     *
     * @param valid rows the learner may early-stop on, or null; never used to fit
     * @param ctx   deadline, thread budget and seed; when the deadline passes the learner stops as soon as it
     *              can and returns what it has (the caller decides whether that counts)
     */
    FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx);

    /** Reads a model that {@link FittedModel#save} wrote. */
    FittedModel load(Path dir, Task task, int numClasses) throws IOException;
}
