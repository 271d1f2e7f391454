package dev.automl.algorithms.forest;

import dev.automl.algorithms.Contributions;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** A fitted RandomForest or ExtremeRandomTrees model: it predicts through its {@link TreeEnsemble}, fresh or loaded. */
final class ForestModel implements FittedModel {

    private final String learner;
    private final TreeEnsemble ensemble;
    private final Params fitted;
    private final boolean stoppedByDeadline;
    private final Predictions validation;

    ForestModel(String learner, TreeEnsemble ensemble, Params fitted, boolean stoppedByDeadline) {
        this(learner, ensemble, fitted, stoppedByDeadline, null);
    }

    private ForestModel(String learner, TreeEnsemble ensemble, Params fitted, boolean stoppedByDeadline,
                        Predictions validation) {
        this.learner = learner;
        this.ensemble = ensemble;
        this.fitted = fitted;
        this.stoppedByDeadline = stoppedByDeadline;
        this.validation = validation;
    }

    /** The same model, knowing its validation rows' predictions, which it built as it grew. */
    ForestModel withValidationPredictions(Predictions validation) {
        return new ForestModel(learner, ensemble, fitted, stoppedByDeadline, validation);
    }

    @Override
    public Optional<Predictions> validationPredictions() {
        return Optional.ofNullable(validation);
    }

    @Override
    public boolean stoppedByDeadline() {
        return stoppedByDeadline;
    }

    static ForestModel load(Path dir, String learner, Task task, int numClasses) throws IOException {
        ForestFile.Content c = ForestFile.read(dir);
        if (!c.header().learner().equals(learner)) {
            throw new IOException(dir + " holds a " + c.header().learner() + " model, not " + learner);
        }
        TreeEnsemble e = c.ensemble();
        if (e.task() != task || (task == Task.CLASSIFICATION && e.numClasses() != numClasses)) {
            throw new IOException(dir + " holds a " + e.task().id() + " model with " + e.numClasses()
                    + " classes, expected " + task.id() + (task == Task.CLASSIFICATION ? " with " + numClasses : ""));
        }
        return new ForestModel(learner, e, c.header().params(), false);
    }

    TreeEnsemble ensemble() {
        return ensemble;
    }

    @Override
    public Predictions predict(FeatureMatrix x) {
        return ensemble.predict(x);
    }

    /**
     * TreeSHAP values, the trees' weighted mean. Regression has one output, the predicted value. Classification has
     * one output per class, binary included, whose margin is the probability the forest predicts for that class
     * (equal to the prediction up to the leaves' rounding to float, within about 1e-7): a forest averages
     * probabilities and has no log-odds to explain. The base is the trees' weighted mean of their expected values,
     * each the cover-weighted mean of its leaves. Empty for models loaded from version-2 files, which have no covers.
     */
    @Override
    public Optional<Contributions> contributions(FeatureMatrix x) {
        return ensemble.contributions(x, Deadline.never());
    }

    /** Checked after every tree and row: a fully grown forest can take seconds a row. */
    @Override
    public Optional<Contributions> contributions(FeatureMatrix x, Deadline deadline) {
        return ensemble.contributions(x, deadline);
    }

    @Override
    public void save(Path dir) throws IOException {
        ForestFile.write(dir, new ForestFile.Header(learner, fitted), ensemble);
    }

    @Override
    public Params fittedParams() {
        return fitted;
    }
}
