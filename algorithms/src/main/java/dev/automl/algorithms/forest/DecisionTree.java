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
    private static final Set<String> KNOWN = Set.of("max_depth", "min_samples_split", "max_leaf_nodes", "criterion");

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

    @Override
    public double relativeCost() {
        return RELATIVE_COST;
    }

    @Override
    public SearchSpace space(Task task, DataShape shape) {
        List<Hyperparameter> hs = new ArrayList<>(List.of(
                new Hyperparameter.IntRange("max_depth", 2, 30, false),
                new Hyperparameter.IntRange("min_samples_split", 2, 100, true),
                new Hyperparameter.IntRange("max_leaf_nodes", 4, Math.max(4, Math.min(32768, shape.rows() / 2)), true)));
        if (task == Task.CLASSIFICATION) {
            hs.add(new Hyperparameter.Choice("criterion", List.of("gini", "entropy")));
        }
        return new SearchSpace(hs);
    }

    /**
     * The cheap start is a small tree (at most 32 leaves, depth 10, nodes under 5 rows not split), which
     * generalises better than scikit-learn's unlimited default; that default and a mid-sized tree follow.
     */
    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        return List.of(Params.of("max_depth", 10, "min_samples_split", 5, "max_leaf_nodes", 32),
                Params.of("max_depth", 30, "min_samples_split", 2, "max_leaf_nodes", Math.max(4, shape.rows() / 2)),
                Params.of("max_depth", 12, "min_samples_split", 20, "max_leaf_nodes", 256));
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
        int rows = train.x().rows();
        int maxDepth = resolved.getInt("max_depth", 0);
        int maxLeaves = resolved.getInt("max_leaf_nodes", 0);
        int nodeSize = resolved.getInt("min_samples_split", 2);
        if (nodeSize < 2) {
            throw new IllegalArgumentException(NAME + ": min_samples_split must be at least 2");
        }
        if (Forests.fewerThanTwoClasses(train)) {
            return Forests.model(NAME, train, List.of(), resolved, false);
        }
        DataFrame data = SmileForest.frame(train.x(), train.y());
        int depth = maxDepth <= 0 ? Integer.MAX_VALUE : Math.max(2, maxDepth);
        int leaves = maxLeaves <= 0 ? Math.max(2, rows) : Math.max(2, maxLeaves);
        TreeEnsemble.Tree tree;
        if (task == Task.CLASSIFICATION) {
            SplitRule rule = switch (resolved.getString("criterion", "gini")) {
                case "gini" -> SplitRule.GINI;
                case "entropy" -> SplitRule.ENTROPY;
                default -> throw new IllegalArgumentException(NAME + ": criterion must be gini or entropy");
            };
            smile.classification.DecisionTree t = smile.classification.DecisionTree.fit(SmileForest.formula(), data,
                    rule, depth, leaves, nodeSize);
            tree = SmileTreeExport.classification(t.root(), t.classes(), train.y().numClasses());
        } else {
            smile.regression.RegressionTree t = smile.regression.RegressionTree.fit(SmileForest.formula(), data,
                    depth, leaves, nodeSize);
            tree = SmileTreeExport.regression(t.root());
        }
        return Forests.model(NAME, train, List.of(new WeightedTree(tree, 1.0)), resolved, false);
    }

    private static Params defaults(Task task) {
        Params p = Params.of("max_depth", 0, "min_samples_split", 2, "max_leaf_nodes", 0);
        return task == Task.CLASSIFICATION ? p.with("criterion", "gini") : p;
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return ForestModel.load(dir, NAME, task, numClasses);
    }
}
