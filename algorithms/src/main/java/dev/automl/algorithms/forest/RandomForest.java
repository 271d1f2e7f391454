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

    /** FLAML's cost of scikit-learn's forest relative to LightGBM. */
    static final double RELATIVE_COST = 2.0;

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

    /**
     * Smile's data frame holds the rows as doubles and its trees an index of each column's order; the grown forest
     * comes on top.
     */
    @Override
    public long heapBytes(int rows, int features, int numClasses, Params params) {
        return Forests.heapBytes(SmileForest.HEAP_BYTES_PER_VALUE * rows * features, rows, numClasses, maxLeafValues,
                task -> Options.of(params, task).growth());
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
        out.add(Forests.start(shape));
        // AutoGluon's zero-shot RF configurations r195, r39, r127 (r34's min_samples_leaf 40 is outside the space).
        out.add(zeroShot(0.75, 37308, 1));
        out.add(zeroShot(0.75, 28310, 2));
        out.add(zeroShot(1.0, 38572, 5));
        if (task == Task.CLASSIFICATION && shape.numClasses() == 2) {
            // FLAML's rf/binary zero-shot configurations, with n_estimators capped at the space's 500.
            out.add(zeroShot(500, 0.245, 1156, SplitCriterion.Kind.ENTROPY));
            out.add(zeroShot(356, 0.10, 102, SplitCriterion.Kind.GINI));
            out.add(zeroShot(500, 0.178, 7499, SplitCriterion.Kind.GINI));
        }
        return out;
    }

    private static Params zeroShot(double maxFeatures, int maxLeafNodes, int minSamplesLeaf) {
        return Params.of(Options.MAX_FEATURES, maxFeatures, Options.MAX_LEAF_NODES, maxLeafNodes,
                Options.MIN_SAMPLES_LEAF, minSamplesLeaf);
    }

    private static Params zeroShot(int trees, double maxFeatures, int maxLeafNodes, SplitCriterion.Kind criterion) {
        return Params.of(Options.N_ESTIMATORS, trees, Options.MAX_FEATURES, maxFeatures,
                Options.MAX_LEAF_NODES, maxLeafNodes, Options.CRITERION, criterion.key());
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        Options options = Options.of(params, train.y().task());
        FiniteFeatures.require(train.x());
        Options.TreeShape shape = options.shape();
        SmileForest.Settings settings = new SmileForest.Settings(
                options.splits().maxFeatures().featuresPerSplit(train.x().cols()),
                shape.minSamplesLeaf(),
                shape.maxLeafNodes(),
                shape.maxDepth() <= 0 ? Integer.MAX_VALUE : shape.maxDepth(),
                options.splits().criterion().key());
        if (Forests.fewerThanTwoClasses(train)) {
            return Forests.model(NAME, train, List.of(), options.withTrees(0).toParams(), false);
        }
        // Checked only here: a forest of one class grows no trees and records n_estimators 0, and refitting with
        // that must work.
        if (options.nEstimators() < 1) {
            throw new IllegalArgumentException(NAME + ": n_estimators must be at least 1");
        }
        SmileForest forest = new SmileForest(train, settings);
        Forests.Grown grown = Forests.grow(options.nEstimators(), train, valid, ctx, maxLeafValues, forest::grow);
        return Forests.model(NAME, train, grown, options.withTrees(grown.trees().size()).toParams());
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return ForestModel.load(dir, NAME, task, numClasses);
    }

    /**
     * RandomForest's hyperparameters with their defaults applied: how many trees, how each split is chosen and how
     * large each tree may grow.
     */
    record Options(int nEstimators, Splits splits, TreeShape shape) {

        /** How large the forest may grow, for its heap estimate. */
        Forests.Growth growth() {
            return new Forests.Growth(nEstimators, shape.maxLeafNodes(), shape.minSamplesLeaf());
        }

        static final String N_ESTIMATORS = "n_estimators";
        /** Both forests' default tree count, AutoGluon's. */
        static final int DEFAULT_TREES = 300;
        static final String MAX_FEATURES = "max_features";
        static final String CRITERION = "criterion";
        static final String MIN_SAMPLES_LEAF = "min_samples_leaf";
        static final String MAX_LEAF_NODES = "max_leaf_nodes";
        static final String MAX_DEPTH = "max_depth";
        static final Set<String> KEYS = Set.of(N_ESTIMATORS, MAX_FEATURES, MIN_SAMPLES_LEAF, MAX_LEAF_NODES,
                MAX_DEPTH, CRITERION);

        /** How large each tree may grow; {@code maxDepth} 0 means unlimited. */
        record TreeShape(int minSamplesLeaf, int maxLeafNodes, int maxDepth) {
        }

        /**
         * Reads {@code params} over the defaults. The leaf, depth and tree counts are checked when the forest is
         * set up, as Smile's settings and a forest of one class need.
         */
        static Options of(Params params, Task task) {
            KnownParams.require(NAME, params, KEYS);
            boolean classes = task == Task.CLASSIFICATION;
            if (!classes && params.has(CRITERION)) {
                throw new IllegalArgumentException(NAME + ": criterion applies to classification only");
            }
            // scikit-learn's defaults: the square root of the features for classes, all of them for numbers.
            MaxFeatures maxFeatures = params.has(MAX_FEATURES) ? MaxFeatures.of(params.values().get(MAX_FEATURES))
                    : classes ? MaxFeatures.Rule.SQRT : new MaxFeatures.Fraction(1.0);
            SplitCriterion.Kind criterion = !classes ? SplitCriterion.Kind.VARIANCE
                    : !params.has(CRITERION) ? SplitCriterion.Kind.GINI
                    : criterion(params.getString(CRITERION, ""));
            return new Options(params.getInt(N_ESTIMATORS, DEFAULT_TREES), new Splits(maxFeatures, criterion),
                    // AutoGluon's cap on leaves, which bounds the model's size; depth 0 is unlimited.
                    new TreeShape(params.getInt(MIN_SAMPLES_LEAF, 1), params.getInt(MAX_LEAF_NODES, 15000),
                            params.getInt(MAX_DEPTH, 0)));
        }

        private static SplitCriterion.Kind criterion(String value) {
            return SplitCriterion.Kind.forClasses(value).orElseThrow(
                    () -> new IllegalArgumentException("criterion must be gini or entropy, got " + value));
        }

        /** The same forest with another tree count, as fitting records the trees it grew. */
        Options withTrees(int trees) {
            return new Options(trees, splits, shape);
        }

        /** Every hyperparameter, defaults included, as fitted params record them. */
        Params toParams() {
            Params p = Params.of(N_ESTIMATORS, nEstimators, MAX_FEATURES, splits.maxFeatures().value(),
                    MIN_SAMPLES_LEAF, shape.minSamplesLeaf(), MAX_LEAF_NODES, shape.maxLeafNodes(),
                    MAX_DEPTH, shape.maxDepth());
            return splits.criterion() == SplitCriterion.Kind.VARIANCE ? p
                    : p.with(CRITERION, splits.criterion().key());
        }
    }
}
