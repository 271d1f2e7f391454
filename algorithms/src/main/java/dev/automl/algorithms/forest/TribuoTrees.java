package dev.automl.algorithms.forest;

import dev.automl.algorithms.TrainingData;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;
import java.util.List;
import java.util.stream.IntStream;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.dtree.impurity.LabelImpurity;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Grows Tribuo CART classification trees with random split points (Tribuo's extremely randomized trees) on the
 * whole training set, as Geurts et al. do, rather than through Tribuo's ExtraTreesTrainer, which bootstraps.
 */
final class TribuoTrees {

    /** Tribuo's tree settings, already resolved against the data. */
    record Settings(int featuresPerSplit, float minChildWeight, int maxDepth, String criterion) {
        Settings {
            if (featuresPerSplit < 1 || !(minChildWeight > 0) || maxDepth < 1) {
                throw new IllegalArgumentException("bad tree settings " + this);
            }
        }
    }

    private final MutableDataset<Label> data;
    private final ImmutableFeatureMap featureMap;
    private final int[] columnOfFeatureId;
    private final int numClasses;
    private final Settings settings;

    TribuoTrees(TrainingData train, Settings settings) {
        TribuoLogging.quiet();
        this.settings = settings;
        this.numClasses = train.y().numClasses();
        this.data = dataset(train.x(), train.y());
        this.featureMap = data.getFeatureIDMap();
        this.columnOfFeatureId = new int[featureMap.size()];
        for (int id = 0; id < columnOfFeatureId.length; id++) {
            columnOfFeatureId[id] = column(featureMap.get(id).getName());
        }
    }

    static String featureName(int column) {
        // Zero-padded so that Tribuo's name order, which fixes its feature ids, is the column order.
        return String.format("f%07d", column);
    }

    static int column(String featureName) {
        return Integer.parseInt(featureName.substring(1));
    }

    static String labelName(int cls) {
        return Integer.toString(cls);
    }

    static MutableDataset<Label> dataset(FeatureMatrix x, Target y) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("automl", factory), factory);
        String[] names = names(x.cols());
        for (int i = 0; i < x.rows(); i++) {
            ArrayExample<Label> e = new ArrayExample<>(new Label(labelName(y.classOf(i))), names, x.row(i));
            e.setWeight((float) y.weight(i));
            ds.add(e);
        }
        return ds;
    }

    static String[] names(int cols) {
        String[] names = new String[cols];
        for (int j = 0; j < cols; j++) {
            names[j] = featureName(j);
        }
        return names;
    }

    static Example<Label> example(double[] row) {
        return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names(row.length), row);
    }

    /** Grows one tree per seed, in parallel on the calling pool; the result is in seed order. */
    List<WeightedTree> grow(long[] seeds) {
        return IntStream.range(0, seeds.length).parallel()
                .mapToObj(i -> new WeightedTree(TribuoTreeExport.classification(train(seeds[i]), columnOfFeatureId, numClasses), 1.0))
                .toList();
    }

    TreeModel<Label> train(long seed) {
        // Tribuo rounds fraction x feature count; handing it k / count makes that exactly k.
        int present = featureMap.size();
        float fraction = Math.min(1f, (float) settings.featuresPerSplit() / present);
        LabelImpurity impurity = switch (settings.criterion()) {
            case "gini" -> new GiniIndex();
            case "entropy" -> new Entropy();
            default -> throw new IllegalArgumentException("criterion must be gini or entropy, got " + settings.criterion());
        };
        CARTClassificationTrainer trainer = new CARTClassificationTrainer(settings.maxDepth(),
                settings.minChildWeight(), 0.0f, fraction, true, impurity, seed);
        return trainer.train(data);
    }

    int[] columnOfFeatureId() {
        return columnOfFeatureId.clone();
    }
}
