package dev.automl.engine.run;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.automl.data.CategoricalColumn;
import dev.automl.data.Column;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import dev.automl.data.Task;
import dev.automl.data.series.SeriesTable;
import dev.automl.engine.validation.ValidationPlan;
import dev.automl.featurization.CategoricalEncoder;
import dev.automl.featurization.ColumnEncoder;
import dev.automl.featurization.DroppedColumn;
import dev.automl.featurization.FeaturizationMode;
import dev.automl.featurization.FittedFeaturizer;
import dev.automl.featurization.Target;
import dev.automl.featurization.Transformer;
import dev.automl.metrics.ClassificationScores;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Azure's data guardrails, checked on the training rows before the search: class balance, missing values
 * imputed, high-cardinality columns, columns dropped, columns that almost equal the target (leakage suspects)
 * and validation data too small to judge by. Each is {@code passed}, {@code done} (the engine handled it) or
 * {@code alerted} (the user should look), with the columns or classes concerned.
 */
public final class Guardrails {

    /** Azure's imbalance rule: the smallest class under 20 % of the largest, or under 2 % of the rows. */
    static final double SMALLEST_TO_LARGEST = 0.20;
    static final double SMALLEST_SHARE = 0.02;
    /** Categories above this many levels are one-hot encoded only in their most frequent levels. */
    static final int HIGH_CARDINALITY = 50;
    /** A feature whose own AUC, |correlation| or class purity reaches this is suspiciously close to the target. */
    static final double LEAKAGE = 0.99;
    /** Fewer validation rows than this (or fewer of a class than {@link #FEW_OF_A_CLASS}) make scores noisy. */
    static final int FEW_VALIDATION_ROWS = 50;
    static final int FEW_OF_A_CLASS = 5;

    /** How a guardrail came out, as Azure names it. */
    public enum Status {
        /** Nothing to report. */
        PASSED,
        /** The engine found something and handled it. */
        DONE,
        /** The user should look. */
        ALERTED;

        /** Azure's name, which guardrails.json and the console show. */
        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One guardrail's outcome. */
    public record Check(String name, Status status, String description, List<String> details) {
        public Check {
            details = List.copyOf(details);
        }
    }

    private Guardrails() {
    }

    /**
     * @param features  every feature column, training rows first
     * @param target    the labels of the same rows
     * @param trainRows how many leading rows are training data
     * @param fitted    the featurization fitted on the training rows
     * @param pastTarget the columns a forecasting job derives from the target's past (lags, anchors): known at the
     *                   forecast's origin by construction, so never leakage suspects however well they track it
     */
    public static List<Check> check(Table features, Target target, int trainRows, FittedFeaturizer fitted,
                                    ValidationPlan plan, Collection<String> pastTarget) {
        List<Check> out = new ArrayList<>();
        if (target.task() == Task.CLASSIFICATION) {
            out.add(classBalance(target, trainRows));
        }
        out.add(missingValues(features, trainRows, fitted.mode() == FeaturizationMode.OFF));
        out.add(highCardinality(fitted));
        out.add(dropped(fitted));
        out.add(leakage(features, target, trainRows, fitted, pastTarget));
        out.add(validationSize(target, plan));
        return out;
    }

    /**
     * A forecasting job's guardrails on its series, as Azure's: how the time grid was found and kept, and how the
     * target's gaps were filled.
     */
    public static List<Check> series(SeriesTable table, SeriesTable.TargetFill fill) {
        SeriesTable.Repairs r = table.repairs();
        List<String> grid = new ArrayList<>();
        if (r.droppedOffGrid() > 0) {
            grid.add(String.format(Locale.ROOT, "%,d rows off the %s grid left out", r.droppedOffGrid(), table.frequency()));
        }
        if (r.aggregatedRows() > 0) {
            grid.add(String.format(Locale.ROOT, "%,d rows combined by target_aggregate_function", r.aggregatedRows()));
        }
        if (r.droppedLeading() > 0) {
            grid.add(String.format(Locale.ROOT, "%,d rows before their series' first target left out", r.droppedLeading()));
        }
        Check frequency = new Check("Frequency detection", grid.isEmpty() ? Status.PASSED : Status.DONE,
                "The series were put on the " + table.frequency() + " grid.", grid);
        List<String> gaps = new ArrayList<>();
        if (r.filledSteps() > 0) {
            gaps.add(String.format(Locale.ROOT, "%,d steps added where a series had no row", r.filledSteps()));
        }
        if (r.imputedTargets() > 0) {
            gaps.add(String.format(Locale.ROOT, "%,d targets filled with %s", r.imputedTargets(), switch (fill.kind()) {
                case FORWARD -> "the step before's value";
                case CONSTANT -> "the constant " + BigDecimal.valueOf(fill.value()).stripTrailingZeros().toPlainString();
                case MEAN -> "their series' mean";
                case MEDIAN -> "their series' median";
            }));
        }
        Check target = new Check("Missing target values imputation", gaps.isEmpty() ? Status.PASSED : Status.DONE,
                "A series needs a target at every step of its grid.", gaps);
        return List.of(frequency, target);
    }

