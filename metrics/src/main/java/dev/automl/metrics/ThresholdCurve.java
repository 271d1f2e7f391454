package dev.automl.metrics;

/**
 * Areas under curves swept over the distinct score thresholds of one binary problem, as
 * scikit-learn's {@code _binary_clf_curve} builds them: tied scores form one threshold.
 */
final class ThresholdCurve {

    private ThresholdCurve() {
    }

    /**
     * ROC AUC as sklearn's roc_auc_score: trapezoids between the (fpr, tpr) points of successive
     * distinct thresholds, so ties count half. NaN when either class has no weight.
     */
    static double rocAuc(boolean[] positive, double[] score, double[] weight) {
        int[] order = Ranks.ascending(score);
        double tp = 0;
        double fp = 0;
        double area = 0;
        int end = order.length;
        while (end > 0) {
            int start = end - 1;
            while (start > 0 && score[order[start - 1]] == score[order[end - 1]]) {
                start--;
            }
            double tpBefore = tp;
            double fpBefore = fp;
            for (int i = start; i < end; i++) {
                int row = order[i];
                if (positive[row]) {
                    tp += weight[row];
                } else {
                    fp += weight[row];
                }
            }
            area += (fp - fpBefore) * (tp + tpBefore) / 2;
            end = start;
        }
        if (tp <= 0 || fp <= 0) {
            return Double.NaN;
        }
        return area / (tp * fp);
    }

    /**
     * Average precision as sklearn's average_precision_score: the sum over distinct thresholds
     * of (recall gained) x (precision at that threshold), with no interpolation. 0 when there are
     * no positives (sklearn then sets recall to 1 everywhere, so nothing is gained).
     */
    static double averagePrecision(boolean[] positive, double[] score, double[] weight) {
        double totalPositive = 0;
        for (int i = 0; i < positive.length; i++) {
            if (positive[i]) {
                totalPositive += weight[i];
            }
        }
        if (totalPositive <= 0) {
            return 0.0;
        }
        int[] order = Ranks.ascending(score);
        double tp = 0;
        double fp = 0;
        double sum = 0;
        int end = order.length;
        while (end > 0) {
            int start = end - 1;
            while (start > 0 && score[order[start - 1]] == score[order[end - 1]]) {
                start--;
            }
            double tpBefore = tp;
            for (int i = start; i < end; i++) {
                int row = order[i];
                if (positive[row]) {
                    tp += weight[row];
                } else {
                    fp += weight[row];
                }
            }
            if (tp > tpBefore) {
                sum += (tp - tpBefore) / totalPositive * (tp / (tp + fp));
            }
            end = start;
        }
        return sum;
    }
}
