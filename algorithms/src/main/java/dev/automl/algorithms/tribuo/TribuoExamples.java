package dev.automl.algorithms.tribuo;

import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Turns the project's feature matrices into Tribuo examples: feature {@code j} is named {@code f000j} (Tribuo sorts
 * an example's features by name, so fixed-width names keep the column order), a class is named by its project
 * class index, and a regression target is one dimension.
 */
public final class TribuoExamples {

    /**
     * Heap a fit through Tribuo takes for each value: the example's name reference and value (16 bytes), and the
     * library's own node for it (LIBLINEAR's and LIBSVM's index-value objects, 32 bytes), with some slack.
     */
    public static final long HEAP_BYTES_PER_VALUE = 56;


    /** Tribuo logs every fit at INFO through java.util.logging; the run's console must stay the run's. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
        // LibSVM prints its optimiser's progress to standard output unless told where else to print.
        libsvm.svm.svm_set_print_string_function(s -> { });
    }

    private static final String TARGET = "y";

    private TribuoExamples() {
    }

    static String[] featureNames(int cols) {
        String[] names = new String[cols];
        int width = Math.max(1, String.valueOf(Math.max(0, cols - 1)).length());
        for (int j = 0; j < cols; j++) {
            names[j] = "f" + "0".repeat(width - String.valueOf(j).length()) + j;
        }
        return names;
    }

    /**
     * Labelled classification examples.
     *
     * @param rowWeights the weight of each row (sample weight times class weight), or null for 1 each
     */
    public static MutableDataset<Label> classification(FeatureMatrix x, Target y, double[] rowWeights, FeatureScaling scaling) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("automl", new LabelFactory()),
                new LabelFactory());
        String[] names = featureNames(x.cols());
        for (int r = 0; r < x.rows(); r++) {
            ArrayExample<Label> e = new ArrayExample<>(new Label(Integer.toString(y.classOf(r))), names, row(x, r, scaling));
            if (rowWeights != null) {
                e.setWeight((float) rowWeights[r]);
            }
            data.add(e);
        }
        return data;
    }

    /** Labelled regression examples with targets {@code (y - shift) / scale}, weighted by the sample weights. */
    public static MutableDataset<Regressor> regression(FeatureMatrix x, Target y, double shift, double scale) {
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("automl", new RegressionFactory()),
                new RegressionFactory());
        String[] names = featureNames(x.cols());
        for (int r = 0; r < x.rows(); r++) {
            ArrayExample<Regressor> e = new ArrayExample<>(new Regressor(TARGET, (y.y()[r] - shift) / scale), names,
                    row(x, r, null));
            e.setWeight((float) y.weight(r));
            data.add(e);
        }
        return data;
    }

    /** Unlabelled examples of rows {@code [from, to)}, for prediction. */
    static <T extends Output<T>> List<Example<T>> unlabelled(FeatureMatrix x, int from, int to, OutputFactory<T> factory,
                                                            FeatureScaling scaling) {
        String[] names = featureNames(x.cols());
        List<Example<T>> out = new ArrayList<>(to - from);
        for (int r = from; r < to; r++) {
            out.add(new ArrayExample<>(factory.getUnknownOutput(), names, row(x, r, scaling)));
        }
        return out;
    }

    static double[] row(FeatureMatrix x, int r, FeatureScaling scaling) {
        double[] v = x.row(r);
        return scaling == null ? v : scaling.apply(v);
    }
}
