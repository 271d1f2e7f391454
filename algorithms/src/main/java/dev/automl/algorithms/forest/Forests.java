package dev.automl.algorithms.forest;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Hyperparameter;
import dev.automl.algorithms.LibraryThreads;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.Priors;
import dev.automl.algorithms.SearchSpace;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Grows forests within a trial's threads, deadline and size budget, and assembles them into a {@link ForestModel}. */
final class Forests {

    /**
     * The leaf values (leaves x classes, or leaves for regression) above which a forest stops adding trees. Leaf
     * values are what makes forests of deep trees big: on covertype (100k rows, 7 classes) 300 default trees held
     * 23 million of them for RandomForest and 60 million for fully grown extremely randomized trees, 250 and 650 MB
     * in memory (ForestSizeBench). 16 million keeps such a forest near 120 MB in memory and on disk (4-byte leaf
     * values, plus 24 bytes per leaf for about one split and the leaf's cover) and still takes whole default forests
     * of binary trees (300 x 15,000 leaves x 2 = 9 million values) and regression trees (4.5 million), so it stops
     * only wide multiclass forests on large data: after about 150 to 200 trees on covertype, where adding trees has
     * little left to give (Probst and Boulesteix 2018, "To tune or not to tune the number of trees in random forest",
     * JMLR 18(181)). Small data never reaches it.
     */
    static final long MAX_LEAF_VALUES = 16_000_000L;

    /** The fewest trees the search space offers. */
    static final int LEAST_TREES = 50;

    /**
     * The trees times training rows a forest's cheap start point grows at most: 300 trees on 10,000 rows, a few
     * seconds on two cores. Tree time grows with the rows, so on more rows the start has fewer trees, and the local
     * search, which starts from it, adds trees where they pay (FLAML's low-cost start point). At 300 default trees
     * RandomForest's first trial on a 50,000-row sample of the generated 3,000,000-row table took 35.6 s and
     * ExtremeRandomTrees' 14.1 s, where LightGBM's took 10.0 s and scored 0.89 AUC to their 0.84 and 0.80.
     */
    static final long START_TREE_ROWS = 300L * 10_000;

    private Forests() {
    }

    /**
     * The cheap start point for {@code shape}: the defaults, with fewer trees than the default 300 above 10,000
     * rows, but not fewer than the search space's least.
     */
    static Params start(DataShape shape) {
        long trees = START_TREE_ROWS / Math.max(1, shape.rows());
        if (trees >= RandomForest.Options.DEFAULT_TREES) {
            return Params.empty();
        }
        return Params.of(RandomForest.Options.N_ESTIMATORS, (int) Math.max(LEAST_TREES, trees));
    }

    /** Heap per leaf beside its values: about one split node and the leaf's cover (see {@link #MAX_LEAF_VALUES}). */
    static final long BYTES_PER_LEAF = 24;

    /** How large a forest may grow: its tree count, each tree's leaf cap (0 for none) and least rows a leaf. */
    record Growth(int trees, int maxLeafNodes, int minSamplesLeaf) {
    }

    /**
     * A forest's heap estimate: {@code dataBytes} for what it trains on, and the forest grown under the options
     * {@code read} gives for the task; the data alone when the options are bad, since the fit names the bad setting.
     */
    static long heapBytes(long dataBytes, int rows, int numClasses, long maxLeafValues, Function<Task, Growth> read) {
        Growth g;
        try {
            g = read.apply(numClasses > 0 ? Task.CLASSIFICATION : Task.REGRESSION);
        } catch (IllegalArgumentException e) {
            return dataBytes;
        }
        return dataBytes + modelBytes(rows, numClasses, g.trees(), g.maxLeafNodes(), g.minSamplesLeaf(), maxLeafValues);
    }

    /**
     * The heap a grown forest takes at most: its leaf values (4 bytes each) and leaves, for {@code trees} trees of at
     * most {@code maxLeafNodes} leaves (0 for no limit) and no fewer than {@code minSamplesLeaf} rows a leaf, up to
     * the size budget. Fully grown trees on many rows are what fills a heap: on covertype's 90,000 rows (7 classes)
     * with a 1 GB heap, four ExtremeRandomTrees trials planned on their 21 MB of features alone failed with
     * OutOfMemoryError.
     */
    static long modelBytes(int rows, int numClasses, int trees, int maxLeafNodes, int minSamplesLeaf, long maxLeafValues) {
        long width = Math.max(1, numClasses);
        long leaves = Math.max(1, rows / Math.max(1, minSamplesLeaf));
        if (maxLeafNodes > 0) {
            leaves = Math.min(leaves, maxLeafNodes);
        }
        // The budget keeps the tree that crosses it.
        long values = Math.min((long) Math.max(0, trees) * leaves * width, maxLeafValues + leaves * width);
        return 4 * values + BYTES_PER_LEAF * (values / width);
    }

