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
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Azure's {@code ExtremeRandomTrees} for classification and regression: extremely randomized trees after Geurts,
 * Ernst and Wehenkel (2006), "Extremely randomized trees", Machine Learning 63(1):3-42, grown by the project's own
 * {@link ExtraTreeGrower} because no library on the classpath draws true random cut points. Every tree sees all
 * training rows (no bootstrap, as scikit-learn's ExtraTrees by default); at each node {@code max_features} features
 * not constant there each get one cut point drawn uniformly between their minimum and maximum in the node, and the
 * best cut by impurity decrease is kept. The forest averages its trees' leaf class shares or means. Sample weights
 * weigh the class counts, means and impurities; rows of weight 0 are left out.
 *
 * <p>Hyperparameters (scikit-learn's names): {@code n_estimators} (default 300), {@code max_features} ("sqrt",
 * "log2", a fraction or a count; default "sqrt" for classification and 1.0 for regression, as scikit-learn),
 * {@code min_samples_split} (default 2), {@code min_samples_leaf} (default 1; cuts leaving a child fewer rows are
 * not taken), {@code max_depth} (default 0 = unlimited), {@code max_leaf_nodes} (default 0 = unlimited,
 * as scikit-learn; trees grow breadth first and every node still waiting becomes a
 * leaf once another split would exceed it, where scikit-learn grows best first) and, for classification,
 * {@code criterion} ("gini" or "entropy"). The forest stops adding trees early once it holds
 * {@link Forests#MAX_LEAF_VALUES} leaf values; its fitted {@code n_estimators} is the number of trees it grew.
 */
public final class ExtremeRandomTrees implements Learner {

    public static final String NAME = "ExtremeRandomTrees";

    /**
     * Measured against {@link RandomForest}, both at their defaults with the same tree count on 2 threads
     * (ExtraTreesTimingBench.costRelativeToRandomForest): 0.13 to 0.45 of its time over covertype, friedman1,
     * concrete and blood_transfusion, about 0.3 typically; 0.35 leans to the dearer side of that. One random cut
     * per feature instead of a search over sorted values more than pays for no bootstrap and fully grown trees.
     */
    static final double RELATIVE_COST = RandomForest.RELATIVE_COST * 0.35;

    private final long maxLeafValues;

    public ExtremeRandomTrees() {
        this(Forests.MAX_LEAF_VALUES);
    }

    /** A forest that stops adding trees above {@code maxLeafValues} leaf values (tests use a small one). */
    ExtremeRandomTrees(long maxLeafValues) {
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

    /** The rows as float columns, which the trees grow over in place, and the grown forest. */
    @Override
    public long heapBytes(int rows, int features, int numClasses, Params params) {
        return Forests.heapBytes(4L * rows * features, rows, numClasses, maxLeafValues,
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
        // AutoGluon's zero-shot XT configurations r42, r172 and r49; r49 (sqrt, leaf 1) is already the
        // classification default.
        out.add(Params.of(Options.MAX_FEATURES, 0.75, Options.MIN_SAMPLES_LEAF, 1));
        out.add(Params.of(Options.MAX_FEATURES, 1.0, Options.MIN_SAMPLES_LEAF, 4));
        if (task == Task.REGRESSION) {
            out.add(Params.of(Options.MAX_FEATURES, MaxFeatures.Rule.SQRT.value(), Options.MIN_SAMPLES_LEAF, 1));
        }
        if (task == Task.CLASSIFICATION && shape.numClasses() == 2) {
            // FLAML's extra_tree/binary zero-shot configurations, n_estimators capped at the space's 500.
            out.add(zeroShot(500, 1.0, 590, SplitCriterion.Kind.ENTROPY));
            out.add(zeroShot(500, 0.46, 12856, SplitCriterion.Kind.GINI));
            out.add(zeroShot(408, 0.36, 81, SplitCriterion.Kind.ENTROPY));
        }
        return out;
    }

    private static Params zeroShot(int trees, double maxFeatures, int maxLeafNodes, SplitCriterion.Kind criterion) {
        return Params.of(Options.N_ESTIMATORS, trees, Options.MAX_FEATURES, maxFeatures,
                Options.MAX_LEAF_NODES, maxLeafNodes, Options.CRITERION, criterion.key());
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        Options options = Options.of(params, train.y().task());
        FiniteFeatures.require(train.x());
        ExtraTrees.Settings settings = options.settings(train.x().cols());
        if (Forests.fewerThanTwoClasses(train)) {
            return Forests.model(NAME, train, List.of(), options.withTrees(0).toParams(), false);
        }
        ExtraTreeData data;
        try {
            data = ExtraTreeData.of(train.x(), train.y());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NAME + ": " + e.getMessage(), e);
        }
        ExtraTrees forest = new ExtraTrees(data, settings);
        Forests.Grown grown = Forests.grow(options.nEstimators(), train, valid, ctx, maxLeafValues, forest::grow);
        return Forests.model(NAME, train, grown, options.withTrees(grown.trees().size()).toParams());
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return ForestModel.load(dir, NAME, task, numClasses);
    }

    /**
     * ExtremeRandomTrees' hyperparameters with their defaults applied: how many trees, how each split is chosen and
     * how large each tree may grow. The names are RandomForest's, since both forests search the same space.
     */
    record Options(int nEstimators, Splits splits, TreeShape shape) {

        /** How large the forest may grow, for its heap estimate. */
        Forests.Growth growth() {
            return new Forests.Growth(nEstimators, shape.maxLeafNodes(), shape.minSamplesLeaf());
        }

        static final String N_ESTIMATORS = RandomForest.Options.N_ESTIMATORS;
        static final String MAX_FEATURES = RandomForest.Options.MAX_FEATURES;
        static final String CRITERION = RandomForest.Options.CRITERION;
        static final String MIN_SAMPLES_SPLIT = "min_samples_split";
        static final String MIN_SAMPLES_LEAF = RandomForest.Options.MIN_SAMPLES_LEAF;
        static final String MAX_DEPTH = RandomForest.Options.MAX_DEPTH;
        static final String MAX_LEAF_NODES = RandomForest.Options.MAX_LEAF_NODES;
        static final Set<String> KEYS = Set.of(N_ESTIMATORS, MAX_FEATURES, MIN_SAMPLES_SPLIT, MIN_SAMPLES_LEAF,
                MAX_DEPTH, MAX_LEAF_NODES, CRITERION);

        /** How large each tree may grow; {@code maxDepth} and {@code maxLeafNodes} 0 mean unlimited. */
        record TreeShape(int minSamplesSplit, int minSamplesLeaf, int maxDepth, int maxLeafNodes) {
        }

        static Options of(Params params, Task task) {
            KnownParams.require(NAME, params, KEYS);
            boolean classes = task == Task.CLASSIFICATION;
            if (!classes && params.has(CRITERION)) {
                throw new IllegalArgumentException(NAME + ": criterion applies to classification only");
            }
            TreeShape shape = new TreeShape(params.getInt(MIN_SAMPLES_SPLIT, 2), params.getInt(MIN_SAMPLES_LEAF, 1),
                    params.getInt(MAX_DEPTH, 0),
                    // Unlimited: the forest's leaf-value budget already bounds its size, and capping trees at
                    // AutoGluon's 15,000 leaves cost 2 points of accuracy on covertype (0.9194 to 0.8977) where the
                    // budget alone cost nothing.
                    params.getInt(MAX_LEAF_NODES, 0));
            if (shape.minSamplesSplit() < 2) {
                throw new IllegalArgumentException(
                        NAME + ": min_samples_split must be at least 2, got " + shape.minSamplesSplit());
            }
            if (shape.minSamplesLeaf() < 1) {
                throw new IllegalArgumentException(
                        NAME + ": min_samples_leaf must be at least 1, got " + shape.minSamplesLeaf());
            }
            if (shape.maxDepth() < 0) {
                throw new IllegalArgumentException(
                        NAME + ": max_depth must be 0 (unlimited) or more, got " + shape.maxDepth());
            }
            if (shape.maxLeafNodes() < 0 || shape.maxLeafNodes() == 1) {
                throw new IllegalArgumentException(
                        NAME + ": max_leaf_nodes must be 0 (unlimited) or at least 2, got " + shape.maxLeafNodes());
            }
            SplitCriterion.Kind criterion = !classes ? SplitCriterion.Kind.VARIANCE
                    : !params.has(CRITERION) ? SplitCriterion.Kind.GINI
                    : criterion(params.getString(CRITERION, ""));
            // scikit-learn's defaults: the square root of the features for classes, all of them for numbers.
            MaxFeatures maxFeatures = !params.has(MAX_FEATURES)
                    ? classes ? MaxFeatures.Rule.SQRT : new MaxFeatures.Fraction(1.0)
                    : named(() -> MaxFeatures.of(params.values().get(MAX_FEATURES)));
            int trees = params.getInt(N_ESTIMATORS, RandomForest.Options.DEFAULT_TREES);
            if (trees < 1) {
                throw new IllegalArgumentException(NAME + ": n_estimators must be at least 1");
            }
            return new Options(trees, new Splits(maxFeatures, criterion), shape);
        }

        private static SplitCriterion.Kind criterion(String value) {
            return SplitCriterion.Kind.forClasses(value.toLowerCase(Locale.ROOT)).orElseThrow(
                    () -> new IllegalArgumentException(NAME + ": criterion must be gini or entropy, got " + value));
        }

        /** The settings on data of {@code features} columns. */
        ExtraTrees.Settings settings(int features) {
            int perSplit = named(() -> splits.maxFeatures().featuresPerSplit(features));
            return new ExtraTrees.Settings(perSplit, shape.minSamplesSplit(), shape.minSamplesLeaf(),
                    shape.maxDepth() == 0 ? Integer.MAX_VALUE : shape.maxDepth(),
                    shape.maxLeafNodes() == 0 ? Integer.MAX_VALUE : shape.maxLeafNodes(), splits.criterion());
        }

        /** {@code max_features}' messages, which do not say whose they are, with the learner's name. */
        private static <T> T named(Supplier<T> read) {
            try {
                return read.get();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(NAME + ": " + e.getMessage(), e);
            }
        }

        /** The same forest with another tree count, as fitting records the trees it grew. */
        Options withTrees(int trees) {
            return new Options(trees, splits, shape);
        }

        /** Every hyperparameter, defaults included, as fitted params record them. */
        Params toParams() {
            Params p = Params.of(N_ESTIMATORS, nEstimators, MAX_FEATURES, splits.maxFeatures().value(),
                    MIN_SAMPLES_SPLIT, shape.minSamplesSplit(), MIN_SAMPLES_LEAF, shape.minSamplesLeaf(),
                    MAX_DEPTH, shape.maxDepth(), MAX_LEAF_NODES, shape.maxLeafNodes());
            return splits.criterion() == SplitCriterion.Kind.VARIANCE ? p
                    : p.with(CRITERION, splits.criterion().key());
        }
    }
}
