package dev.automl.algorithms.linear;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.FiniteFeatures;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Hyperparameter;
import dev.automl.algorithms.KnownParams;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Priors;
import dev.automl.algorithms.SearchSpace;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.tribuo.ClassWeights;
import dev.automl.algorithms.tribuo.TribuoExamples;
import dev.automl.algorithms.tribuo.TribuoModel;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.tribuo.Model;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;

/**
 * Azure's {@code LinearSVM}: scikit-learn's LinearSVC objective, LIBLINEAR's L2-regularised squared-hinge support
 * vector classifier, one class against the rest, through Tribuo. Its margins become probabilities by
 * {@link TribuoModel#calibrated}. Sample weights are not supported by LIBLINEAR and are ignored; class weights are.
 * The training feature means are saved with the model for its contributions ({@link TribuoModel#contributions}).
 *
 * <p>It is solved in the primal by LIBLINEAR's Newton method ({@code -s 2}), not in the dual as scikit-learn does:
 * the same problem with the same optimum, but LIBLINEAR 2.44's dual solver ignores the iteration cap (it runs up to
 * 300 passes, then goes on in the primal), so a deadline could not bound it.
 *
 * <p>Hyperparameters, scikit-learn's: {@code C} (default 1), {@code class_weight} (none or balanced), {@code tol}
 * (default 1e-4) and {@code max_iter} (Newton iterations, default 1000), cut to what the deadline allows.
 */
public final class LinearSvm implements Learner {

    public static final String NAME = "LinearSVM";

    /**
     * A Newton iteration evaluates the function and gradient and runs a conjugate-gradient solve, each step of which
     * is a Hessian product over the rows: SgdEpochBench measured 21 (C = 1) to 30 (C = 100) of
     * {@link IterationBudget}'s dense passes per iteration and class on 50,000 covertype rows, plus about 70 for
     * Tribuo's conversion and the calibration, which the margin covers.
     */
    private static final double PASSES_PER_ITERATION = 40;

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

    /** Logistic regression fits the same kind of boundary with probabilities of its own; this runs when allowed. */
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
        return SearchSpace.of(new Hyperparameter.RealRange(Options.C, 1e-3, 100, true),
                new Hyperparameter.Choice(Options.CLASS_WEIGHT, ClassWeights.Mode.choices()));
    }

    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        return List.of(Params.empty(), Params.of(Options.C, 0.1),
                Params.of(Options.C, 0.01, Options.CLASS_WEIGHT, ClassWeights.Mode.BALANCED.value()),
                Params.of(Options.C, 10.0));
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        if (train.y().task() != Task.CLASSIFICATION) {
            throw new IllegalArgumentException(NAME + " is for classification");
        }
        Options options = Options.of(params);
        FiniteFeatures.require(train.x());
        boolean balanced = options.classWeight().balanced();
        int k = train.y().numClasses();
        int affordable = IterationBudget.iterations(ctx.deadline(), train.x().toDoubleRows(), k == 2 ? 1 : k,
                PASSES_PER_ITERATION, options.maxIter());
        // A lower iteration cap still gives a whole model, usually converged; only no time at all counts as cut.
        int run = Math.max(1, affordable);
        LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L2R_L2LOSS_SVC), options.c(), run,
                options.tol(), ctx.seed());
        trainer.setLabelWeights(ClassWeights.labels(train.y(), balanced));
        Model<?> model = trainer.train(TribuoExamples.classification(train.x(), train.y(), null, null));
        TribuoModel.Settings s = new TribuoModel.Settings(NAME, Task.CLASSIFICATION, TribuoModel.Settings.Shape.of(train),
                TribuoModel.Settings.Output.probabilities(Priors.of(train.y()), false), null,
                TribuoModel.Settings.Fit.of(options.withMaxIter(run).toParams(), affordable < 1));
        return TribuoModel.calibrated(model, s, train.x(), train.y().classes(), ClassWeights.perRow(train.y(), balanced))
                .withFeatureMeans(train.x());
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return TribuoModel.load(dir, NAME, task, numClasses);
    }

    /**
     * LinearSVM's hyperparameters with scikit-learn's defaults applied: the cost, the class weights and LIBLINEAR's
     * tolerance and Newton iteration cap.
     */
    record Options(double c, ClassWeights.Mode classWeight, double tol, int maxIter) {

        static final String C = "C";
        static final String CLASS_WEIGHT = "class_weight";
        static final String TOL = "tol";
        static final String MAX_ITER = "max_iter";
        static final Set<String> KEYS = Set.of(C, CLASS_WEIGHT, TOL, MAX_ITER);

        static Options of(Params params) {
            KnownParams.require(NAME, params, KEYS);
            ClassWeights.Mode classWeight = ClassWeights.Mode.read(NAME, params, CLASS_WEIGHT);
            Options options = new Options(params.getDouble(C, 1.0), classWeight, params.getDouble(TOL, 1e-4),
                    params.getInt(MAX_ITER, 1000));
            if (!(options.c > 0) || !(options.tol > 0) || options.maxIter < 1) {
                throw new IllegalArgumentException(NAME + ": C and tol must be > 0 and max_iter >= 1, got "
                        + options.toParams());
            }
            return options;
        }

        /** The same fit with another iteration cap, as fitting records what the deadline allowed. */
        Options withMaxIter(int iterations) {
            return new Options(c, classWeight, tol, iterations);
        }

        /** Every hyperparameter, defaults included, as fitted params record them. */
        Params toParams() {
            return Params.of(C, c, CLASS_WEIGHT, classWeight.value(), TOL, tol, MAX_ITER, maxIter);
        }
    }
}
