package dev.automl.algorithms.linear;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.FiniteFeatures;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Hyperparameter;
import dev.automl.algorithms.KnownParams;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.LibraryThreads;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Priors;
import dev.automl.algorithms.SearchSpace;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Azure's {@code LogisticRegression}, fitted by Smile with L-BFGS: binomial for two classes, multinomial for more,
 * with an L2 penalty. Sample weights are not supported by Smile's solver and are ignored.
 *
 * <p>Hyperparameters: {@code lambda}, the L2 penalty on the summed log-likelihood, so scikit-learn's
 * {@code C = 1 / lambda} (default 0.01); {@code tol} (default 1e-5) and {@code max_iter} (default 500), Smile's.
 */
public final class LogisticRegression implements Learner {

    public static final String NAME = "LogisticRegression";

    private static final Set<String> KNOWN = Set.of("lambda", "tol", "max_iter");
    /** L-BFGS evaluates objective and gradient together, one data pass per score, usually once or twice an iteration. */
    private static final double PASSES_PER_ITERATION = 2;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Task> tasks() {
        return Set.of(Task.CLASSIFICATION);
    }

    @Override
    public FeatureView view() {
        return FeatureView.LINEAR;
    }

    @Override
    public double relativeCost() {
        return 0.5;
    }

    @Override
    public SearchSpace space(Task task, DataShape shape) {
        return SearchSpace.of(new Hyperparameter.RealRange("lambda", 1e-4, 10, true));
    }

    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        // From weak to strong regularisation; lambda 1 is scikit-learn's default C = 1.
        return List.of(Params.empty(), Params.of("lambda", 1.0), Params.of("lambda", 10.0), Params.of("lambda", 1e-4));
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        if (train.y().task() != Task.CLASSIFICATION) {
            throw new IllegalArgumentException(NAME + " is for classification");
        }
        KnownParams.require(NAME, params, KNOWN);
        FiniteFeatures.require(train.x());
        Params resolved = Params.of("lambda", 0.01, "tol", 1e-5, "max_iter", 500).merge(params);
        double lambda = resolved.getDouble("lambda", 0.01);
        double tol = resolved.getDouble("tol", 1e-5);
        int maxIter = resolved.getInt("max_iter", 500);
        if (!(lambda >= 0) || !(tol > 0) || maxIter < 1) {
            throw new IllegalArgumentException(NAME + ": lambda must be >= 0, tol > 0 and max_iter >= 1, got " + resolved);
        }
        int numClasses = train.y().numClasses();
        int p = train.x().cols();
        double[] prior = Priors.of(train.y());
        ClassIndex ci = ClassIndex.of(train.y());
        if (ci.present().length < 2) {
            return constant(train, prior, resolved);
        }
        double[][] x = train.x().toDoubleRows();
        int scores = ci.present().length == 2 ? 1 : ci.present().length - 1;
        int iterations = IterationBudget.iterations(ctx.deadline(), x, scores, PASSES_PER_ITERATION, maxIter);
        if (iterations < 1) {
            return constant(train, prior, resolved.with("max_iter", 0));
        }
        smile.classification.LogisticRegression lr = LibraryThreads.call(ctx.threads(),
                () -> SmileLogistic.fit(x, ci, lambda, tol, iterations));
        return SmileLogistic.toModel(NAME, lr, ci, numClasses, p, prior, resolved.with("max_iter", iterations));
    }

    private static LinearModel constant(TrainingData train, double[] prior, Params fitted) {
        return new LinearModel(NAME, Task.CLASSIFICATION, LinearModel.Kind.CONSTANT, train.y().numClasses(),
                train.x().cols(), new int[0], new double[0][], new double[0], prior, fitted);
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return LinearModel.load(dir, NAME, task, numClasses);
    }
}