    private static Check classBalance(Target target, int n) {
        int[] counts = new int[target.numClasses()];
        for (int i = 0; i < n; i++) {
            counts[target.classOf(i)]++;
        }
        int smallest = 0;
        int largest = 0;
        for (int k = 0; k < counts.length; k++) {
            smallest = counts[k] < counts[smallest] ? k : smallest;
            largest = counts[k] > counts[largest] ? k : largest;
        }
        List<String> details = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            details.add(String.format(Locale.ROOT, "%s: %,d rows (%.1f %%)", target.labels().get(k), counts[k],
                    100.0 * counts[k] / n));
        }
        boolean imbalanced = counts[smallest] < SMALLEST_TO_LARGEST * counts[largest] || counts[smallest] < SMALLEST_SHARE * n;
        String description = imbalanced
                ? String.format(Locale.ROOT, "Class '%s' has %,d rows, %.1f %% of the largest class: the data is"
                        + " imbalanced. Prefer metrics such as AUC_weighted or balanced accuracy, and consider more data"
                        + " of that class.", target.labels().get(smallest), counts[smallest],
                        100.0 * counts[smallest] / counts[largest])
                : "The classes are balanced enough: the smallest has at least 20 % of the largest's rows.";
        return new Check("Class balancing detection", imbalanced ? Status.ALERTED : Status.PASSED, description, details);
    }

    private static Check missingValues(Table features, int n, boolean off) {
        List<String> details = new ArrayList<>();
        for (Column c : features.columns()) {
            int missing = 0;
            for (int i = 0; i < n; i++) {
                missing += c.isMissing(i) ? 1 : 0;
            }
            if (missing > 0 && missing < n) {
                details.add(String.format(Locale.ROOT, "%s: %,d of %,d rows missing", c.name(), missing, n));
            }
        }
        return details.isEmpty()
                ? new Check("Missing feature values imputation", Status.PASSED, "No feature column has missing values.", details)
                : off ? new Check("Missing feature values imputation", Status.ALERTED, "Featurization is off, so these missing"
                        + " values are not imputed: only LightGBM and XGBoost can train on them; other learners' trials"
                        + " fail.", details)
                : new Check("Missing feature values imputation", Status.DONE, "Missing values were imputed (mean for"
                        + " numbers, most frequent for categories, unless the job says otherwise), with a missing-value"
                        + " indicator for the learners.", details);
    }

    private static Check highCardinality(FittedFeaturizer fitted) {
        List<String> details = new ArrayList<>();
        for (ColumnEncoder e : fitted.encoders()) {
            if (e instanceof CategoricalEncoder c && c.levels().size() > HIGH_CARDINALITY) {
                List<String> encoders = c.encoders().stream().map(Transformer::azureName).toList();
                details.add(String.format(Locale.ROOT, "%s: %,d levels (%s)", c.column(), c.levels().size(),
                        String.join(", ", encoders)));
            }
        }
        return details.isEmpty()
                ? new Check("High cardinality feature detection", Status.PASSED, "No categorical column has more than "
                        + HIGH_CARDINALITY + " levels.", details)
                : new Check("High cardinality feature detection", Status.DONE, "These columns have many levels: tree"
                        + " learners see integer codes by frequency, linear learners hashed one-hot columns, and both"
                        + " a target statistic learnt out of fold (weight of evidence for a binary target), unless"
                        + " the job blocks these encoders.", details);
    }

    private static Check dropped(FittedFeaturizer fitted) {
        List<String> details = new ArrayList<>();
        for (DroppedColumn d : fitted.dropped()) {
            details.add(d.column() + ": " + d.reason());
        }
        return details.isEmpty()
                ? new Check("Columns dropped", Status.PASSED, "Every feature column is used.", details)
                : new Check("Columns dropped", Status.DONE, "These columns cannot help a model and were left out.", details);
    }

