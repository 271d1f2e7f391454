package dev.automl.metrics;

import dev.automl.data.Task;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes every classification metric of the catalog from labels and predicted probabilities,
 * with scikit-learn's definitions (the ones Azure AutoML reports).
 *
 * <p>Conventions beyond scikit-learn, all following Azure's {@code class_averaged_score}
 * (azureml-metrics, {@code _scoring_utilities.py}): a class that never occurs in {@code y}, as
 * happens in a validation fold, is left out of {@code AUC_*} and
 * {@code average_precision_score_weighted} (scikit-learn would raise; a weighted average gives
 * such a class weight 0 anyway, and the macro average skips it). A value that is undefined for
 * the data, such as AUC when {@code y} holds a single class, is NaN rather than an exception.
 *
 * <p>{@code balanced_accuracy} is scikit-learn's balanced_accuracy_score, which skips classes
 * absent from y; azureml-metrics computes recall_score(average="macro", zero_division=0)
 * instead, which differs only when a class absent from y is predicted (it then counts with
 * recall 0). Goldens come from scikit-learn 1.2.1.
 */
public final class ClassificationScores {

    /** numpy's float64 eps, which scikit-learn 1.2's log_loss (eps="auto") clips with. */
    private static final double LOG_LOSS_EPS = Math.ulp(1.0);

    private ClassificationScores() {
    }

    /**
     * All classification metrics, in catalog order; {@code AUC_binary} only when
     * {@code numClasses == 2}.
     *
     * @param y             true class of each row, in {@code [0, numClasses)}
     * @param proba         predicted probabilities, row-major {@code y.length x numClasses}
     * @param numClasses    number of classes the model knows (at least 2), present in y or not
     * @param weights       sample weights, non-negative, or null for all ones
     * @param positiveClass the class {@code AUC_binary} treats as positive
     * @throws IllegalArgumentException when the arrays disagree in size, a label or
     *                                  {@code positiveClass} is out of range, or a probability
     *                                  or weight is not a finite number (weights also not negative)
     */
    public static Map<String, Double> compute(int[] y, double[] proba, int numClasses, double[] weights,
                                              int positiveClass) {
        validate(y, proba, numClasses, weights, positiveClass);
        int n = y.length;
        int k = numClasses;
        double[] w = Weights.orOnes(weights, n);

        int[] predicted = new int[n];
        int[] count = new int[k];
        double[] trueWeight = new double[k];
        double[] truePositive = new double[k];
        double[] predictedWeight = new double[k];
        double total = 0;
        for (int i = 0; i < n; i++) {
            predicted[i] = argmax(proba, i, k, null);
            count[y[i]]++;
            trueWeight[y[i]] += w[i];
            predictedWeight[predicted[i]] += w[i];
            if (predicted[i] == y[i]) {
                truePositive[y[i]] += w[i];
            }
            total += w[i];
        }

        Map<String, Double> scores = new LinkedHashMap<>();
        for (MetricDefinition m : MetricCatalog.forTask(Task.CLASSIFICATION)) {
            if (!m.name().equals(MetricCatalog.AUC_BINARY) || k == 2) {
                scores.put(m.name(), Double.NaN);
            }
        }
        if (n == 0 || total <= 0) {
            return scores;
        }

        boolean[] present = new boolean[k];
        for (int c = 0; c < k; c++) {
            present[c] = count[c] > 0;
        }

        scores.put(MetricCatalog.ACCURACY, sum(truePositive) / total);
        if (k == 2) {
            // sklearn's binary roc_auc_score scores column 1, whatever the positive class is.
            double auc = oneVsRestAuc(y, proba, k, w, 1);
            scores.put(MetricCatalog.AUC_WEIGHTED, auc);
            scores.put(MetricCatalog.AUC_MACRO, auc);
            scores.put(MetricCatalog.AUC_BINARY, oneVsRestAuc(y, proba, k, w, positiveClass));
        } else {
            double weighted = 0;
            double macro = 0;
            double supportSum = 0;
            int classes = 0;
            for (int c = 0; c < k; c++) {
                if (present[c]) {
                    double auc = oneVsRestAuc(y, proba, k, w, c);
                    weighted += trueWeight[c] * auc;
                    supportSum += trueWeight[c];
                    macro += auc;
                    classes++;
                }
            }
            scores.put(MetricCatalog.AUC_WEIGHTED, weighted / supportSum);
            scores.put(MetricCatalog.AUC_MACRO, macro / classes);
        }
        scores.put(MetricCatalog.LOG_LOSS, logLoss(y, proba, k, w, total));
        scores.put(MetricCatalog.NORM_MACRO_RECALL, normMacroRecall(y, proba, k, w, present, predicted));
        scores.put(MetricCatalog.AVERAGE_PRECISION_SCORE_WEIGHTED,
                averagePrecisionWeighted(y, proba, k, w, present, trueWeight));

        double precision = 0;
        double recall = 0;
        double f1 = 0;
        double balanced = 0;
        int balancedClasses = 0;
        for (int c = 0; c < k; c++) {
            if (trueWeight[c] <= 0) {
                continue; // weight 0 in every weighted average; balanced accuracy skips it too
            }
            double p = predictedWeight[c] > 0 ? truePositive[c] / predictedWeight[c] : 0.0; // zero_division=0
            double r = truePositive[c] / trueWeight[c];
            double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
            precision += trueWeight[c] * p;
            recall += trueWeight[c] * r;
            f1 += trueWeight[c] * f;
            balanced += r;
            balancedClasses++;
        }
        double support = sum(trueWeight);
        scores.put(MetricCatalog.PRECISION_SCORE_WEIGHTED, precision / support);
        scores.put(MetricCatalog.RECALL_SCORE_WEIGHTED, recall / support);
        scores.put(MetricCatalog.F1_SCORE_WEIGHTED, f1 / support);
        scores.put(MetricCatalog.BALANCED_ACCURACY, balanced / balancedClasses);
        return scores;
    }

