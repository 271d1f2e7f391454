package dev.automl.engine.model;

import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The features a stack's meta-learner sees: each member's predictions, as log-odds of the second class for
 * binary classification, log-probabilities for multiclass, and raw values for regression. Log scale makes a
 * linear meta-learner combine probabilities multiplicatively, which calibrates better than averaging them.
 */
public final class StackFeatures {

    /** Probabilities are clipped here before the log, so that a confident member does not give infinities. */
    static final double EPS = 1e-6;

    private StackFeatures() {
    }

    /**
     * @param members each member's predictions, row-major with {@code width} values a row
     * @param width   the number of classes, or 1 for regression
     */
    public static FeatureMatrix of(List<double[]> members, int rows, Task task, int width) {
        int per = task == Task.REGRESSION ? 1 : width == 2 ? 1 : width;
        int cols = per * members.size();
        float[] out = new float[rows * cols];
        List<String> names = new ArrayList<>(cols);
        for (int m = 0; m < members.size(); m++) {
            double[] v = members.get(m);
            for (int c = 0; c < per; c++) {
                names.add(per == 1 ? "member" + m : "member" + m + "_class" + c);
            }
            for (int i = 0; i < rows; i++) {
                int at = i * cols + m * per;
                if (task == Task.REGRESSION) {
                    out[at] = (float) v[i];
                } else if (width == 2) {
                    double p = clip(v[i * 2 + 1]);
                    out[at] = (float) Math.log(p / (1 - p));
                } else {
                    for (int c = 0; c < width; c++) {
                        out[at + c] = (float) Math.log(clip(v[i * width + c]));
                    }
                }
            }
        }
        return new FeatureMatrix(out, rows, cols, names, new BitSet());
    }

    private static double clip(double p) {
        return Math.min(1 - EPS, Math.max(EPS, p));
    }
}
