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
        return SearchSpace.of(new Hyperparameter.RealRange(Options.LAMBDA, 1e-4, 10, true));
    }

    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        // From weak to strong regularisation; lambda 1 is scikit-learn's default C = 1.
        return List.of(Params.empty(), Params.of(Options.LAMBDA, 1.0), Params.of(Options.LAMBDA, 10.0),
                Params.of(Options.LAMBDA, 1e-4));
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        if (train.y().task() != Task.CLASSIFICATION) {
            throw new IllegalArgumentException(NAME + " is for classification");
        }
        Options options = Options.of(params);
        FiniteFeatures.require(train.x());
        int numClasses = train.y().numClasses();
        int p = train.x().cols();
        double[] prior = Priors.of(train.y());
        ClassIndex ci = ClassIndex.of(train.y());
        if (ci.present().length < 2) {
            return constant(train, prior, options.toParams());
        }
        double[][] x = train.x().toDoubleRows();
        int scores = ci.present().length == 2 ? 1 : ci.present().length - 1;
        int iterations = IterationBudget.iterations(ctx.deadline(), x, scores, PASSES_PER_ITERATION,
                options.maxIter());
        if (iterations < 1) {
            return constant(train, prior, options.withMaxIter(0).toParams());
        }
        smile.classification.LogisticRegression lr = LibraryThreads.call(ctx.threads(),
                () -> SmileLogistic.fit(x, ci, options.lambda(), options.tol(), iterations));
        return SmileLogistic.toModel(NAME, lr, ci, numClasses, p, prior, options.withMaxIter(iterations).toParams())
                .withFeatureMeans(train.x());
    }

    private static LinearModel constant(TrainingData train, double[] prior, Params fitted) {
        return new LinearModel(NAME, Task.CLASSIFICATION, LinearModel.Kind.CONSTANT, train.y().numClasses(),
                train.x().cols(), new int[0], new double[0][], new double[0], prior, fitted);
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return LinearModel.load(dir, NAME, task, numClasses);
    }

    /**
     * LogisticRegression's hyperparameters with their defaults applied: the L2 penalty and Smile's L-BFGS tolerance
     * and iteration cap.
     */
    record Options(double lambda, double tol, int maxIter) {

        static final String LAMBDA = "lambda";
        static final String TOL = "tol";
        static final String MAX_ITER = "max_iter";
        static final Set<String> KEYS = Set.of(LAMBDA, TOL, MAX_ITER);

        static Options of(Params params) {
            KnownParams.require(NAME, params, KEYS);
            Options options = new Options(params.getDouble(LAMBDA, 0.01), params.getDouble(TOL, 1e-5),
                    params.getInt(MAX_ITER, 500));
            if (!(options.lambda >= 0) || !(options.tol > 0) || options.maxIter < 1) {
                throw new IllegalArgumentException(NAME + ": lambda must be >= 0, tol > 0 and max_iter >= 1, got "
                        + options.toParams());
            }
            return options;
        }

        /** The same fit with another iteration cap, as fitting records what the deadline allowed. */
        Options withMaxIter(int iterations) {
            return new Options(lambda, tol, iterations);
        }

        /** Every hyperparameter, defaults included, as fitted params record them. */
        Params toParams() {
            return Params.of(LAMBDA, lambda, TOL, tol, MAX_ITER, maxIter);
        }
    }
}
