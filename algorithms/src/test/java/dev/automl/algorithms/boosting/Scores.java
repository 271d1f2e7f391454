package dev.automl.algorithms.boosting;

import dev.automl.algorithms.Predictions;
import dev.automl.featurization.Target;
import java.util.Arrays;
import java.util.Comparator;

/** The few metrics the boosting tests check, computed by their textbook formulas. */
final class Scores {

    private Scores() {
    }

    static double accuracy(Predictions p, Target y) {
        int right = 0;
        for (int i = 0; i < y.size(); i++) {
            if (p.predictedClass(i) == y.classOf(i)) {
                right++;
            }
        }
        return right / (double) y.size();
    }

    /** Binary AUC by the rank-sum (Mann-Whitney) formula, ties given their average rank. */
    static double auc(Predictions p, Target y) {
        int n = y.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p.probability(i, 1)));
        double[] rank = new double[n];
        for (int i = 0; i < n;) {
            int j = i;
            while (j + 1 < n && p.probability(order[j + 1], 1) == p.probability(order[i], 1)) {
                j++;
            }
            double average = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = average;
            }
            i = j + 1;
        }
        double positives = 0;
        double rankSum = 0;
        for (int i = 0; i < n; i++) {
            if (y.classOf(i) == 1) {
                positives++;
                rankSum += rank[i];
            }
        }
        double negatives = n - positives;
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    static double r2(Predictions p, Target y) {
        double mean = Arrays.stream(y.y()).average().orElse(0);
        double residual = 0;
        double total = 0;
        for (int i = 0; i < y.size(); i++) {
            residual += Math.pow(y.y()[i] - p.values()[i], 2);
            total += Math.pow(y.y()[i] - mean, 2);
        }
        return 1 - residual / total;
    }
}
