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

    static final int DEFAULT_TREES = 300;
    /**
     * Unlimited: the forest's leaf-value budget already bounds its size, and capping trees at AutoGluon's 15,000
     * leaves cost 2 points of accuracy on covertype (0.9194 to 0.8977) where the budget alone cost nothing.
     */
    static final int DEFAULT_MAX_LEAF_NODES = 0;
    /**
     * Measured against {@link RandomForest}, both at their defaults with the same tree count on 2 threads
     * (ExtraTreesTimingBench.costRelativeToRandomForest): 0.13 to 0.45 of its time over covertype, friedman1,
     * concrete and blood_transfusion, about 0.3 typically; 0.35 leans to the dearer side of that. One random cut
     * per feature instead of a search over sorted values more than pays for no bootstrap and fully grown trees.
     */
    static final double RELATIVE_COST = RandomForest.RELATIVE_COST * 0.35;
    private static final Set<String> KNOWN = Set.of("n_estimators", "max_features", "min_samples_split",
            "min_samples_leaf", "max_depth", "max_leaf_nodes", "criterion");

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
        // AutoGluon's zero-shot XT configurations r42, r172 and r49; r49 (sqrt, leaf 1) is already the
        // classification default.
        out.add(Params.of("max_features", 0.75, "min_samples_leaf", 1));
        out.add(Params.of("max_features", 1.0, "min_samples_leaf", 4));
        if (task == Task.REGRESSION) {
            out.add(Params.of("max_features", "sqrt", "min_samples_leaf", 1));
        }
        if (task == Task.CLASSIFICATION && shape.numClasses() == 2) {
            // FLAML's extra_tree/binary zero-shot configurations, n_estimators capped at the space's 500.
            out.add(Params.of("n_estimators", 500, "max_features", 1.0, "max_leaf_nodes", 590, "criterion", "entropy"));
            out.add(Params.of("n_estimators", 500, "max_features", 0.46, "max_leaf_nodes", 12856, "criterion", "gini"));
            out.add(Params.of("n_estimators", 408, "max_features", 0.36, "max_leaf_nodes", 81, "criterion", "entropy"));
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
        ExtraTrees.Settings settings = settings(resolved, task, train.x().cols());
        int trees = resolved.getInt("n_estimators", DEFAULT_TREES);
        if (trees < 1) {
            throw new IllegalArgumentException(NAME + ": n_estimators must be at least 1");
        }
        if (Forests.fewerThanTwoClasses(train)) {
            return Forests.model(NAME, train, List.of(), resolved.with("n_estimators", 0), false);
        }
        ExtraTreeData data;
        try {
            data = ExtraTreeData.of(train.x(), train.y());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NAME + ": " + e.getMessage(), e);
        }
        ExtraTrees forest = new ExtraTrees(data, settings);
        Forests.Grown grown = Forests.grow(trees, ctx, maxLeafValues, forest::grow);
        return Forests.model(NAME, train, grown.trees(), resolved.with("n_estimators", grown.trees().size()),
                grown.stoppedByDeadline());
    }

    private static ExtraTrees.Settings settings(Params p, Task task, int features) {
        int minSplit = p.getInt("min_samples_split", 2);
        int minLeaf = p.getInt("min_samples_leaf", 1);
        int maxDepth = p.getInt("max_depth", 0);
        int maxLeaves = p.getInt("max_leaf_nodes", DEFAULT_MAX_LEAF_NODES);
        if (minSplit < 2) {
            throw new IllegalArgumentException(NAME + ": min_samples_split must be at least 2, got " + minSplit);
        }
        if (minLeaf < 1) {
            throw new IllegalArgumentException(NAME + ": min_samples_leaf must be at least 1, got " + minLeaf);
        }
        if (maxDepth < 0) {
            throw new IllegalArgumentException(NAME + ": max_depth must be 0 (unlimited) or more, got " + maxDepth);
        }
        if (maxLeaves < 0 || maxLeaves == 1) {
            throw new IllegalArgumentException(
                    NAME + ": max_leaf_nodes must be 0 (unlimited) or at least 2, got " + maxLeaves);
        }
        SplitCriterion.Kind criterion = task == Task.REGRESSION ? SplitCriterion.Kind.VARIANCE
                : switch (p.getString("criterion", "gini").toLowerCase(Locale.ROOT)) {
                    case "gini" -> SplitCriterion.Kind.GINI;
                    case "entropy" -> SplitCriterion.Kind.ENTROPY;
                    default -> throw new IllegalArgumentException(
                            NAME + ": criterion must be gini or entropy, got " + p.getString("criterion", ""));
                };
        int perSplit;
        try {
            perSplit = FeatureFraction.featuresPerSplit(p.values().get("max_features"), features);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NAME + ": " + e.getMessage(), e);
        }
        return new ExtraTrees.Settings(perSplit, minSplit, minLeaf, maxDepth == 0 ? Integer.MAX_VALUE : maxDepth,
                maxLeaves == 0 ? Integer.MAX_VALUE : maxLeaves, criterion);
    }

    private static Params defaults(Task task) {
        Params p = Params.of("n_estimators", DEFAULT_TREES, "min_samples_split", 2, "min_samples_leaf", 1,
                "max_depth", 0, "max_leaf_nodes", DEFAULT_MAX_LEAF_NODES);
        return task == Task.CLASSIFICATION ? p.with("max_features", "sqrt").with("criterion", "gini")
                : p.with("max_features", 1.0);
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return ForestModel.load(dir, NAME, task, numClasses);
    }
}
