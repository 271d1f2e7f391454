package dev.automl.metrics;

import dev.automl.data.Task;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The metrics this engine reports, under Azure AutoML's exact names, and lookup by name. */
public final class MetricCatalog {

    public static final String ACCURACY = "accuracy";
    public static final String AUC_WEIGHTED = "AUC_weighted";
    public static final String AUC_MACRO = "AUC_macro";
    public static final String AUC_BINARY = "AUC_binary";
    public static final String LOG_LOSS = "log_loss";
    public static final String NORM_MACRO_RECALL = "norm_macro_recall";
    public static final String AVERAGE_PRECISION_SCORE_WEIGHTED = "average_precision_score_weighted";
    public static final String PRECISION_SCORE_WEIGHTED = "precision_score_weighted";
    public static final String RECALL_SCORE_WEIGHTED = "recall_score_weighted";
    public static final String F1_SCORE_WEIGHTED = "f1_score_weighted";
    public static final String BALANCED_ACCURACY = "balanced_accuracy";

    public static final String R2_SCORE = "r2_score";
    public static final String NORMALIZED_ROOT_MEAN_SQUARED_ERROR = "normalized_root_mean_squared_error";
    public static final String NORMALIZED_MEAN_ABSOLUTE_ERROR = "normalized_mean_absolute_error";
    public static final String SPEARMAN_CORRELATION = "spearman_correlation";
    public static final String ROOT_MEAN_SQUARED_ERROR = "root_mean_squared_error";
    public static final String MEAN_ABSOLUTE_ERROR = "mean_absolute_error";

    public static final String MEAN_ABSOLUTE_PERCENTAGE_ERROR = "mean_absolute_percentage_error";
    public static final String SYMMETRIC_MEAN_ABSOLUTE_PERCENTAGE_ERROR = "symmetric_mean_absolute_percentage_error";
    public static final String MEAN_ABSOLUTE_SCALED_ERROR = "mean_absolute_scaled_error";

    // Primary flags follow Azure's list of allowed primary_metric values per task, and BEYOND_AZURE's.
    private static final List<MetricDefinition> ALL = List.of(
            classification(ACCURACY, true, true),
            classification(AUC_WEIGHTED, true, true),
            classification(AUC_MACRO, true, false),
            classification(AUC_BINARY, true, false),
            classification(LOG_LOSS, false, true),
            classification(NORM_MACRO_RECALL, true, true),
            classification(AVERAGE_PRECISION_SCORE_WEIGHTED, true, true),
            classification(PRECISION_SCORE_WEIGHTED, true, true),
            classification(RECALL_SCORE_WEIGHTED, true, false),
            classification(F1_SCORE_WEIGHTED, true, false),
            classification(BALANCED_ACCURACY, true, false),
            regression(R2_SCORE, true, true),
            regression(NORMALIZED_ROOT_MEAN_SQUARED_ERROR, false, true),
            regression(NORMALIZED_MEAN_ABSOLUTE_ERROR, false, true),
            regression(SPEARMAN_CORRELATION, true, true),
            regression(ROOT_MEAN_SQUARED_ERROR, false, false),
            regression(MEAN_ABSOLUTE_ERROR, false, false),
            // Forecasting scores its windows with every regression metric and these (M4's sMAPE and MASE).
            forecasting(MEAN_ABSOLUTE_PERCENTAGE_ERROR),
            forecasting(SYMMETRIC_MEAN_ABSOLUTE_PERCENTAGE_ERROR),
            forecasting(MEAN_ABSOLUTE_SCALED_ERROR));

    /**
     * Primary metrics this engine accepts beyond Azure's list: log loss, which H2O, AutoGluon and FLAML offer, for
     * searches that need calibrated probabilities.
     */
    private static final List<String> BEYOND_AZURE = List.of(LOG_LOSS);

    private MetricCatalog() {
    }

    /** Whether Azure's own list of primary metrics lacks this one (a job naming it is told so). */
    public static boolean beyondAzure(MetricDefinition m) {
        return BEYOND_AZURE.contains(m.name());
    }

    /** Every metric, classification first, in the order score maps use. */
    public static List<MetricDefinition> all() {
        return ALL;
    }

    /** The metrics of one task, in the order score maps use; forecasting has regression's and its own. */
    public static List<MetricDefinition> forTask(Task task) {
        return ALL.stream().filter(m -> scores(task, m)).toList();
    }

    /** The metrics a job of this task may name as {@code primary_metric}: forecasting's are regression's. */
    public static List<MetricDefinition> primaries(Task task) {
        return ALL.stream().filter(m -> scores(task, m) && m.primary()).toList();
    }

    private static boolean scores(Task task, MetricDefinition m) {
        return m.task() == task || task == Task.FORECASTING && m.task() == Task.REGRESSION;
    }

    /**
     * The metric with this name, ignoring case: Azure's CLI v2 YAML writes {@code auc_weighted}
     * where the SDK writes {@code AUC_weighted}, and both mean the same metric.
     */
    public static Optional<MetricDefinition> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip();
        return ALL.stream().filter(m -> m.name().equalsIgnoreCase(wanted)).findFirst();
    }

    /**
     * The candidate closest to {@code name} by edit distance, ignoring case, for "did you mean"
     * messages; the first candidate wins a tie, and the result is empty only when there are no
     * candidates. The caller decides whether the suggestion is close enough to show.
     */
    public static Optional<String> nearest(String name, Collection<String> candidates) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = editDistance(wanted, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The Levenshtein distance between two strings (insertions, deletions and substitutions cost 1). */
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static MetricDefinition classification(String name, boolean higherIsBetter, boolean primary) {
        return new MetricDefinition(name, Task.CLASSIFICATION, higherIsBetter, primary);
    }

    private static MetricDefinition regression(String name, boolean higherIsBetter, boolean primary) {
        return new MetricDefinition(name, Task.REGRESSION, higherIsBetter, primary);
    }

    /** A forecasting error: lower is better, and Azure does not offer it as a primary metric. */
    private static MetricDefinition forecasting(String name) {
        return new MetricDefinition(name, Task.FORECASTING, false, false);
    }
}
