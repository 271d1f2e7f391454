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

    private static final Set<String> KNOWN = Set.of("n_estimators", "learning_rate", "max_depth", "subsample",
            "min_samples_leaf", "max_features");
    private static final Params DEFAULTS = Params.of("n_estimators", 100, "learning_rate", 0.1, "max_depth", 3,
            "subsample", 1.0, "min_samples_leaf", 1, "max_features", 1.0);

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
                new IntRange("n_estimators", 50, 500, true),
                new RealRange("learning_rate", 0.01, 0.5, true),
                new IntRange("max_depth", 2, 8, false),
                new RealRange("subsample", 0.5, 1.0, false),
                new IntRange("min_samples_leaf", 1, 50, true),
                new RealRange("max_features", 0.3, 1.0, false));
    }

    /** scikit-learn's defaults first, then a deeper stochastic and a shallower longer configuration. */
    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        return List.of(Params.empty(),
                Params.of("max_depth", 5, "learning_rate", 0.05, "n_estimators", 300, "subsample", 0.8,
                        "max_features", 0.8),
                Params.of("max_depth", 2, "n_estimators", 300, "min_samples_leaf", 10));
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        KnownParams.require(NAME, params, KNOWN);
        Params resolved = DEFAULTS.merge(params);
        double learningRate = resolved.getDouble("learning_rate", 0.1);
        double subsample = resolved.getDouble("subsample", 1);
        int maxDepth = resolved.getInt("max_depth", 3);
        int minLeaf = resolved.getInt("min_samples_leaf", 1);
        double features = featureFraction(params.values().get("max_features"), train.x().cols());
        if (!(learningRate > 0) || !(subsample > 0 && subsample <= 1) || maxDepth < 1 || minLeaf < 1) {
            throw new IllegalArgumentException(NAME + ": learning_rate must be > 0, subsample in (0, 1], max_depth and"
                    + " min_samples_leaf >= 1, got " + resolved);
        }
        Map<String, String> library = new HashMap<>();
        library.put("tree_method", "exact");
        library.put("learning_rate", LibraryParams.format("learning_rate", learningRate));
        library.put("max_depth", Integer.toString(maxDepth));
        library.put("subsample", LibraryParams.format("subsample", subsample));
        library.put("colsample_bynode", LibraryParams.format("max_features", features));
        library.put("min_child_weight", Integer.toString(minLeaf));
        library.put("reg_lambda", "0");
        return XGBoostLearner.train(NAME, train, valid, resolved, library, learningRate, false, ctx);
    }

    /**
     * scikit-learn's {@code max_features}: a share of the features when at most 1, a count above that, or
     * {@code sqrt} or {@code log2} of the count; absent means all.
     */
    static double featureFraction(Object value, int features) {
        if (value == null) {
            return 1;
        }
        int p = Math.max(1, features);
        double count;
        if (value instanceof Number n) {
            double v = n.doubleValue();
            if (!(v > 0)) {
                throw new IllegalArgumentException(NAME + ": max_features must be > 0, got " + value);
            }
            if (v <= 1) {
                return v;
            }
            count = v;
        } else if ("sqrt".equals(value)) {
            count = Math.sqrt(p);
        } else if ("log2".equals(value)) {
            count = Math.log(p) / Math.log(2);
        } else {
            throw new IllegalArgumentException(NAME + ": max_features must be a number, sqrt or log2, got '"
                    + value + "'");
        }
        return Math.min(1, Math.max(1, Math.floor(count)) / p);
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return XGBoostModel.load(dir, NAME, task, numClasses, Runtime.getRuntime().availableProcessors());
    }
}
