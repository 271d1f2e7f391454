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
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeatureView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Azure's {@code BernoulliNaiveBayes}: scikit-learn's BernoulliNB. Each feature is binarised (above
 * {@code binarize}, default 0, that is above the training mean of a standardised column, or a one-hot level present)
 * and modelled per class as an independent coin with additive smoothing {@code alpha}:
 * p(x_j = 1 | c) = (weighted count of x_j = 1 in c + alpha) / (weight of c + 2 alpha); the class prior is the
 * classes' weighted shares.
 *
 * <p>Written here rather than taken from a library: Smile's DiscreteNaiveBayes has the Bernoulli model but keeps its
 * probabilities private (a saved model would be Java serialisation) and takes no sample weights, and Tribuo has only
 * the multinomial one. Its log-posterior is linear in the binarised features, so it is kept as a {@link LinearModel}
 * behind the binarising step: weight log(p / (1 - p)) and intercept log prior + sum of log(1 - p), per class.
 */
public final class BernoulliNaiveBayes implements Learner {

    public static final String NAME = "BernoulliNaiveBayes";

    /** scikit-learn's floor on alpha, which keeps every probability off 0 and 1. */
    private static final double MIN_ALPHA = 1e-10;

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

    /** Binarising throws away most of a numeric column; it is seldom competitive and runs when allowed. */
    @Override
    public boolean inDefaultSearch() {
        return false;
    }

    /** One counting pass over the rows. */
    @Override
    public double relativeCost() {
        return 0.05;
    }

    @Override
    public SearchSpace space(Task task, DataShape shape) {
        return SearchSpace.of(new Hyperparameter.RealRange(Options.ALPHA, 1e-3, 10, true),
                new Hyperparameter.Choice(Options.CLASS_WEIGHT, ClassWeights.Mode.choices()));
    }

    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        return List.of(Params.empty(), Params.of(Options.ALPHA, 0.1),
                Params.of(Options.CLASS_WEIGHT, ClassWeights.Mode.BALANCED.value()));
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        if (train.y().task() != Task.CLASSIFICATION) {
            throw new IllegalArgumentException(NAME + " is for classification");
        }
        Options options = Options.of(params);
        FiniteFeatures.require(train.x());
        Params resolved = options.toParams();
        double alpha = Math.max(options.alpha(), MIN_ALPHA);
        double threshold = options.binarize();
        boolean balanced = options.classWeight().balanced();
        double[] rowWeight = ClassWeights.perRow(train.y(), balanced);
        int numClasses = train.y().numClasses();
        int p = train.x().cols();
        ClassIndex ci = ClassIndex.of(train.y());
        int m = ci.present().length;
        FeatureMatrix x = train.x();
        double[] classWeight = new double[m];
        double[][] ones = new double[m][p];
        for (int r = 0; r < x.rows(); r++) {
            int c = ci.y()[r];
            double w = rowWeight[r];
            classWeight[c] += w;
            for (int j = 0; j < p; j++) {
                if (x.get(r, j) > threshold) {
                    ones[c][j] += w;
                }
            }
        }
        double total = 0;
        for (double w : classWeight) {
            total += w;
        }
        double[][] logOdds = new double[m][p];
        double[] base = new double[m];
        for (int c = 0; c < m; c++) {
            base[c] = Math.log(classWeight[c] / total);
            for (int j = 0; j < p; j++) {
                double prob = (ones[c][j] + alpha) / (classWeight[c] + 2 * alpha);
                logOdds[c][j] = Math.log(prob) - Math.log1p(-prob);
                base[c] += Math.log1p(-prob);
            }
        }
        LinearModel scores = m < 2
                ? new LinearModel(NAME, Task.CLASSIFICATION, LinearModel.Kind.CONSTANT, numClasses, p, new int[0],
                        new double[0][], new double[0], Priors.of(train.y()), resolved)
                : LinearModel.ofClassScores(NAME, numClasses, ci.present(), logOdds, base, Priors.of(train.y()), resolved);
        return new BinarisedModel(threshold, scores);
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return BinarisedModel.load(dir, LinearModel.load(dir, NAME, task, numClasses));
    }

    /**
     * BernoulliNaiveBayes' hyperparameters with scikit-learn's defaults applied: the smoothing, the threshold each
     * feature is binarised at, and the class weights.
     */
    record Options(double alpha, double binarize, ClassWeights.Mode classWeight) {

        static final String ALPHA = "alpha";
        static final String BINARIZE = "binarize";
        static final String CLASS_WEIGHT = "class_weight";
        static final Set<String> KEYS = Set.of(ALPHA, BINARIZE, CLASS_WEIGHT);

        static Options of(Params params) {
            KnownParams.require(NAME, params, KEYS);
            ClassWeights.Mode classWeight = ClassWeights.Mode.read(NAME, params, CLASS_WEIGHT);
            Options options = new Options(params.getDouble(ALPHA, 1.0), params.getDouble(BINARIZE, 0.0), classWeight);
            if (!(options.alpha >= 0) || !Double.isFinite(options.binarize)) {
                throw new IllegalArgumentException(NAME + ": alpha must be >= 0 and binarize a number, got "
                        + options.toParams());
            }
            return options;
        }

        /** Every hyperparameter, defaults included, as fitted params record them. */
        Params toParams() {
            return Params.of(ALPHA, alpha, BINARIZE, binarize, CLASS_WEIGHT, classWeight.value());
        }
    }
}
