package dev.automl.algorithms.svm;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.FiniteFeatures;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Hyperparameter;
import dev.automl.algorithms.KnownParams;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Priors;
import dev.automl.algorithms.RowSample;
import dev.automl.algorithms.SearchSpace;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.tribuo.ClassWeights;
import dev.automl.algorithms.tribuo.TribuoExamples;
import dev.automl.algorithms.tribuo.TribuoModel;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeatureView;
import dev.automl.featurization.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;

/**
 * Azure's {@code SVM}: scikit-learn's SVC, that is LIBSVM's C-support vector classifier with an RBF kernel (one
 * against one for more than two classes) and LIBSVM's own probabilities (Platt scaling fitted by an inner 5-fold
 * cross-validation, as {@code SVC(probability=True)}), through Tribuo. Class weights are supported; sample weights
 * are not and are ignored.
 *
 * <p>Fitting costs between quadratic and cubic time in the rows, and LIBSVM cannot be stopped once started. So
 * above {@link #MAX_ROWS} rows, or when the time measured on a small sample says the rows will not fit before the
 * deadline, a seeded random sample of fewer rows is fitted; the fitted {@code kept_rows} says how many, on the
 * leaderboard.
 *
 * <p>Hyperparameters: {@code C} (default 1), {@code gamma_scale} (a factor on scikit-learn's
 * {@code gamma="scale"}, {@code 1 / (features * variance of all values)}; default 1) and {@code class_weight}.
 */
public final class SupportVectorMachine implements Learner {

    public static final String NAME = "SVM";
    /** The most rows fitted: about a minute on two cores with a hundred features, probabilities included. */
    public static final int MAX_ROWS = 10_000;
    /** The time check does not shrink the sample below this many rows. */
    static final int MIN_ROWS = 200;
    /** Share of the remaining time the estimate may use: LIBSVM cannot be stopped, so the estimate must not overrun. */
    private static final double SAFETY = 0.5;

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

    /** Kernel machines cost too much for the accuracy they add on tables: this one runs when allowed by name. */
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
        return 3;
    }

    @Override
    public SearchSpace space(Task task, DataShape shape) {
        return SearchSpace.of(new Hyperparameter.RealRange(Options.C, 0.03, 100, true),
                new Hyperparameter.RealRange(Options.GAMMA_SCALE, 0.1, 10, true),
                new Hyperparameter.Choice(Options.CLASS_WEIGHT, ClassWeights.Mode.choices()));
    }

    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        return List.of(Params.empty(), Params.of(Options.C, 10.0),
                Params.of(Options.C, 1.0, Options.CLASS_WEIGHT, ClassWeights.Mode.BALANCED.value()),
                Params.of(Options.C, 1.0, Options.GAMMA_SCALE, 0.3));
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        if (train.y().task() != Task.CLASSIFICATION) {
            throw new IllegalArgumentException(NAME + " is for classification");
        }
        Options options = Options.of(params);
        FiniteFeatures.require(train.x());
        int rows = train.x().rows();
        int wanted = Math.min(rows, MAX_ROWS);
        // A smaller sample is a whole model of fewer rows, shown by kept_rows; only when not even MIN_ROWS fit in the
        // time left does the fit count as cut short (and fits MIN_ROWS anyway, which takes a fraction of a second).
        int affordable = FitTime.affordableRows(ctx.deadline().remainingSeconds() * SAFETY, train.x());
        int kept = Math.min(wanted, Math.max(MIN_ROWS, affordable));
        int[] sample = RowSample.of(rows, kept, ctx.seed());
        FeatureMatrix x = sample == null ? train.x() : train.x().select(sample);
        Target y = sample == null ? train.y() : train.y().select(sample);
        SVMParameters<Label> svm = new SVMParameters<>(new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC),
                KernelType.RBF);
        svm.setCost(options.c());
        svm.setGamma(options.gammaScale() * scaleGamma(x));
        svm.setProbability();
        LibSVMClassificationTrainer trainer = new LibSVMClassificationTrainer(svm, ctx.seed());
        trainer.setLabelWeights(ClassWeights.labels(y, options.classWeight().balanced()));
        Model<?> model = trainer.train(TribuoExamples.classification(x, y, null, null));
        TribuoModel.Settings settings = new TribuoModel.Settings(NAME, Task.CLASSIFICATION,
                TribuoModel.Settings.Shape.of(train), TribuoModel.Settings.Output.probabilities(Priors.of(train.y()), false),
                null, TribuoModel.Settings.Fit.of(options.fitted(x.rows()), affordable < Math.min(wanted, MIN_ROWS)));
        String why = kept < wanted ? "what the time left allows" : NAME + " fits at most " + String.format(Locale.ROOT, "%,d", MAX_ROWS);
        return new TribuoModel(model, sample == null ? settings : settings.withNote(RowSample.note(kept, rows, why)));
    }

    /** scikit-learn's {@code gamma="scale"}: one over the number of features times the variance of all values. */
    static double scaleGamma(FeatureMatrix x) {
        float[] v = x.values();
        double sum = 0;
        for (float f : v) {
            sum += f;
        }
        double mean = v.length == 0 ? 0 : sum / v.length;
        double ss = 0;
        for (float f : v) {
            ss += (f - mean) * (f - mean);
        }
        double var = v.length == 0 ? 0 : ss / v.length;
        return var > 0 ? 1.0 / (x.cols() * var) : 1.0;
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return TribuoModel.load(dir, NAME, task, numClasses);
    }

    /**
     * SVM's hyperparameters with their defaults applied: the cost, the factor on scikit-learn's {@code gamma="scale"}
     * and the class weights. {@code kept_rows} is what a fit records, not a setting: it is taken, so that fitted
     * params refit, and ignored.
     */
    record Options(double c, double gammaScale, ClassWeights.Mode classWeight) {

        static final String C = "C";
        static final String GAMMA_SCALE = "gamma_scale";
        static final String CLASS_WEIGHT = "class_weight";
        static final String KEPT_ROWS = "kept_rows";
        static final Set<String> KEYS = Set.of(C, GAMMA_SCALE, CLASS_WEIGHT, KEPT_ROWS);

        static Options of(Params params) {
            KnownParams.require(NAME, params, KEYS);
            ClassWeights.Mode classWeight = ClassWeights.Mode.read(NAME, params, CLASS_WEIGHT);
            Options options = new Options(params.getDouble(C, 1.0), params.getDouble(GAMMA_SCALE, 1.0), classWeight);
            if (!(options.c > 0) || !(options.gammaScale > 0)) {
                throw new IllegalArgumentException(NAME + ": C and gamma_scale must be > 0, got " + options.toParams());
            }
            return options;
        }

        /** Every hyperparameter, defaults included. */
        Params toParams() {
            return Params.of(C, c, GAMMA_SCALE, gammaScale, CLASS_WEIGHT, classWeight.value());
        }

        /** The fitted params: these hyperparameters and the number of rows the model was fitted on. */
        Params fitted(int keptRows) {
            return toParams().with(KEPT_ROWS, keptRows);
        }
    }
}