    /**
     * Grows up to {@code trees} trees on the trial's threads until the deadline or {@code maxLeafValues}; the
     * caller records how many it got as {@code n_estimators}, so that a refit asks for that many. With validation
     * rows, their predictions are built as the trees grow (see {@link ValidationVotes}).
     *
     * @param valid the validation rows, or null
     */
    static Grown grow(int trees, TrainingData train, TrainingData valid, TrialContext ctx, long maxLeafValues,
                      TreeBatches.Grower<WeightedTree> grower) {
        ValidationVotes votes = valid == null ? null
                : new ValidationVotes(valid.x(), train.y().task(), train.y().numClasses());
        List<WeightedTree> grown = LibraryThreads.call(ctx.threads(), () -> TreeBatches.grow(trees, ctx.seed(),
                ctx.deadline(), ctx.threads(), maxLeafValues, w -> w.tree().leafValue().length, grower,
                votes == null ? w -> { } : votes::add));
        long values = 0;
        for (WeightedTree w : grown) {
            values += w.tree().leafValue().length;
        }
        // Fewer trees than asked, and not because of the size budget: the deadline stopped the forest.
        return new Grown(grown, grown.size() < trees && values <= maxLeafValues,
                votes == null ? null : votes.predictions(Priors.of(train.y())));
    }

    /**
     * The trees a forest grew, whether the deadline stopped it before it had them all, and the validation rows'
     * predictions (null without validation rows).
     */
    record Grown(List<WeightedTree> trees, boolean stoppedByDeadline, Predictions validation) {
    }

    /**
     * Whether the training rows hold fewer than two classes; the libraries cannot grow classification trees then,
     * and the class shares already say everything.
     */
    static boolean fewerThanTwoClasses(TrainingData train) {
        if (train.y().task() != dev.automl.data.Task.CLASSIFICATION) {
            return false;
        }
        int[] classes = train.y().classes();
        for (int c : classes) {
            if (c != classes[0]) {
                return false;
            }
        }
        return true;
    }

    static ForestModel model(String learner, TrainingData train, Grown grown, Params fitted) {
        ForestModel model = model(learner, train, grown.trees(), fitted, grown.stoppedByDeadline());
        return grown.validation() == null ? model : model.withValidationPredictions(grown.validation());
    }

    static ForestModel model(String learner, TrainingData train, List<WeightedTree> grown, Params fitted,
                             boolean stoppedByDeadline) {
        List<TreeEnsemble.Tree> trees = new ArrayList<>(grown.size());
        double[] weights = new double[grown.size()];
        for (int i = 0; i < grown.size(); i++) {
            trees.add(grown.get(i).tree());
            weights[i] = grown.get(i).weight();
        }
        TreeEnsemble e = new TreeEnsemble(train.y().task(), train.y().numClasses(), train.x().cols(), trees, weights,
                Priors.of(train.y()));
        return new ForestModel(learner, e, fitted, stoppedByDeadline);
    }

    /** The search space both forests share, under RandomForest's names, which ExtremeRandomTrees takes too. */
    static SearchSpace space(Task task, DataShape shape) {
        List<Hyperparameter> hs = new ArrayList<>(List.of(
                new Hyperparameter.IntRange(RandomForest.Options.N_ESTIMATORS, LEAST_TREES, 500, false),
                new Hyperparameter.RealRange(RandomForest.Options.MAX_FEATURES, 0.1, 1.0, false),
                new Hyperparameter.IntRange(RandomForest.Options.MIN_SAMPLES_LEAF, 1, 20, true),
                // FLAML's range: from 4 leaves up to one leaf per two rows.
                new Hyperparameter.IntRange(RandomForest.Options.MAX_LEAF_NODES, 4,
                        Math.max(4, Math.min(32768, shape.rows() / 2)), true)));
        if (task == Task.CLASSIFICATION) {
            hs.add(new Hyperparameter.Choice(RandomForest.Options.CRITERION, SplitCriterion.Kind.classificationKeys()));
        }
        return new SearchSpace(hs);
    }
}
