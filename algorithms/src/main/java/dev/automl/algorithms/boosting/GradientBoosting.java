package dev.automl.algorithms.boosting;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Hyperparameter.IntRange;
import dev.automl.algorithms.Hyperparameter.RealRange;
import dev.automl.algorithms.KnownParams;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.SearchSpace;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Azure's {@code GradientBoosting}: scikit-learn's GradientBoostingClassifier and GradientBoostingRegressor, that is
 * Friedman's gradient boosting of shallow trees grown on exact (not binned) split points, with shrinkage, row
 * subsampling and per-split feature sampling, under scikit-learn's names and defaults.
 *
 * <p>It runs on XGBoost's exact greedy tree method rather than on Smile's GradientTreeBoost because XGBoost is boosted
 * one round at a time, so the deadline holds between rounds, and its models save portably; Smile's cannot be stopped
 * and keeps its multi-class trees private. The differences from scikit-learn: leaves take the Newton step of the loss
 * (as scikit-learn's log loss does; for squared error it is the same mean), no L2 penalty on leaves
 * ({@code reg_lambda} 0), {@code min_samples_leaf} becomes XGBoost's {@code min_child_weight} (rows for squared
 * error, the summed p(1 - p) for log loss), category codes are split as numbers, and with validation rows the
 * rounds stop early at the best of at most {@code n_estimators}.
 */
public final class GradientBoosting implements Learner {

