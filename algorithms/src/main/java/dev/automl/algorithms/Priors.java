package dev.automl.algorithms;

import dev.automl.data.Task;
import dev.automl.featurization.Target;

/**
 * The weighted class shares or mean target of a training set: what a model predicts when the deadline left no
 * time to fit anything (a forest without trees, a linear model that never started).
 */
public final class Priors {

    private Priors() {
    }

    /** Class shares (width = classes) for classification, the one mean for regression. */
    public static double[] of(Target y) {
        if (y.task() == Task.CLASSIFICATION) {
            double[] p = new double[y.numClasses()];
            double total = 0;
            for (int i = 0; i < y.size(); i++) {
                p[y.classOf(i)] += y.weight(i);
                total += y.weight(i);
            }
            for (int k = 0; k < p.length; k++) {
                p[k] = total > 0 ? p[k] / total : 1.0 / p.length;
            }
            return p;
        }
        double sum = 0;
        double total = 0;
        for (int i = 0; i < y.size(); i++) {
            sum += y.weight(i) * y.y()[i];
            total += y.weight(i);
        }
        return new double[] {total > 0 ? sum / total : 0};
    }
}
