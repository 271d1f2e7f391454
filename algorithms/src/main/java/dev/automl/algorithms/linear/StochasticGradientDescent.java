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
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
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
    public long heapBytes(int rows, int features, int numClasses, Params params) {
        return TribuoExamples.HEAP_BYTES_PER_VALUE * rows * features;
    }

    @Override
    public double relativeCost() {
        return 0.5;
    }

    @Override
    public SearchSpace space(Task task, DataShape shape) {
        List<Hyperparameter> space = new java.util.ArrayList<>(List.of(
                new Hyperparameter.Choice(Options.LOSS, Loss.choices(task)),
                new Hyperparameter.RealRange(Options.ALPHA, 1e-7, 1e-1, true),
                new Hyperparameter.RealRange(Options.L1_RATIO, 0.0, 1.0, false),
                new Hyperparameter.RealRange(Options.LEARNING_RATE, 0.01, 1.0, true),
                new Hyperparameter.IntRange(Options.EPOCHS, 5, 50, true)));
        if (task == Task.CLASSIFICATION) {
            space.add(new Hyperparameter.Choice(Options.CLASS_WEIGHT, ClassWeights.Mode.choices()));
        }
        return new SearchSpace(space);
    }

    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        if (task == Task.CLASSIFICATION) {
            return List.of(Params.empty(), Params.of(Options.LOSS, Loss.HINGE.value()),
                    Params.of(Options.CLASS_WEIGHT, ClassWeights.Mode.BALANCED.value()),
                    Params.of(Options.ALPHA, 1e-3, Options.L1_RATIO, 0.5));
        }
        return List.of(Params.empty(), Params.of(Options.LOSS, Loss.HUBER.value()),
                Params.of(Options.ALPHA, 1e-2, Options.L1_RATIO, 0.5));
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        Task task = train.y().task();
        Options options = Options.of(params, task);
        FiniteFeatures.require(train.x());
        int n = Math.max(1, train.x().rows());
        int outputs = task == Task.CLASSIFICATION ? train.y().numClasses() : 1;
        int affordable = IterationBudget.iterations(ctx.deadline(), train.x().toDoubleRows(), outputs, PASSES_PER_EPOCH,
                options.epochs());
        // Fewer epochs than asked still make a whole model, recorded in the fitted epochs (a refit repeats them);
        // only a deadline that leaves no time for one counts as cut short.
        int run = Math.max(1, affordable);
        boolean cut = affordable < 1;
        Params fitted = options.withEpochs(run).toParams();
        // Regularised dual averaging divides the penalties by numExamples at each step: n * alpha per row's step.
        double alpha = options.alpha();
        double l1Ratio = options.l1Ratio();
        AdaGradRDA optimiser = new AdaGradRDA(options.learningRate(), RDA_EPSILON, n * alpha * l1Ratio,
                n * alpha * (1 - l1Ratio), n);
        if (task == Task.CLASSIFICATION) {
            LabelObjective objective = switch (options.loss()) {
                case LOG -> new LogMulticlass();
                case HINGE -> new Hinge();
                case SQUARED_ERROR, HUBER, ABSOLUTE_ERROR -> throw new IllegalStateException(
                        options.loss() + " is a regression loss");
            };
            double[] rowWeights = ClassWeights.perRow(train.y(), options.classWeight().balanced());
            var trainer = new org.tribuo.classification.sgd.linear.LinearSGDTrainer(objective, optimiser, run, -1, 1, ctx.seed());
            Model<?> model = trainer.train(TribuoExamples.classification(train.x(), train.y(), rowWeights, null));
            TribuoModel.Settings s = new TribuoModel.Settings(NAME, Task.CLASSIFICATION, TribuoModel.Settings.Shape.of(train),
                    TribuoModel.Settings.Output.probabilities(Priors.of(train.y()), false), null,
                    TribuoModel.Settings.Fit.of(fitted, cut));
            TribuoModel m = options.loss() == Loss.LOG ? new TribuoModel(model, s)
                    : TribuoModel.calibrated(model, s, train.x(), train.y().classes(), rowWeights);
            return m.withFeatureMeans(train.x());
        }
        RegressionObjective objective = switch (options.loss()) {
            case SQUARED_ERROR -> new SquaredLoss();
            // On the standardised target, the usual 1.35 standard deviations (Tribuo's default of 5 never bends).
            case HUBER -> new Huber(HUBER_DELTA);
            case ABSOLUTE_ERROR -> new AbsoluteLoss();
            case LOG, HINGE -> throw new IllegalStateException(options.loss() + " is a classification loss");
        };
        double[] scale = TargetScale.of(train.y());
        var trainer = new org.tribuo.regression.sgd.linear.LinearSGDTrainer(objective, optimiser, run, -1, 1, ctx.seed());
        Model<?> model = trainer.train(TribuoExamples.regression(train.x(), train.y(), scale[0], scale[1]));
        return new TribuoModel(model, new TribuoModel.Settings(NAME, Task.REGRESSION, TribuoModel.Settings.Shape.of(train),
                TribuoModel.Settings.Output.scaledBack(scale[0], scale[1]), null, TribuoModel.Settings.Fit.of(fitted, cut)))
                .withFeatureMeans(train.x());
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return TribuoModel.load(dir, NAME, task, numClasses);
    }

    /** The losses SGD minimises, under scikit-learn's names, each for one task. */
    enum Loss {
        LOG(Task.CLASSIFICATION), HINGE(Task.CLASSIFICATION),
        SQUARED_ERROR(Task.REGRESSION), HUBER(Task.REGRESSION), ABSOLUTE_ERROR(Task.REGRESSION);

        private final Task task;

        Loss(Task task) {
            this.task = task;
        }

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static List<Object> choices(Task task) {
            return Stream.of(values()).filter(l -> l.task == task).map(l -> (Object) l.value()).toList();
        }

        /** The loss of that name for {@code task}, spelt exactly. */
        static Loss of(String value, Task task) {
            for (Loss loss : values()) {
                if (loss.task == task && loss.value().equals(value)) {
                    return loss;
                }
            }
            throw new IllegalArgumentException(task == Task.CLASSIFICATION
                    ? NAME + ": loss must be log or hinge for classification, not " + value
                    : NAME + ": loss must be squared_error, huber or absolute_error for regression, not " + value);
        }
    }

    /**
     * SGD's hyperparameters with their defaults applied. Class weights apply to the classification losses only, and
     * are recorded only with them.
     */
    record Options(Loss loss, double alpha, double l1Ratio, double learningRate, int epochs,
                   ClassWeights.Mode classWeight) {

        static final String LOSS = "loss";
        static final String ALPHA = "alpha";
        static final String L1_RATIO = "l1_ratio";
        static final String LEARNING_RATE = "learning_rate";
        static final String EPOCHS = "epochs";
        static final String CLASS_WEIGHT = "class_weight";
        static final Set<String> KEYS = Set.of(LOSS, ALPHA, L1_RATIO, LEARNING_RATE, EPOCHS, CLASS_WEIGHT);

        static Options of(Params params, Task task) {
            KnownParams.require(NAME, params, KEYS);
            boolean classes = task == Task.CLASSIFICATION;
            if (!classes && params.has(CLASS_WEIGHT)) {
                throw new IllegalArgumentException(NAME + ": class_weight is for classification");
            }
            Loss loss = params.has(LOSS) ? Loss.of(params.getString(LOSS, ""), task)
                    : classes ? Loss.LOG : Loss.SQUARED_ERROR;
            ClassWeights.Mode classWeight = ClassWeights.Mode.read(NAME, params, CLASS_WEIGHT);
            Options options = new Options(loss, params.getDouble(ALPHA, 1e-4), params.getDouble(L1_RATIO, 0.0),
                    // AdaGrad's initial rate.
                    params.getDouble(LEARNING_RATE, 0.1), params.getInt(EPOCHS, 20), classWeight);
            if (!(options.alpha >= 0) || !(options.l1Ratio >= 0 && options.l1Ratio <= 1)
                    || !(options.learningRate > 0) || options.epochs < 1) {
                throw new IllegalArgumentException(NAME + ": alpha must be >= 0, l1_ratio in [0, 1], learning_rate > 0"
                        + " and epochs >= 1, got " + options.toParams());
            }
            return options;
        }

        /** The same fit with another epoch count, as fitting records what the deadline allowed. */
        Options withEpochs(int run) {
            return new Options(loss, alpha, l1Ratio, learningRate, run, classWeight);
        }

        /** Every hyperparameter, defaults included, as fitted params record them. */
        Params toParams() {
            Params p = Params.of(LOSS, loss.value(), ALPHA, alpha, L1_RATIO, l1Ratio, LEARNING_RATE, learningRate,
                    EPOCHS, epochs);
            return loss.task == Task.CLASSIFICATION ? p.with(CLASS_WEIGHT, classWeight.value()) : p;
        }
    }
}
