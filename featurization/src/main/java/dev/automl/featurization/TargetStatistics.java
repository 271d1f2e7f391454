package dev.automl.featurization;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.data.CategoricalColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a category says about the target, smoothed towards the whole data's figure: weight of evidence for a binary
 * target, the share of each class for several classes, the standardised mean for regression.
 *
 * @param byLevel each level's values, one per output
 * @param unseen  the values for a level training did not have, and for a missing value: the whole data's figure
 */
public record TargetStatistics(@JsonProperty("kind") Kind kind, @JsonProperty("outputs") List<String> outputs,
                               @JsonProperty("byLevel") Map<String, double[]> byLevel,
                               @JsonProperty("unseen") double[] unseen) {

    /** A level seen this many times weighs as much as the prior: rare levels say little on their own. */
    static final double SMOOTHING = 10;
    /** Folds for the out-of-fold values of the training rows. */
    static final int FOLDS = 5;
    /** Above this many classes one column per class is too wide to pay. */
    static final int MAX_CLASSES = 10;

    /** Which statistic, named as Azure names the transformer that computes it. */
    public enum Kind {
        WOE(Transformer.WOE_TARGET_ENCODER),
        CLASS_FREQUENCY(Transformer.CAT_TARGET_ENCODER),
        MEAN(Transformer.CAT_TARGET_ENCODER);

        private final Transformer transformer;

        Kind(Transformer transformer) {
            this.transformer = transformer;
        }

        /** The Azure transformer this statistic is. */
        public Transformer transformer() {
            return transformer;
        }
    }

    public TargetStatistics {
        outputs = List.copyOf(outputs);
        byLevel = Map.copyOf(byLevel);
    }

    /** The statistics of the given rows, and the out-of-fold values of each of those rows. */
    record Fitted(TargetStatistics statistics, float[] outOfFold) {
    }

    /** The kind for a target: null when none applies (too many classes) or the ones that apply are blocked. */
    static Kind kindFor(Target target, FeaturizationSettings settings) {
        boolean mean = settings.allows(Transformer.CAT_TARGET_ENCODER);
        return switch (target.task()) {
            // A forecasting target is a number too (JobData encodes it as regression's).
            case REGRESSION, FORECASTING -> mean ? Kind.MEAN : null;
            case CLASSIFICATION -> {
                if (target.numClasses() == 2 && settings.allows(Transformer.WOE_TARGET_ENCODER)) {
                    yield Kind.WOE;
                }
                yield mean && target.numClasses() <= MAX_CLASSES ? Kind.CLASS_FREQUENCY : null;
            }
        };
    }

    /**
     * Fits on the given rows (all when null) of a categorical column; {@code target} covers every row of the
     * column's table. A training row's out-of-fold value comes from the other four fifths of the rows.
     */
    static Fitted fit(CategoricalColumn c, int[] rows, Target target, Kind kind) {
        int n = rows == null ? c.size() : rows.length;
        int outputs = kind == Kind.CLASS_FREQUENCY ? target.numClasses() : 1;
        double[] figures = figures(target, rows, n, kind, outputs);
        // Sums per fold; a fold's out-of-fold statistic is all sums minus its own.
        Sums all = new Sums(c.levels().size(), outputs);
        Sums[] folds = new Sums[FOLDS];
        for (int f = 0; f < FOLDS; f++) {
            folds[f] = new Sums(c.levels().size(), outputs);
        }
        for (int i = 0; i < n; i++) {
            int code = c.codes()[ColumnEncoder.rowAt(rows, i)];
            all.add(code, figures, i * outputs);
            folds[i % FOLDS].add(code, figures, i * outputs);
        }
        float[] oof = new float[n * outputs];
        for (int i = 0; i < n; i++) {
            int code = c.codes()[ColumnEncoder.rowAt(rows, i)];
            double[] v = statistic(kind, all, folds[i % FOLDS], code);
            for (int j = 0; j < outputs; j++) {
                oof[i * outputs + j] = (float) v[j];
            }
        }
        Map<String, double[]> byLevel = new HashMap<>();
        for (int k = 0; k < c.levels().size(); k++) {
            if (all.count[k] > 0) {
                byLevel.put(c.levels().get(k), statistic(kind, all, null, k));
            }
        }
        List<String> names = new ArrayList<>();
        if (kind == Kind.CLASS_FREQUENCY) {
            names.addAll(target.labels());
        } else {
            names.add(kind == Kind.WOE ? "woe" : "mean");
        }
        return new Fitted(new TargetStatistics(kind, names, byLevel, statistic(kind, all, null, CategoricalColumn.MISSING)), oof);
    }

    /**
     * Each fit row's target as the figures averaged per level: 1 for the second class (WoE), 1 in its class's
     * column (class shares), or the target standardised by the fit rows' mean and deviation (regression).
     */
    static double[] figures(Target target, int[] rows, int n, Kind kind, int outputs) {
        double[] out = new double[n * outputs];
        double mean = 0;
        double sd = 1;
        if (kind == Kind.MEAN) {
            for (int i = 0; i < n; i++) {
                mean += target.y()[ColumnEncoder.rowAt(rows, i)];
            }
            mean /= Math.max(1, n);
            double var = 0;
            for (int i = 0; i < n; i++) {
                double d = target.y()[ColumnEncoder.rowAt(rows, i)] - mean;
                var += d * d;
            }
            sd = var > 0 ? Math.sqrt(var / n) : 1;
        }
        for (int i = 0; i < n; i++) {
            double y = target.y()[ColumnEncoder.rowAt(rows, i)];
            switch (kind) {
                case WOE -> out[i] = y == 1 ? 1 : 0;
                case CLASS_FREQUENCY -> out[i * outputs + (int) y] = 1;
                case MEAN -> out[i] = (y - mean) / sd;
            }
        }
        return out;
    }

    /**
     * The smoothed statistic of a level from all sums less those of {@code without} (null: none); for
     * {@link CategoricalColumn#MISSING}, the prior alone.
     */
    private static double[] statistic(Kind kind, Sums all, Sums without, int code) {
        int outputs = all.totalSums.length;
        double[] out = new double[outputs];
        double total = all.total - (without == null ? 0 : without.total);
        double count = code == CategoricalColumn.MISSING ? 0 : all.count[code] - (without == null ? 0 : without.count[code]);
        for (int j = 0; j < outputs; j++) {
            double totalSum = all.totalSums[j] - (without == null ? 0 : without.totalSums[j]);
            double prior = total == 0 ? 0 : totalSum / total;
            double sum = code == CategoricalColumn.MISSING ? 0
                    : all.sums[code * outputs + j] - (without == null ? 0 : without.sums[code * outputs + j]);
            double smoothed = (sum + SMOOTHING * prior) / (count + SMOOTHING);
            out[j] = kind == Kind.WOE ? logit(smoothed) - logit(prior) : smoothed;
        }
        return out;
    }

    private static double logit(double p) {
        double q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
        return Math.log(q / (1 - q));
    }

    /** Row counts and figure sums per level, and over all rows (missing levels count only there). */
    private static final class Sums {
        private final double[] count;
        private final double[] sums;
        private final double[] totalSums;
        private double total;

        Sums(int levels, int outputs) {
            this.count = new double[levels];
            this.sums = new double[levels * outputs];
            this.totalSums = new double[outputs];
        }

        void add(int code, double[] figures, int at) {
            int outputs = totalSums.length;
            total++;
            for (int j = 0; j < outputs; j++) {
                totalSums[j] += figures[at + j];
            }
            if (code != CategoricalColumn.MISSING) {
                count[code]++;
                for (int j = 0; j < outputs; j++) {
                    sums[code * outputs + j] += figures[at + j];
                }
            }
        }
    }
}
