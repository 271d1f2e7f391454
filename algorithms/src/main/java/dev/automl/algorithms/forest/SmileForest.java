package dev.automl.algorithms.forest;

import dev.automl.algorithms.TrainingData;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;

/**
 * Grows batches of Smile random-forest trees on one training set: bootstrap samples drawn with replacement
 * (Smile draws them per class, so each tree keeps the class balance), {@code mtry} features tried per split.
 */
final class SmileForest {

    /** Smile's forest settings, already resolved against the data. */
    record Settings(int mtry, int nodeSize, int maxNodes, int maxDepth, String criterion) {
        Settings {
            if (mtry < 1 || nodeSize < 1 || maxNodes < 2 || maxDepth < 2) {
                throw new IllegalArgumentException("bad forest settings " + this);
            }
        }
    }

    private static final String TARGET = "__target__";
    private static final Formula FORMULA = Formula.lhs(TARGET);

    private final Task task;
    private final int numClasses;
    private final Settings settings;
    /** Heap per value of a Smile tree fit: the data frame's double (8 bytes) and the column-order index (4), twice over for the frame's conversion. */
    static final long HEAP_BYTES_PER_VALUE = 20;

    private final DataFrame data;

    SmileForest(TrainingData train, Settings settings) {
        this.task = train.y().task();
        this.numClasses = train.y().numClasses();
        this.settings = settings;
        this.data = frame(train.x(), train.y());
    }

    static String columnName(int j) {
        return "x" + j;
    }

    /** The features as a Smile data frame, in column order, plus the target when there is one. */
    static DataFrame frame(FeatureMatrix x, Target y) {
        String[] names = new String[x.cols()];
        for (int j = 0; j < names.length; j++) {
            names[j] = columnName(j);
        }
        DataFrame df = DataFrame.of(x.toDoubleRows(), names);
        if (y == null) {
            return df;
        }
        return y.task() == Task.CLASSIFICATION ? df.merge(IntVector.of(TARGET, y.classes()))
                : df.merge(DoubleVector.of(TARGET, y.y().clone()));
    }

    static Formula formula() {
        return FORMULA;
    }

    /** Grows one tree per seed; call it inside the pool the trees should run on. */
    List<WeightedTree> grow(long[] seeds) {
        return task == Task.CLASSIFICATION ? export(fitClassifier(seeds)) : export(fitRegressor(seeds));
    }

    List<WeightedTree> export(smile.classification.RandomForest rf) {
        List<WeightedTree> out = new ArrayList<>(rf.size());
        int[] classes = rf.classes();
        for (smile.classification.RandomForest.Model m : rf.models()) {
            // A tree without out-of-bag rows (only on tiny data) has NaN accuracy: give it an ordinary vote.
            double w = Double.isFinite(m.weight) ? m.weight : 1.0;
            out.add(new WeightedTree(SmileTreeExport.classification(m.tree.root(), classes, numClasses), w));
        }
        return out;
    }

    List<WeightedTree> export(smile.regression.RandomForest rf) {
        List<WeightedTree> out = new ArrayList<>(rf.size());
        for (smile.regression.RandomForest.Model m : rf.models()) {
            out.add(new WeightedTree(SmileTreeExport.regression(m.tree.root()), 1.0));
        }
        return out;
    }

    smile.classification.RandomForest fitClassifier(long[] seeds) {
        SplitRule rule = switch (settings.criterion()) {
            case "gini" -> SplitRule.GINI;
            case "entropy" -> SplitRule.ENTROPY;
            default -> throw new IllegalArgumentException("criterion must be gini or entropy, got " + settings.criterion());
        };
        // subsample 1.0 is Smile's switch for sampling with replacement, i.e. a bootstrap per tree.
        return smile.classification.RandomForest.fit(FORMULA, data, seeds.length, settings.mtry(), rule,
                settings.maxDepth(), settings.maxNodes(), settings.nodeSize(), 1.0, null, LongStream.of(seeds));
    }

    smile.regression.RandomForest fitRegressor(long[] seeds) {
        return smile.regression.RandomForest.fit(FORMULA, data, seeds.length, settings.mtry(), settings.maxDepth(),
                settings.maxNodes(), settings.nodeSize(), 1.0, LongStream.of(seeds));
    }
}
