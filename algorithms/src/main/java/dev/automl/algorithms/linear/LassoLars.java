package dev.automl.algorithms.linear;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.FiniteFeatures;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Hyperparameter;
import dev.automl.algorithms.KnownParams;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.SearchSpace;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.tribuo.TribuoExamples;
import dev.automl.algorithms.tribuo.TribuoModel;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.tribuo.Model;
import org.tribuo.regression.slm.LARSLassoTrainer;

/**
 * Azure's {@code LassoLars}: the lasso fitted by least-angle regression (Efron et al. 2004) in Tribuo, which walks
 * the lasso path from no feature to all and stops when {@code n_nonzero_coefs} features are active, so the path's
 * length plays the part of scikit-learn's {@code alpha}. Tribuo centres and scales the columns and fits the
 * standardised target. Sample weights are not supported and are ignored. The training feature means are saved
 * with the model for its contributions ({@link TribuoModel#contributions}).
 *
 * <p>Hyperparameter: {@code n_nonzero_coefs} (default: every feature, at most 1,000), cut to the path steps the
 * deadline allows.
 */
public final class LassoLars implements Learner {

    public static final String NAME = "LassoLars";

    /** The longest path walked: each step costs a data pass and a solve with every active feature. */
    private static final int MAX_STEPS = 1000;
    /** Each step correlates every feature with the residual and updates the active set's direction. */
    private static final double PASSES_PER_STEP = 2;

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

    /** The elastic net covers the lasso path with a convex solver; this one runs when allowed by name. */
    @Override
    public boolean inDefaultSearch() {
        return false;
    }

    @Override
    public long heapBytes(int rows, int features, int numClasses, Params params) {
        return TribuoExamples.HEAP_BYTES_PER_VALUE * rows * features;
    }

    @Override
    public double relativeCost() {
        return 0.5;
    }

    @Override
    public SearchSpace space(Task task, DataShape shape) {
        return SearchSpace.of(new Hyperparameter.IntRange(Options.N_NONZERO_COEFS, 1,
                Math.max(1, Math.min(MAX_STEPS, shape.features())), true));
    }

    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        int p = Math.max(1, Math.min(MAX_STEPS, shape.features()));
        return List.of(Params.empty(), Options.steps(Math.max(1, p / 2)).toParams(),
                Options.steps(Math.max(1, p / 5)).toParams(), Options.steps(Math.min(p, 10)).toParams());
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        if (train.y().task() != Task.REGRESSION) {
            throw new IllegalArgumentException(NAME + " is for regression");
        }
        Options options = Options.of(params);
        FiniteFeatures.require(train.x());
        int p = train.x().cols();
        int wanted = Math.min(options.wanted(p), Math.max(1, p));
        // A shorter path is a whole lasso model with fewer features; only no time for one step counts as cut.
        int affordable = IterationBudget.iterations(ctx.deadline(), train.x().toDoubleRows(), 1, PASSES_PER_STEP, wanted);
        int steps = Math.max(1, affordable);
        double[] scale = TargetScale.of(train.y());
        Model<?> model = new LARSLassoTrainer(steps).train(TribuoExamples.regression(train.x(), train.y(), scale[0], scale[1]));
        return new TribuoModel(model, new TribuoModel.Settings(NAME, Task.REGRESSION, TribuoModel.Settings.Shape.of(train),
                TribuoModel.Settings.Output.scaledBack(scale[0], scale[1]), null,
                TribuoModel.Settings.Fit.of(Options.steps(steps).toParams(), affordable < 1)))
                .withFeatureMeans(train.x());
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return TribuoModel.load(dir, NAME, task, numClasses);
    }

    /**
     * LassoLars' one hyperparameter: the features the path may make active, or empty for every feature up to
     * {@link #MAX_STEPS}, which only the data can say.
     */
    record Options(OptionalInt nNonzeroCoefs) {

        static final String N_NONZERO_COEFS = "n_nonzero_coefs";
        static final Set<String> KEYS = Set.of(N_NONZERO_COEFS);

        static Options of(Params params) {
            KnownParams.require(NAME, params, KEYS);
            if (!params.has(N_NONZERO_COEFS)) {
                return new Options(OptionalInt.empty());
            }
            return steps(requirePositive(params.getInt(N_NONZERO_COEFS, 0)));
        }

        static Options steps(int steps) {
            return new Options(OptionalInt.of(steps));
        }

        /** The steps asked for on data of {@code features} columns. */
        int wanted(int features) {
            return requirePositive(nNonzeroCoefs.orElse(Math.min(MAX_STEPS, features)));
        }

        private static int requirePositive(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException(NAME + ": n_nonzero_coefs must be at least 1, got " + steps);
            }
            return steps;
        }

        /** The hyperparameter as given; absent when it is the data's default. */
        Params toParams() {
            return nNonzeroCoefs.isPresent() ? Params.of(N_NONZERO_COEFS, nNonzeroCoefs.getAsInt()) : Params.empty();
        }
    }
}