    public static final String NAME = "GradientBoosting";

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
        return FeatureView.TREES;
    }

    /** LightGBM and XGBoost search the same kind of model on binned splits, faster; this runs when allowed. */
    @Override
    public boolean inDefaultSearch() {
        return false;
    }

    /** Exact splits sort every feature, against LightGBM's histograms; shallow trees make up part of it. */
    @Override
    public double relativeCost() {
        return 2;
    }

    @Override
    public SearchSpace space(Task task, DataShape shape) {
        return SearchSpace.of(
                new IntRange(Options.N_ESTIMATORS, 50, 500, true),
                new RealRange(Options.LEARNING_RATE, 0.01, 0.5, true),
                new IntRange(Options.MAX_DEPTH, 2, 8, false),
                new RealRange(Options.SUBSAMPLE, 0.5, 1.0, false),
                new IntRange(Options.MIN_SAMPLES_LEAF, 1, 50, true),
                new RealRange(Options.MAX_FEATURES, 0.3, 1.0, false));
    }

    /** scikit-learn's defaults first, then a deeper stochastic and a shallower longer configuration. */
    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        return List.of(Params.empty(),
                Params.of(Options.MAX_DEPTH, 5, Options.LEARNING_RATE, 0.05, Options.N_ESTIMATORS, 300,
                        Options.SUBSAMPLE, 0.8, Options.MAX_FEATURES, 0.8),
                Params.of(Options.MAX_DEPTH, 2, Options.N_ESTIMATORS, 300, Options.MIN_SAMPLES_LEAF, 10));
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        Options options = Options.of(params);
        Map<String, String> library = new HashMap<>();
        library.put("tree_method", "exact");
        library.put("learning_rate", LibraryParams.format(Options.LEARNING_RATE, options.learningRate()));
        library.put("max_depth", Integer.toString(options.maxDepth()));
        library.put("subsample", LibraryParams.format(Options.SUBSAMPLE, options.subsample()));
        library.put("colsample_bynode",
                LibraryParams.format(Options.MAX_FEATURES, options.maxFeatures().share(train.x().cols())));
        library.put("min_child_weight", Integer.toString(options.minSamplesLeaf()));
        library.put("reg_lambda", "0");
        return XGBoostLearner.train(NAME, train, valid, options.toParams(), library, options.learningRate(), false,
                ctx);
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return XGBoostModel.load(dir, NAME, task, numClasses, Runtime.getRuntime().availableProcessors());
    }

    /**
     * GradientBoosting's hyperparameters with scikit-learn's defaults applied. The round count is checked where the
     * rounds are run, as for the other boosting learners.
     */
    record Options(int nEstimators, double learningRate, int maxDepth, double subsample, int minSamplesLeaf,
                   MaxFeatures maxFeatures) {

        static final String N_ESTIMATORS = LibraryParams.ROUNDS;
        static final String LEARNING_RATE = "learning_rate";
        static final String MAX_DEPTH = "max_depth";
        static final String SUBSAMPLE = "subsample";
        static final String MIN_SAMPLES_LEAF = "min_samples_leaf";
        static final String MAX_FEATURES = "max_features";
        static final Set<String> KEYS = Set.of(N_ESTIMATORS, LEARNING_RATE, MAX_DEPTH, SUBSAMPLE, MIN_SAMPLES_LEAF,
                MAX_FEATURES);

        static Options of(Params params) {
            KnownParams.require(NAME, params, KEYS);
            MaxFeatures maxFeatures = params.has(MAX_FEATURES) ? MaxFeatures.of(params.values().get(MAX_FEATURES))
                    : new MaxFeatures.Amount(1.0);
            Options options = new Options(params.getInt(N_ESTIMATORS, 100), params.getDouble(LEARNING_RATE, 0.1),
                    params.getInt(MAX_DEPTH, 3), params.getDouble(SUBSAMPLE, 1.0), params.getInt(MIN_SAMPLES_LEAF, 1),
                    maxFeatures);
            if (!(options.learningRate > 0) || !(options.subsample > 0 && options.subsample <= 1)
                    || options.maxDepth < 1 || options.minSamplesLeaf < 1) {
                throw new IllegalArgumentException(NAME + ": learning_rate must be > 0, subsample in (0, 1], max_depth"
                        + " and min_samples_leaf >= 1, got " + options.toParams());
            }
            return options;
        }

        /** Every hyperparameter, defaults included, as fitted params record them. */
        Params toParams() {
            return Params.of(N_ESTIMATORS, nEstimators, LEARNING_RATE, learningRate, MAX_DEPTH, maxDepth,
                    SUBSAMPLE, subsample, MIN_SAMPLES_LEAF, minSamplesLeaf, MAX_FEATURES, maxFeatures.value());
        }
    }

    /**
     * scikit-learn's {@code max_features}: a share of the features when at most 1, a count above that, or
     * {@code sqrt} or {@code log2} of the count.
     */
    sealed interface MaxFeatures {

        /** The value as a hyperparameter, so that fitted params give back what {@link #of} read. */
        Object value();

        /** The share of {@code features} each split samples, XGBoost's {@code colsample_bynode}. */
        double share(int features);

        static MaxFeatures of(Object value) {
            if (value instanceof Number n) {
                if (!(n.doubleValue() > 0)) {
                    throw new IllegalArgumentException(NAME + ": max_features must be > 0, got " + value);
                }
                return new Amount(n);
            }
            for (Rule rule : Rule.values()) {
                if (rule.value().equals(value)) {
                    return rule;
                }
            }
            throw new IllegalArgumentException(NAME + ": max_features must be a number, sqrt or log2, got '"
                    + value + "'");
        }

        /** The count's share of the features, at most 1. */
        private static double countShare(double count, int features) {
            return Math.min(1, Math.max(1, Math.floor(count)) / Math.max(1, features));
        }

        /** A positive number, kept as given so that a whole count stays whole in the fitted params. */
        record Amount(Number value) implements MaxFeatures {
            @Override
            public double share(int features) {
                double v = value.doubleValue();
                return v <= 1 ? v : countShare(v, features);
            }
        }

        /** A function of the feature count. */
        enum Rule implements MaxFeatures {
            SQRT, LOG2;

            @Override
            public Object value() {
                return name().toLowerCase(Locale.ROOT);
            }

            @Override
            public double share(int features) {
                int p = Math.max(1, features);
                return countShare(this == SQRT ? Math.sqrt(p) : Math.log(p) / Math.log(2), features);
            }
        }
    }
}
