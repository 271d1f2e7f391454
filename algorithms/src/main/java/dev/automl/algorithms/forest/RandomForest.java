package dev.automl.algorithms.forest;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.FiniteFeatures;
import dev.automl.algorithms.FittedModel;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Azure's {@code RandomForest} for classification and regression, grown by Smile: each tree on a bootstrap
 * sample, {@code max_features} of the features tried at each split. Sample weights are not supported by Smile's
 * forest and are ignored.
 *
 * <p>Hyperparameters (scikit-learn's names): {@code n_estimators} (default 300, as AutoGluon), {@code max_features}
 * ("sqrt", "log2" or a fraction; default "sqrt" for classification and 1.0 for regression, as scikit-learn),
 * {@code min_samples_leaf} (default 1), {@code max_leaf_nodes} (default 15000, AutoGluon's cap on model size),
 * {@code max_depth} (default 0 = unlimited) and, for classification, {@code criterion} ("gini" or "entropy").
 * The forest stops adding trees early once it holds {@link Forests#MAX_LEAF_VALUES} leaf values; its fitted
 * {@code n_estimators} is the number of trees it grew.
 */
public final class RandomForest implements Learner {

    public static final String NAME = "RandomForest";

    static final int DEFAULT_TREES = 300;
    static final int DEFAULT_MAX_LEAF_NODES = 15000;
    /** FLAML's cost of scikit-learn's forest relative to LightGBM. */
    static final double RELATIVE_COST = 2.0;
    private static final Set<String> KNOWN = Set.of("n_estimators", "max_features", "min_samples_leaf",
            "max_leaf_nodes", "max_depth", "criterion");

    private final long maxLeafValues;

    public RandomForest() {
        this(Forests.MAX_LEAF_VALUES);
    }

    /** A forest that stops adding trees above {@code maxLeafValues} leaf values (tests use a small one). */
    RandomForest(long maxLeafValues) {
        this.maxLeafValues = maxLeafValues;
    }

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

    @Override
    public double relativeCost() {
        return RELATIVE_COST;
    }

    @Override
    public SearchSpace space(Task task, DataShape shape) {
        return Forests.space(task, shape);
    }

    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        List<Params> out = new ArrayList<>();
        out.add(Params.empty());
        // AutoGluon's zero-shot RF configurations r195, r39, r127 (r34's min_samples_leaf 40 is outside the space).
        out.add(Params.of("max_features", 0.75, "max_leaf_nodes", 37308, "min_samples_leaf", 1));
        out.add(Params.of("max_features", 0.75, "max_leaf_nodes", 28310, "min_samples_leaf", 2));
        out.add(Params.of("max_features", 1.0, "max_leaf_nodes", 38572, "min_samples_leaf", 5));
        if (task == Task.CLASSIFICATION && shape.numClasses() == 2) {
            // FLAML's rf/binary zero-shot configurations, with n_estimators capped at the space's 500.
            out.add(Params.of("n_estimators", 500, "max_features", 0.245, "max_leaf_nodes", 1156, "criterion", "entropy"));
            out.add(Params.of("n_estimators", 356, "max_features", 0.10, "max_leaf_nodes", 102, "criterion", "gini"));
            out.add(Params.of("n_estimators", 500, "max_features", 0.178, "max_leaf_nodes", 7499, "criterion", "gini"));
        }
        return out;
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        Task task = train.y().task();
        KnownParams.require(NAME, params, KNOWN);
        if (task == Task.REGRESSION && params.has("criterion")) {
            throw new IllegalArgumentException(NAME + ": criterion applies to classification only");
        }
        FiniteFeatures.require(train.x());
        Params resolved = defaults(task).merge(params);
        int features = train.x().cols();
        int maxDepth = resolved.getInt("max_depth", 0);
        SmileForest.Settings settings = new SmileForest.Settings(
                FeatureFraction.featuresPerSplit(resolved.values().get("max_features"), features),
                resolved.getInt("min_samples_leaf", 1),
                resolved.getInt("max_leaf_nodes", DEFAULT_MAX_LEAF_NODES),
                maxDepth <= 0 ? Integer.MAX_VALUE : maxDepth,
                resolved.getString("criterion", "gini"));
        if (Forests.fewerThanTwoClasses(train)) {
            return Forests.model(NAME, train, List.of(), resolved.with("n_estimators", 0), false);
        }
        int trees = resolved.getInt("n_estimators", DEFAULT_TREES);
        if (trees < 1) {
            throw new IllegalArgumentException(NAME + ": n_estimators must be at least 1");
        }
        SmileForest forest = new SmileForest(train, settings);
        Forests.Grown grown = Forests.grow(trees, ctx, maxLeafValues, forest::grow);
        return Forests.model(NAME, train, grown.trees(), resolved.with("n_estimators", grown.trees().size()),
                grown.stoppedByDeadline());
    }

    private static Params defaults(Task task) {
        Params p = Params.of("n_estimators", DEFAULT_TREES, "min_samples_leaf", 1,
                "max_leaf_nodes", DEFAULT_MAX_LEAF_NODES, "max_depth", 0);
        return task == Task.CLASSIFICATION ? p.with("max_features", "sqrt").with("criterion", "gini")
                : p.with("max_features", 1.0);
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return ForestModel.load(dir, NAME, task, numClasses);
    }
}
