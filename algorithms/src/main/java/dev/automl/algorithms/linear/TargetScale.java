package dev.automl.algorithms.linear;

import dev.automl.featurization.Target;

/** The weighted mean and standard deviation of a regression target, for learners that fit it standardised. */
final class TargetScale {

    private TargetScale() {
    }

    /** {mean, standard deviation}, the deviation 1 for a constant target. */
    static double[] of(Target y) {
        double sum = 0;
        double total = 0;
        for (int i = 0; i < y.size(); i++) {
            sum += y.weight(i) * y.y()[i];
            total += y.weight(i);
        }
        double mean = total > 0 ? sum / total : 0;
        double ss = 0;
        for (int i = 0; i < y.size(); i++) {
            double d = y.y()[i] - mean;
            ss += y.weight(i) * d * d;
        }
        double sd = total > 0 ? Math.sqrt(ss / total) : 0;
        return new double[] {mean, sd > 0 ? sd : 1};
    }
}
