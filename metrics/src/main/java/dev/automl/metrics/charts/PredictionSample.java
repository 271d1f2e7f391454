package dev.automl.metrics.charts;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * At most {@code cap} rows' true and predicted values, drawn without replacement with a seed and kept in row order,
 * so that a scatter plot of many rows stays small and the same run draws the same rows.
 *
 * @param rows      how many rows there were to draw from
 * @param positions the drawn rows' positions, ascending
 */
public record PredictionSample(int rows, int[] positions, double[] trueValues, double[] predicted) {

    public static PredictionSample of(double[] yTrue, double[] yPred, int cap, long seed) {
        Inputs.checkRegression(yTrue, yPred);
        int n = yTrue.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int take = Math.min(cap, n);
        SplittableRandom random = new SplittableRandom(seed);
        // The first `take` steps of a Fisher-Yates shuffle draw a uniform sample.
        for (int i = 0; i < take; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] positions = Arrays.copyOf(order, take);
        Arrays.sort(positions);
        double[] t = new double[take];
        double[] p = new double[take];
        for (int i = 0; i < take; i++) {
            t[i] = yTrue[positions[i]];
            p[i] = yPred[positions[i]];
        }
        return new PredictionSample(n, positions, t, p);
    }
}
