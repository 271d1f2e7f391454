package dev.automl.algorithms.bayes;

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
import dev.automl.algorithms.tribuo.FeatureScaling;
import dev.automl.algorithms.tribuo.TribuoExamples;
import dev.automl.algorithms.tribuo.TribuoModel;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.tribuo.Model;
import org.tribuo.classification.mnb.MultinomialNaiveBayesTrainer;

/**
 * Azure's {@code MultinomialNaiveBayes}: Tribuo's multinomial naive Bayes, which reads each feature as a count of
 * occurrences, with additive smoothing {@code alpha}. The features are the LINEAR view (one-hot categories,
 * TF-IDF, scaled numbers) mapped onto [0, 1] by their training range, since counts cannot be negative. Tribuo's
 * posterior leaves out the class prior; scikit-learn (and so Azure) multiplies it in, and so does this learner.
 * Sample weights weigh each row's counts.
 *
 * <p>Hyperparameter: {@code alpha} (default 1, scikit-learn's).
 */
public final class MultinomialNaiveBayes implements Learner {

    public static final String NAME = "MultinomialNaiveBayes";

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

    /** A model for counts, such as words; on general tables it trails every other learner, so it runs when allowed. */
    @Override
    public boolean inDefaultSearch() {
        return false;
    }

    /** One pass that sums the features per class. */
    @Override
    public long heapBytes(int rows, int features, int numClasses, Params params) {
        return TribuoExamples.HEAP_BYTES_PER_VALUE * rows * features;
    }

    @Override
    public double relativeCost() {
        return 0.05;
    }

    @Override
    public SearchSpace space(Task task, DataShape shape) {
        return SearchSpace.of(new Hyperparameter.RealRange(Options.ALPHA, 1e-3, 10, true));
    }

    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        return List.of(Params.empty(), Params.of(Options.ALPHA, 0.1), Params.of(Options.ALPHA, 0.01));
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        if (train.y().task() != Task.CLASSIFICATION) {
            throw new IllegalArgumentException(NAME + " is for classification");
        }
        Options options = Options.of(params);
        FiniteFeatures.require(train.x());
        FeatureScaling scaling = FeatureScaling.minMax(train.x());
        double[] weights = new double[train.y().size()];
        for (int r = 0; r < weights.length; r++) {
            weights[r] = train.y().weight(r);
        }
        Model<?> model = new MultinomialNaiveBayesTrainer(options.alpha())
                .train(TribuoExamples.classification(train.x(), train.y(), weights, scaling));
        return new TribuoModel(model, new TribuoModel.Settings(NAME, Task.CLASSIFICATION, TribuoModel.Settings.Shape.of(train),
                TribuoModel.Settings.Output.probabilities(Priors.of(train.y()), true), scaling,
                TribuoModel.Settings.Fit.of(options.toParams(), false)));
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return TribuoModel.load(dir, NAME, task, numClasses);
    }

    /** MultinomialNaiveBayes' one hyperparameter, the additive smoothing, with scikit-learn's default applied. */
    record Options(double alpha) {

        static final String ALPHA = "alpha";
        static final Set<String> KEYS = Set.of(ALPHA);

        static Options of(Params params) {
            KnownParams.require(NAME, params, KEYS);
            double alpha = params.getDouble(ALPHA, 1.0);
            if (!(alpha > 0)) {
                throw new IllegalArgumentException(NAME + ": alpha must be > 0, got " + alpha);
            }
            return new Options(alpha);
        }

        /** The hyperparameter as fitted params record it. */
        Params toParams() {
            return Params.of(ALPHA, alpha);
        }
    }
}
