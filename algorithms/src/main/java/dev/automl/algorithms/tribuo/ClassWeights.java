package dev.automl.algorithms.tribuo;

import dev.automl.algorithms.Params;
import dev.automl.featurization.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.classification.Label;

/**
 * The {@code class_weight} hyperparameter: {@code none}, or scikit-learn's {@code balanced}, which weighs each class
 * by {@code rows / (classes * rows of the class)} so that every present class carries the same total weight.
 */
public final class ClassWeights {

    private ClassWeights() {
    }

    /** The {@code class_weight} choices, by their hyperparameter values. */
    public enum Mode {
        NONE, BALANCED;

        /** The hyperparameter value. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The values a search space chooses between. */
        public static List<Object> choices() {
            return List.of(NONE.value(), BALANCED.value());
        }

        /** Reads a {@code class_weight} value, spelt exactly; the message names the learner. */
        public static Mode of(String learner, String value) {
            for (Mode mode : values()) {
                if (mode.value().equals(value)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException(learner + ": class_weight must be none or balanced, not " + value);
        }

        /** A learner's {@code class_weight} hyperparameter: none when absent, else as {@link #of} reads it. */
        public static Mode read(String learner, Params params, String key) {
            return params.has(key) ? of(learner, params.getString(key, "")) : NONE;
        }

        public boolean balanced() {
            return this == BALANCED;
        }
    }

    /** The weight of each class (0 for absent ones); all 1 unless balanced. */
    public static double[] perClass(Target y, boolean balanced) {
        int k = y.numClasses();
        double[] count = new double[k];
        for (int r = 0; r < y.size(); r++) {
            count[y.classOf(r)]++;
        }
        int present = 0;
        for (double c : count) {
            present += c > 0 ? 1 : 0;
        }
        double[] w = new double[k];
        for (int c = 0; c < k; c++) {
            w[c] = !balanced ? 1.0 : count[c] > 0 ? y.size() / (present * count[c]) : 0.0;
        }
        return w;
    }

    /** Each row's sample weight times its class weight. */
    public static double[] perRow(Target y, boolean balanced) {
        double[] cw = perClass(y, balanced);
        double[] out = new double[y.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = y.weight(r) * cw[y.classOf(r)];
        }
        return out;
    }

    /** The class weights as LibLinear and LibSVM take them, keyed by Tribuo label. */
    public static Map<Label, Float> labels(Target y, boolean balanced) {
        double[] cw = perClass(y, balanced);
        Map<Label, Float> out = new HashMap<>();
        for (int c = 0; c < cw.length; c++) {
            if (cw[c] > 0) {
                out.put(new Label(Integer.toString(c)), (float) cw[c]);
            }
        }
        return out;
    }
}
