package dev.automl.algorithms.forest;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Hyperparameter;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.SearchSpace;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.featurization.FeatureView;
import dev.automl.metrics.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Azure's {@code ExtremeRandomTrees}, classification only for now, grown by Tribuo: every tree sees the whole
 * training set (no bootstrap, as Geurts et al. 2006), and at each node each of {@code max_features} random
 * features gets one random cut point, the best of which is kept. Tribuo draws the cut as the midpoint of a
 * uniformly chosen gap between the node's distinct values rather than uniformly in [min, max].
 *
 * <p>Regression is not offered: Tribuo 4.3.2's random-split regression node never clears its candidate index
 * lists between features (RegressorTrainingNode.buildRandomTree), so with more than one feature per split it
 * scores later features on the wrong rows and often fails with "bound must be positive" (oracle/tribuo#407).
 *
 * <p>Hyperparameters: {@code n_estimators} (default 300), {@code max_features} (default "sqrt"),
 * {@code min_samples_split} (default 2: lighter nodes are not split; Tribuo's minimum child weight),
 * {@code max_depth} (default 0 = unlimited), {@code criterion} ("gini" or "entropy").
 */
public final class ExtremeRandomTrees implements Learner {

    public static final String NAME = "ExtremeRandomTrees";

    static final int DEFAULT_TREES = 300;
    private static final Set<String> KNOWN = Set.of("n_estimators", "max_features", "min_samples_split",
            "max_depth", "criterion");

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
        return FeatureView.TREES;
    }

    @Override
    public double relativeCost() {
        // FLAML's figure for scikit-learn's extra trees; Tribuo's trees are far slower (see the measurements).
        return 1.9;
    }

    @Override
    public SearchSpace space(Task task, DataShape shape) {
        requireClassification(task);
        return SearchSpace.of(
                new Hyperparameter.IntRange("n_estimators", 50, 500, false),
                new Hyperparameter.RealRange("max_features", 0.1, 1.0, false),
                new Hyperparameter.IntRange("min_samples_split", 2, 40, true),
                new Hyperparameter.Choice("criterion", List.of("gini", "entropy")));
    }

    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        requireClassification(task);
        List<Params> out = new ArrayList<>();
        out.add(Params.empty());
        // AutoGluon's zero-shot XT configurations r42, r172, r49, with min_samples_leaf k read as
        // min_samples_split 2k (Tribuo has no leaf-size or leaf-count limit).
        out.add(Params.of("max_features", 0.75, "min_samples_split", 2));
        out.add(Params.of("max_features", 1.0, "min_samples_split", 8));
        if (shape.numClasses() == 2) {
            // FLAML's extra_tree/binary zero-shot configurations, n_estimators capped at the space's 500.
            out.add(Params.of("n_estimators", 500, "max_features", 1.0, "criterion", "entropy"));
            out.add(Params.of("n_estimators", 500, "max_features", 0.46, "criterion", "gini"));
            out.add(Params.of("n_estimators", 408, "max_features", 0.36, "criterion", "entropy"));
        }
        return out;
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        requireClassification(train.y().task());
        KnownParams.require(NAME, params, KNOWN);
        FiniteFeatures.require(train.x());
        Params resolved = defaults().merge(params);
        int maxDepth = resolved.getInt("max_depth", 0);
        int minSplit = resolved.getInt("min_samples_split", 2);
        if (minSplit < 1) {
            throw new IllegalArgumentException(NAME + ": min_samples_split must be at least 1");
        }
        TribuoTrees.Settings settings = new TribuoTrees.Settings(
                FeatureFraction.featuresPerSplit(resolved.values().get("max_features"), train.x().cols()),
                minSplit, maxDepth <= 0 ? Integer.MAX_VALUE : maxDepth, resolved.getString("criterion", "gini"));
        if (Forests.fewerThanTwoClasses(train)) {
            return Forests.model(NAME, train, List.of(), resolved.with("n_estimators", 0));
        }
        int trees = resolved.getInt("n_estimators", DEFAULT_TREES);
        if (trees < 1) {
            throw new IllegalArgumentException(NAME + ": n_estimators must be at least 1");
        }
        TribuoTrees grower = new TribuoTrees(train, settings);
        List<WeightedTree> grown = LibraryThreads.call(ctx.threads(),
                () -> TreeBatches.grow(trees, ctx.seed(), ctx.deadline(), ctx.threads(), grower::grow));
        return Forests.model(NAME, train, grown, resolved.with("n_estimators", grown.size()));
    }

    private static Params defaults() {
        return Params.of("n_estimators", DEFAULT_TREES, "max_features", "sqrt", "min_samples_split", 2,
                "max_depth", 0, "criterion", "gini");
    }

    private static void requireClassification(Task task) {
        if (task != Task.CLASSIFICATION) {
            throw new IllegalArgumentException(NAME + " supports classification only: Tribuo 4.3.2's random-split "
                    + "regression trees are broken (oracle/tribuo#407)");
        }
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return ForestModel.load(dir, NAME, task, numClasses);
    }
}