    /**
     * A feature that alone almost reproduces the target: for a number, an AUC (binary) or an absolute correlation
     * (regression) of at least 0.99; for a category with fewer levels than half the rows, 99 % of rows in their
     * level's most common class. Such a column is often only known after the outcome.
     */
    private static Check leakage(Table features, Target target, int n, FittedFeaturizer fitted,
                                 Collection<String> pastTarget) {
        List<String> details = new ArrayList<>();
        for (ColumnEncoder e : fitted.encoders()) {
            if (pastTarget.contains(e.column())) {
                continue;
            }
            Column c = features.column(e.column());
            double score = Double.NaN;
            String what = "";
            if (c instanceof NumericColumn num && target.task() == Task.REGRESSION) {
                score = Math.abs(correlation(num, target, n));
                what = "absolute correlation with the target";
            } else if (c instanceof NumericColumn num && target.numClasses() == 2) {
                double auc = auc(num, target, n);
                score = Math.max(auc, 1 - auc);
                what = "AUC of the column alone";
            } else if (c instanceof CategoricalColumn cat && target.task() == Task.CLASSIFICATION
                    && cat.levels().size() < n / 2) {
                score = purity(cat, target, n);
                what = "share of rows in their category's most common class";
            }
            if (score >= LEAKAGE) {
                details.add(String.format(Locale.ROOT, "%s: %s %.4f", c.name(), what, score));
            }
        }
        return details.isEmpty()
                ? new Check("Target leakage detection", Status.PASSED, "No feature column alone almost equals the target.",
                        details)
                : new Check("Target leakage detection", Status.ALERTED, "These columns alone almost reproduce the target."
                        + " If they are only known after the outcome, drop them: the model would not work on new data.",
                        details);
    }

    /**
     * Whether the rows the trials are scored on are enough: with cross-validation all rows are scored together
     * (out of fold), otherwise the holdout or the user's validation rows.
     */
    private static Check validationSize(Target target, ValidationPlan plan) {
        List<String> details = new ArrayList<>();
        int[] scored = plan.scoredRows();
        String where = plan.kind() == ValidationPlan.Kind.KFOLD
                ? "cross-validation (" + plan.folds().size() + " folds, scored together)" : "validation";
        if (scored.length < FEW_VALIDATION_ROWS) {
            details.add(String.format(Locale.ROOT, "%s: %,d rows", where, scored.length));
        }
        if (target.task() == Task.CLASSIFICATION) {
            int[] counts = new int[target.numClasses()];
            for (int r : scored) {
                counts[target.classOf(r)]++;
            }
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] < FEW_OF_A_CLASS) {
                    details.add(String.format(Locale.ROOT, "%s: %d row%s of class '%s'", where, counts[k],
                            counts[k] == 1 ? "" : "s", target.labels().get(k)));
                }
            }
        }
        return details.isEmpty()
                ? new Check("Validation split handling", Status.PASSED, "The validation rows are enough to score on (at least "
                        + FEW_VALIDATION_ROWS + ", and " + FEW_OF_A_CLASS + " of every class).", details)
                : new Check("Validation split handling", Status.ALERTED, "Too few validation rows to score on reliably: use"
                        + " more data, cross-validation, or a larger validation share.", details);
    }

    private static double correlation(NumericColumn x, Target target, int n) {
        double sx = 0;
        double sy = 0;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!x.isMissing(i)) {
                sx += x.get(i);
                sy += target.y()[i];
                m++;
            }
        }
        if (m < 3) {
            return 0;
        }
        double mx = sx / m;
        double my = sy / m;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            if (!x.isMissing(i)) {
                double dx = x.get(i) - mx;
                double dy = target.y()[i] - my;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    private static double auc(NumericColumn x, Target target, int n) {
        double[] scores = new double[n];
        int[] labels = new int[n];
        int m = 0;
        int positives = 0;
        for (int i = 0; i < n; i++) {
            if (!x.isMissing(i)) {
                scores[m] = x.get(i);
                labels[m] = target.classOf(i);
                positives += labels[m];
                m++;
            }
        }
        if (positives == 0 || positives == m) {
            return 0.5;
        }
        return ClassificationScores.binaryAuc(java.util.Arrays.copyOf(labels, m), java.util.Arrays.copyOf(scores, m));
    }

    private static double purity(CategoricalColumn c, Target target, int n) {
        int[][] counts = new int[c.levels().size()][target.numClasses()];
        int present = 0;
        for (int i = 0; i < n; i++) {
            int code = c.codes()[i];
            if (code != CategoricalColumn.MISSING) {
                counts[code][target.classOf(i)]++;
                present++;
            }
        }
        int agree = 0;
        for (int[] level : counts) {
            int best = 0;
            for (int k : level) {
                best = Math.max(best, k);
            }
            agree += best;
        }
        return present == 0 ? 0 : (double) agree / present;
    }
}