    /** The ROC AUC of a score for class 1 of a binary target (classes 0 and 1), ties counted half. */
    public static double binaryAuc(int[] y, double[] score) {
        boolean[] positive = new boolean[y.length];
        double[] weight = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            positive[i] = y[i] == 1;
            weight[i] = 1;
        }
        return ThresholdCurve.rocAuc(positive, score, weight);
    }

    /**
     * Accuracy alone, equal to {@code compute(...).get("accuracy")} without the sorting the other metrics need;
     * for callers that score many candidate predictions, such as ensemble selection.
     */
    public static double accuracy(int[] y, double[] proba, int numClasses, double[] weights) {
        validate(y, proba, numClasses, weights, 0);
        double[] w = Weights.orOnes(weights, y.length);
        double right = 0;
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            if (argmax(proba, i, numClasses, null) == y[i]) {
                right += w[i];
            }
            total += w[i];
        }
        return y.length == 0 || total <= 0 ? Double.NaN : right / total;
    }

    private static double oneVsRestAuc(int[] y, double[] proba, int k, double[] w, int c) {
        int n = y.length;
        boolean[] positive = new boolean[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            positive[i] = y[i] == c;
            score[i] = proba[i * k + c];
        }
        return ThresholdCurve.rocAuc(positive, score, w);
    }

    /**
     * sklearn average_precision_score on the one-hot truth (every class column, also for two
     * classes), average="weighted": each present class weighted by its weighted support.
     */
    private static double averagePrecisionWeighted(int[] y, double[] proba, int k, double[] w,
                                                   boolean[] present, double[] trueWeight) {
        int n = y.length;
        boolean[] positive = new boolean[n];
        double[] score = new double[n];
        double weighted = 0;
        double supportSum = 0;
        for (int c = 0; c < k; c++) {
            if (!present[c]) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                positive[i] = y[i] == c;
                score[i] = proba[i * k + c];
            }
            weighted += trueWeight[c] * ThresholdCurve.averagePrecision(positive, score, w);
            supportSum += trueWeight[c];
        }
        return weighted / supportSum;
    }

    /**
     * sklearn log_loss with labels = all classes. scikit-learn 1.2.1 (the goldens' version) clips
     * each probability to [eps, 1 - eps] with eps = float64 eps, then renormalises each row;
     * later versions stop renormalising, which only matters for rows not summing to 1.
     */
    private static double logLoss(int[] y, double[] proba, int k, double[] w, double total) {
        double loss = 0;
        for (int i = 0; i < y.length; i++) {
            double rowSum = 0;
            for (int c = 0; c < k; c++) {
                rowSum += clip(proba[i * k + c]);
            }
            loss -= w[i] * Math.log(clip(proba[i * k + y[i]]) / rowSum);
        }
        return loss / total;
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    }

    /**
     * Azure AutoML's norm_macro_recall, max(0, (macro recall - R) / (1 - R)), as implemented by
     * azureml-metrics ({@code _classification.NormMacroRecall._norm_macro_recall}, called through
     * {@code _scoring_utilities.class_averaged_score}); the clip at 0 is Azure's. With more than
     * two classes, classes absent from y are dropped before anything else: predictions become
     * the argmax over the remaining columns and R = 1 / (classes present). With two classes
     * nothing is dropped and R = 1/2. Macro recall averages over the classes present in y, where
     * Azure's np.mean would turn a binary fold holding one class into NaN and max(0.0, NaN) into
     * 0.0; NaN when a single class of three or more is present (R = 1 makes it 0/0).
     */
    private static double normMacroRecall(int[] y, double[] proba, int k, double[] w, boolean[] present,
                                          int[] predicted) {
        int presentCount = 0;
        for (boolean p : present) {
            presentCount += p ? 1 : 0;
        }
        int[] pred = predicted;
        double chance = 0.5;
        if (k > 2) {
            if (presentCount < 2) {
                return Double.NaN;
            }
            if (presentCount < k) {
                pred = new int[y.length];
                for (int i = 0; i < y.length; i++) {
                    pred[i] = argmax(proba, i, k, present);
                }
            }
            chance = 1.0 / presentCount;
        }
        double[] hit = new double[k];
        double[] support = new double[k];
        for (int i = 0; i < y.length; i++) {
            support[y[i]] += w[i];
            if (pred[i] == y[i]) {
                hit[y[i]] += w[i];
            }
        }
        double recall = 0;
        for (int c = 0; c < k; c++) {
            if (present[c]) {
                recall += hit[c] / support[c];
            }
        }
        recall /= presentCount;
        return Math.max(0.0, (recall - chance) / (1 - chance));
    }

    /** The first column holding the row's maximum, as numpy's argmax; only allowed columns count. */
    private static int argmax(double[] proba, int row, int k, boolean[] allowed) {
        int best = -1;
        for (int c = 0; c < k; c++) {
            if ((allowed == null || allowed[c]) && (best < 0 || proba[row * k + c] > proba[row * k + best])) {
                best = c;
            }
        }
        return best;
    }

    private static void validate(int[] y, double[] proba, int k, double[] weights, int positiveClass) {
        if (y == null || proba == null) {
            throw new IllegalArgumentException("y and proba are required");
        }
        if (k < 2) {
            throw new IllegalArgumentException("numClasses must be at least 2, got " + k);
        }
        if (positiveClass < 0 || positiveClass >= k) {
            throw new IllegalArgumentException(
                    "positiveClass " + positiveClass + " is not a class index in [0, " + k + ")");
        }
        if (proba.length != (long) y.length * k) {
            throw new IllegalArgumentException("proba has " + proba.length + " values; expected "
                    + y.length + " rows x " + k + " classes = " + (long) y.length * k);
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= k) {
                throw new IllegalArgumentException(
                        "y[" + i + "] = " + y[i] + " is not a class index in [0, " + k + ")");
            }
        }
        for (int i = 0; i < proba.length; i++) {
            if (!Double.isFinite(proba[i])) {
                throw new IllegalArgumentException(
                        "proba of row " + i / k + ", class " + i % k + " is " + proba[i]);
            }
        }
        Weights.validate(weights, y.length);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
