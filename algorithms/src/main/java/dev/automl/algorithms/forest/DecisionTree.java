package dev.automl.algorithms.forest;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.FiniteFeatures;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Hyperparameter;
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
import smile.base.cart.SplitRule;
import smile.data.DataFrame;

/**
 * Azure's {@code DecisionTree} for classification and regression: one CART tree grown by Smile on every training
 * row, the best split over all features at each node (Gini or entropy for classes, variance for numbers), saved
 * in this project's tree arrays. Sample weights are not supported by Smile's tree and are ignored.
 *
 * <p>Hyperparameters (scikit-learn's names): {@code max_depth} (default 0 = unlimited), {@code min_samples_split}
 * (default 2, as scikit-learn: a node of fewer rows is not split, Smile's node size), {@code max_leaf_nodes}
 * (default 0 = unlimited) and, for classification, {@code criterion} ("gini" or "entropy").
 */
public final class DecisionTree implements Learner {

    public static final String NAME = "DecisionTree";

    /** One tree on all features against RandomForest's 300 on a share of them: a small fraction of its cost. */
    static final double RELATIVE_COST = 0.1;

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

    /** A single tree is far behind the forests and boosting: it runs only when the job allows it by name. */
    @Override
    public boolean inDefaultSearch() {
        return false;
    }

    /** Smile's data frame holds the rows as doubles, and its trees an index of each column's order. */
    @Override
    public long heapBytes(int rows, int features, int numClasses, Params params) {
        return SmileForest.HEAP_BYTES_PER_VALUE * rows * features;
    }

    @Override
    public double relativeCost() {
        return RELATIVE_COST;
    }

    @Override
    public SearchSpace space(Task task, DataShape shape) {
        List<Hyperparameter> hs = new ArrayList<>(List.of(
                new Hyperparameter.IntRange(Options.MAX_DEPTH, 2, 30, false),
                new Hyperparameter.IntRange(Options.MIN_SAMPLES_SPLIT, 2, 100, true),
                new Hyperparameter.IntRange(Options.MAX_LEAF_NODES, 4,
                        Math.max(4, Math.min(32768, shape.rows() / 2)), true)));
        if (task == Task.CLASSIFICATION) {
            hs.add(new Hyperparameter.Choice(Options.CRITERION, SplitCriterion.Kind.classificationKeys()));
        }
        return new SearchSpace(hs);
    }

    /**
     * The cheap start is a small tree (at most 32 leaves, depth 10, nodes under 5 rows not split), which
     * generalises better than scikit-learn's unlimited default; that default and a mid-sized tree follow.
     */
    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        return List.of(tree(10, 5, 32), tree(30, 2, Math.max(4, shape.rows() / 2)), tree(12, 20, 256));
    }

    private static Params tree(int maxDepth, int minSamplesSplit, int maxLeafNodes) {
        return Params.of(Options.MAX_DEPTH, maxDepth, Options.MIN_SAMPLES_SPLIT, minSamplesSplit,
                Options.MAX_LEAF_NODES, maxLeafNodes);
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        Task task = train.y().task();
        Options options = Options.of(params, task);
        FiniteFeatures.require(train.x());
        if (Forests.fewerThanTwoClasses(train)) {
            return Forests.model(NAME, train, List.of(), options.toParams(), false);
        }
        DataFrame data = SmileForest.frame(train.x(), train.y());
        int depth = options.maxDepth() <= 0 ? Integer.MAX_VALUE : Math.max(2, options.maxDepth());
        int leaves = options.maxLeafNodes() <= 0 ? Math.max(2, train.x().rows()) : Math.max(2, options.maxLeafNodes());
        int nodeSize = options.minSamplesSplit();
        TreeEnsemble.Tree tree;
        if (task == Task.CLASSIFICATION) {
            SplitRule rule = options.criterion() == SplitCriterion.Kind.ENTROPY ? SplitRule.ENTROPY : SplitRule.GINI;
            smile.classification.DecisionTree t = smile.classification.DecisionTree.fit(SmileForest.formula(), data,
                    rule, depth, leaves, nodeSize);
            tree = SmileTreeExport.classification(t.root(), t.classes(), train.y().numClasses());
        } else {
            smile.regression.RegressionTree t = smile.regression.RegressionTree.fit(SmileForest.formula(), data,
                    depth, leaves, nodeSize);
            tree = SmileTreeExport.regression(t.root());
        }
        return Forests.model(NAME, train, List.of(new WeightedTree(tree, 1.0)), options.toParams(), false);
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return ForestModel.load(dir, NAME, task, numClasses);
    }

    /**
     * DecisionTree's hyperparameters with their defaults applied; 0 for {@code maxDepth} or {@code maxLeafNodes}
     * means unlimited, and regression trees split on variance.
     */
    record Options(int maxDepth, int minSamplesSplit, int maxLeafNodes, SplitCriterion.Kind criterion) {

        static final String MAX_DEPTH = "max_depth";
        static final String MIN_SAMPLES_SPLIT = "min_samples_split";
        static final String MAX_LEAF_NODES = "max_leaf_nodes";
        static final String CRITERION = "criterion";
        static final Set<String> KEYS = Set.of(MAX_DEPTH, MIN_SAMPLES_SPLIT, MAX_LEAF_NODES, CRITERION);

        static Options of(Params params, Task task) {
            KnownParams.require(NAME, params, KEYS);
            boolean classes = task == Task.CLASSIFICATION;
            if (!classes && params.has(CRITERION)) {
                throw new IllegalArgumentException(NAME + ": criterion applies to classification only");
            }
            // scikit-learn's defaults: a node of fewer than 2 rows is not split (Smile's node size).
            int minSamplesSplit = params.getInt(MIN_SAMPLES_SPLIT, 2);
            if (minSamplesSplit < 2) {
                throw new IllegalArgumentException(NAME + ": min_samples_split must be at least 2");
            }
            SplitCriterion.Kind criterion = !classes ? SplitCriterion.Kind.VARIANCE
                    : !params.has(CRITERION) ? SplitCriterion.Kind.GINI
                    : SplitCriterion.Kind.forClasses(params.getString(CRITERION, "")).orElseThrow(
                            () -> new IllegalArgumentException(NAME + ": criterion must be gini or entropy"));
            return new Options(params.getInt(MAX_DEPTH, 0), minSamplesSplit, params.getInt(MAX_LEAF_NODES, 0),
                    criterion);
        }

        /** Every hyperparameter, defaults included, as fitted params record them. */
        Params toParams() {
            Params p = Params.of(MAX_DEPTH, maxDepth, MIN_SAMPLES_SPLIT, minSamplesSplit, MAX_LEAF_NODES, maxLeafNodes);
            return criterion == SplitCriterion.Kind.VARIANCE ? p : p.with(CRITERION, criterion.key());
        }
    }
}
