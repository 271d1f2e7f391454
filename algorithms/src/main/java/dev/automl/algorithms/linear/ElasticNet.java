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
 * Azure's {@code ElasticNet} regression, fitted by Smile (its LASSO at {@code l1_ratio} 1 and ridge regression at
 * 0). Sample weights are not supported by Smile and are ignored; columns constant on the training rows get
 * coefficient 0, since Smile divides by each column's standard deviation.
 *
 * <p>Hyperparameters, scikit-learn's: {@code alpha} (default 0.01), {@code l1_ratio} (default 0.5), and Smile's
 * interior-point solver's {@code tol} (default 1e-4) and {@code max_iter} (default 1000).
 */
public final class ElasticNet implements Learner {

    public static final String NAME = "ElasticNet";

    /** Each interior-point iteration solves a Newton system by conjugate gradients: about ten data passes (measured). */
    private static final double PASSES_PER_ITERATION = 10;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Task> tasks() {
        return Set.of(Task.REGRESSION);
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
        return SearchSpace.of(new Hyperparameter.RealRange(Options.ALPHA, 1e-5, 10, true),
                new Hyperparameter.RealRange(Options.L1_RATIO, 0.0, 1.0, false));
    }

    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        return List.of(Params.empty(), Params.of(Options.ALPHA, 0.1), Params.of(Options.ALPHA, 1.0),
                Params.of(Options.ALPHA, 0.01, Options.L1_RATIO, 1.0), Params.of(Options.ALPHA, 1e-4));
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        if (train.y().task() != Task.REGRESSION) {
            throw new IllegalArgumentException(NAME + " is for regression");
        }
        Options options = Options.of(params);
        FiniteFeatures.require(train.x());
        int p = train.x().cols();
        double[] mean = Priors.of(train.y());
        double[][] all = train.x().toDoubleRows();
        int[] varying = VaryingColumns.of(all);
        if (varying.length == 0 || train.x().rows() < 2) {
            return new LinearModel(NAME, Task.REGRESSION, LinearModel.Kind.REGRESSION, 0, p, new int[0],
                    new double[][] {new double[p]}, new double[] {mean[0]}, mean, options.toParams())
                    .withFeatureMeans(train.x());
        }
        double[][] x = VaryingColumns.select(all, varying);
        double[] y = train.y().y().clone();
        int iterations = options.l1Ratio() <= 0 ? options.maxIter()
                : IterationBudget.iterations(ctx.deadline(), x, 1, PASSES_PER_ITERATION, options.maxIter());
        if (iterations < 1 || ctx.deadline().expired()) {
            return new LinearModel(NAME, Task.REGRESSION, LinearModel.Kind.CONSTANT, 0, p, new int[0], new double[0][],
                    new double[0], mean, options.withMaxIter(0).toParams());
        }
        smile.regression.LinearModel fitted = LibraryThreads.call(ctx.threads(),
                () -> SmileElasticNet.fit(x, y, options.alpha(), options.l1Ratio(), options.tol(), iterations));
        return toModel(fitted, varying, p, mean, options.withMaxIter(iterations).toParams())
                .withFeatureMeans(train.x());
    }

    static LinearModel toModel(smile.regression.LinearModel fitted, int[] varying, int p, double[] mean,
                               Params resolved) {
        double[] w = new double[p];
        double[] c = fitted.coefficients();
        for (int i = 0; i < varying.length; i++) {
            w[varying[i]] = c[i];
        }
        return new LinearModel(NAME, Task.REGRESSION, LinearModel.Kind.REGRESSION, 0, p, new int[0],
                new double[][] {w}, new double[] {fitted.intercept()}, mean, resolved);
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return LinearModel.load(dir, NAME, task, numClasses);
    }

    /**
     * ElasticNet's hyperparameters with their defaults applied: scikit-learn's penalty and mix, and Smile's
     * interior-point tolerance and iteration cap.
     */
    record Options(double alpha, double l1Ratio, double tol, int maxIter) {

        static final String ALPHA = "alpha";
        static final String L1_RATIO = "l1_ratio";
        static final String TOL = "tol";
        static final String MAX_ITER = "max_iter";
        static final Set<String> KEYS = Set.of(ALPHA, L1_RATIO, TOL, MAX_ITER);

        static Options of(Params params) {
            KnownParams.require(NAME, params, KEYS);
            Options options = new Options(params.getDouble(ALPHA, 0.01), params.getDouble(L1_RATIO, 0.5),
                    params.getDouble(TOL, 1e-4), params.getInt(MAX_ITER, 1000));
            if (!(options.alpha > 0) || !(options.l1Ratio >= 0 && options.l1Ratio <= 1) || !(options.tol > 0)
                    || options.maxIter < 1) {
                throw new IllegalArgumentException(NAME + ": alpha must be > 0, l1_ratio in [0, 1], tol > 0 and "
                        + "max_iter >= 1, got " + options.toParams());
            }
            return options;
        }

        /** The same fit with another iteration cap, as fitting records what the deadline allowed. */
        Options withMaxIter(int iterations) {
            return new Options(alpha, l1Ratio, tol, iterations);
        }

        /** Every hyperparameter, defaults included, as fitted params record them. */
        Params toParams() {
            return Params.of(ALPHA, alpha, L1_RATIO, l1Ratio, TOL, tol, MAX_ITER, maxIter);
        }
    }
}
