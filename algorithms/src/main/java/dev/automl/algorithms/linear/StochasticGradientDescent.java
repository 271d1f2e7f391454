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
import org.tribuo.classification.sgd.LabelObjective;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGradRDA;
import org.tribuo.regression.sgd.RegressionObjective;
import org.tribuo.regression.sgd.objectives.AbsoluteLoss;
import org.tribuo.regression.sgd.objectives.Huber;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Azure's {@code SGD} for classification and regression: a linear model fitted by Tribuo's stochastic gradient
 * descent, one row at a time in a seeded shuffled order, with AdaGrad steps and elastic-net penalties by regularised
 * dual averaging. Sample weights (and balanced class weights) weigh each row's step. Regression fits the
 * standardised target, since one step size cannot suit targets in the thousands and in the thousandths.
 *
 * <p>Hyperparameters (scikit-learn's names where they mean the same): {@code loss} ("log" or "hinge";
 * "squared_error", "huber" or "absolute_error"), {@code alpha} (penalty per row, default 1e-4), {@code l1_ratio}
 * (default 0), {@code learning_rate} (AdaGrad's initial rate, default 0.1), {@code epochs} (default 20) and, for
 * classification, {@code class_weight}. Hinge loss gives margins, turned into probabilities by
 * {@link TribuoModel#calibrated}. Epochs are cut to what the deadline allows.
 */
public final class StochasticGradientDescent implements Learner {

    public static final String NAME = "SGD";

    private static final Set<String> KNOWN = Set.of("loss", "alpha", "l1_ratio", "learning_rate", "epochs", "class_weight");
    /**
     * One epoch costs about this many of {@link IterationBudget}'s data passes per output: Tribuo predicts, takes
     * the gradient and updates its AdaGrad state row by row through sparse vectors. SgdEpochBench measured 9 to 11
     * on 50,000 covertype rows, and 41 on the first, cold fit; the cold figure is the one to keep within.
     */
    private static final double PASSES_PER_EPOCH = 40;
    private static final double RDA_EPSILON = 1e-6;
    private static final double HUBER_DELTA = 1.35;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Task> tasks() {
        return Set.of(Task.CLASSIFICATION, Task.REGRESSION);
    }

    @Override
    public FeatureView view() {
        return FeatureView.LINEAR;
    }

    /** Logistic regression and elastic net fit the same models to convergence; this one runs when allowed by name. */
    @Override
    public boolean inDefaultSearch() {
        return false;
    }

    @Override
    public double relativeCost() {
        return 0.5;
    }

    @Override
    public SearchSpace space(Task task, DataShape shape) {
        List<Hyperparameter> space = new java.util.ArrayList<>(List.of(
                new Hyperparameter.Choice("loss", task == Task.CLASSIFICATION ? List.of("log", "hinge")
                        : List.of("squared_error", "huber", "absolute_error")),
                new Hyperparameter.RealRange("alpha", 1e-7, 1e-1, true),
                new Hyperparameter.RealRange("l1_ratio", 0.0, 1.0, false),
                new Hyperparameter.RealRange("learning_rate", 0.01, 1.0, true),
                new Hyperparameter.IntRange("epochs", 5, 50, true)));
        if (task == Task.CLASSIFICATION) {
            space.add(new Hyperparameter.Choice("class_weight", List.of(ClassWeights.NONE, ClassWeights.BALANCED)));
        }
        return new SearchSpace(space);
    }

    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        if (task == Task.CLASSIFICATION) {
            return List.of(Params.empty(), Params.of("loss", "hinge"), Params.of("class_weight", ClassWeights.BALANCED),
                    Params.of("alpha", 1e-3, "l1_ratio", 0.5));
        }
        return List.of(Params.empty(), Params.of("loss", "huber"), Params.of("alpha", 1e-2, "l1_ratio", 0.5));
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        KnownParams.require(NAME, params, KNOWN);
        FiniteFeatures.require(train.x());
        Task task = train.y().task();
        Params resolved = Params.of("loss", task == Task.CLASSIFICATION ? "log" : "squared_error", "alpha", 1e-4,
                "l1_ratio", 0.0, "learning_rate", 0.1, "epochs", 20).merge(params);
        if (task == Task.CLASSIFICATION) {
            resolved = Params.of("class_weight", ClassWeights.NONE).merge(resolved);
        } else if (params.has("class_weight")) {
            throw new IllegalArgumentException(NAME + ": class_weight is for classification");
        }
        double alpha = resolved.getDouble("alpha", 1e-4);
        double l1Ratio = resolved.getDouble("l1_ratio", 0);
        double rate = resolved.getDouble("learning_rate", 0.1);
        int epochs = resolved.getInt("epochs", 20);
        if (!(alpha >= 0) || !(l1Ratio >= 0 && l1Ratio <= 1) || !(rate > 0) || epochs < 1) {
            throw new IllegalArgumentException(NAME + ": alpha must be >= 0, l1_ratio in [0, 1], learning_rate > 0 and "
                    + "epochs >= 1, got " + resolved);
        }
        int n = Math.max(1, train.x().rows());
        int outputs = task == Task.CLASSIFICATION ? train.y().numClasses() : 1;
        int affordable = IterationBudget.iterations(ctx.deadline(), train.x().toDoubleRows(), outputs, PASSES_PER_EPOCH, epochs);
        // Fewer epochs than asked still make a whole model, recorded in the fitted epochs (a refit repeats them);
        // only a deadline that leaves no time for one counts as cut short.
        int run = Math.max(1, affordable);
        boolean cut = affordable < 1;
        Params fitted = resolved.with("epochs", run);
        // Regularised dual averaging divides the penalties by numExamples at each step: n * alpha per row's step.
        AdaGradRDA optimiser = new AdaGradRDA(rate, RDA_EPSILON, n * alpha * l1Ratio, n * alpha * (1 - l1Ratio), n);
        String loss = resolved.getString("loss", "");
        if (task == Task.CLASSIFICATION) {
            LabelObjective objective = switch (loss) {
                case "log" -> new LogMulticlass();
                case "hinge" -> new Hinge();
                default -> throw new IllegalArgumentException(NAME + ": loss must be log or hinge for classification, not " + loss);
            };
            boolean balanced = ClassWeights.balanced(NAME, resolved.getString("class_weight", ClassWeights.NONE));
            double[] rowWeights = ClassWeights.perRow(train.y(), balanced);
            var trainer = new org.tribuo.classification.sgd.linear.LinearSGDTrainer(objective, optimiser, run, -1, 1, ctx.seed());
            Model<?> model = trainer.train(TribuoExamples.classification(train.x(), train.y(), rowWeights, null));
            TribuoModel.Settings s = new TribuoModel.Settings(NAME, Task.CLASSIFICATION, TribuoModel.Settings.Shape.of(train),
                    TribuoModel.Settings.Output.probabilities(Priors.of(train.y()), false), null,
                    TribuoModel.Settings.Fit.of(fitted, cut));
            return loss.equals("log") ? new TribuoModel(model, s)
                    : TribuoModel.calibrated(model, s, train.x(), train.y().classes(), rowWeights);
        }
        RegressionObjective objective = switch (loss) {
            case "squared_error" -> new SquaredLoss();
            // On the standardised target, the usual 1.35 standard deviations (Tribuo's default of 5 never bends).
            case "huber" -> new Huber(HUBER_DELTA);
            case "absolute_error" -> new AbsoluteLoss();
            default -> throw new IllegalArgumentException(NAME + ": loss must be squared_error, huber or absolute_error "
                    + "for regression, not " + loss);
        };
        double[] scale = TargetScale.of(train.y());
        var trainer = new org.tribuo.regression.sgd.linear.LinearSGDTrainer(objective, optimiser, run, -1, 1, ctx.seed());
        Model<?> model = trainer.train(TribuoExamples.regression(train.x(), train.y(), scale[0], scale[1]));
        return new TribuoModel(model, new TribuoModel.Settings(NAME, Task.REGRESSION, TribuoModel.Settings.Shape.of(train),
                TribuoModel.Settings.Output.scaledBack(scale[0], scale[1]), null, TribuoModel.Settings.Fit.of(fitted, cut)));
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return TribuoModel.load(dir, NAME, task, numClasses);
    }
}
