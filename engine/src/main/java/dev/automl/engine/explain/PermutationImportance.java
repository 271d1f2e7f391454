package dev.automl.engine.explain;

import dev.automl.algorithms.Deadline;
import dev.automl.data.Column;
import dev.automl.data.Table;
import dev.automl.engine.model.TrainedPipeline;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeatureView;
import dev.automl.featurization.Target;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * The model-agnostic explanation of a whole pipeline (any model, any ensemble): how much its loss grows when one
 * column's values are shuffled among the rows, for each raw column and for each engineered feature, averaged over
 * seeded repeats. A repeat covers every column before the next starts, so a deadline leaves every column measured,
 * with fewer repeats; and the rows are cut down beforehand to what the deadline affords, timed on the first
 * prediction.
 */
public final class PermutationImportance {

    /** Fewer rows than this rank columns by noise more than by importance. */
    public static final int MIN_ROWS = 200;
    /** The share of the time left that the planned shuffles may take: the rest is margin for timing noise. */
    public static final double PLANNED_SHARE = 0.7;

    private PermutationImportance() {
    }

    /**
     * @param rows     the raw rows to explain on, in a random order (the first ones are kept when time is short)
     * @param y        their targets
     * @param loss     the loss of the pipeline's predictions (row-major, as {@link TrainedPipeline#predict}) for the
     *                 rows' targets, lower better
     * @param columns  the raw columns to shuffle
     * @param repeats  the shuffles per column at most
     */
    public static Explanation compute(TrainedPipeline pipeline, Table rows, Target y, List<String> columns,
                                      ToDoubleBiFunction<Target, double[]> loss, int repeats, long seed,
                                      Deadline deadline) {
        return compute(pipeline, rows, y, columns, loss, repeats, seed, deadline, List.of());
    }

    /**
     * As above, leaving unshuffled the engineered features made from the {@code fixed} columns (a forecast's time
     * and series columns, which place a row rather than describe it).
     */
    public static Explanation compute(TrainedPipeline pipeline, Table rows, Target y, List<String> columns,
                                      ToDoubleBiFunction<Target, double[]> loss, int repeats, long seed,
                                      Deadline deadline, List<String> fixed) {
        Random random = new Random(seed);
        // One featurization serves the baseline, the feature list and the timing that plans the shuffles.
        long start = System.nanoTime();
        Map<FeatureView, FeatureMatrix> views = pipeline.views(rows);
        double baseline = loss.applyAsDouble(y, pipeline.predict(views).values());
        double perPrediction = (System.nanoTime() - start) / 1e9;
        List<String> features = new ArrayList<>();
        Map<String, String> sourceOf = new LinkedHashMap<>();
        for (Map.Entry<FeatureView, FeatureMatrix> v : views.entrySet()) {
            List<String> names = v.getValue().names();
            List<String> sources = pipeline.featurizer().sourceColumns(v.getKey());
            for (int j = 0; j < names.size(); j++) {
                if (!fixed.contains(sources.get(j)) && sourceOf.putIfAbsent(names.get(j), sources.get(j)) == null) {
                    features.add(names.get(j));
                }
            }
        }
        int evaluations = repeats * (columns.size() + features.size());
        double affordable = PLANNED_SHARE * deadline.remainingSeconds() / Math.max(1e-9, perPrediction * evaluations);
        if (affordable < 1 && rows.rows() > MIN_ROWS) {
            int keep = Math.max(MIN_ROWS, (int) (rows.rows() * affordable));
            int[] first = new int[keep];
            for (int i = 0; i < keep; i++) {
                first[i] = i;
            }
            rows = rows.select(first);
            y = y.select(first);
            views = pipeline.views(rows);
            baseline = loss.applyAsDouble(y, pipeline.predict(views).values());
        }
        Target explained = y;
        ToDoubleFunction<double[]> scored = p -> loss.applyAsDouble(explained, p);
        double[][] rawGrowth = new double[columns.size()][repeats];
        double[][] featureGrowth = new double[features.size()][repeats];
        int done = 0;
        boolean cut = false;
        for (int r = 0; r < repeats && !cut; r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (deadline.expired()) {
                    cut = true;
                    break;
                }
                Column shuffled = rows.column(columns.get(c)).select(permutation(rows.rows(), random));
                rawGrowth[c][r] = loss.applyAsDouble(y, pipeline.predict(rows.with(shuffled)).values()) - baseline;
            }
            for (int f = 0; f < features.size() && !cut; f++) {
                if (deadline.expired()) {
                    cut = true;
                    break;
                }
                featureGrowth[f][r] = shuffledLoss(pipeline, views, features.get(f), random, scored) - baseline;
            }
            if (!cut) {
                done++;
            }
        }
        if (done == 0) {
            return result(baseline, List.of(), List.of(), rows.rows(), 0, true);
        }
        List<FeatureImportance> raw = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            raw.add(importance(columns.get(c), columns.get(c), rawGrowth[c], done));
        }
        List<FeatureImportance> engineered = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            engineered.add(importance(features.get(f), sourceOf.get(features.get(f)), featureGrowth[f], done));
        }
        raw.sort(Comparator.comparingDouble(FeatureImportance::importance).reversed());
        engineered.sort(Comparator.comparingDouble(FeatureImportance::importance).reversed());
        return result(baseline, raw, engineered, rows.rows(), done, cut);
    }

    /** The loss with one engineered feature shuffled in every view that has it; the views are left as they were. */
    private static double shuffledLoss(TrainedPipeline pipeline, Map<FeatureView, FeatureMatrix> views, String feature,
                                       Random random, ToDoubleFunction<double[]> loss) {
        int n = views.values().iterator().next().rows();
        int[] order = permutation(n, random);
        List<float[]> saved = new ArrayList<>();
        List<FeatureMatrix> changed = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (FeatureMatrix x : views.values()) {
            int j = x.names().indexOf(feature);
            if (j < 0) {
                continue;
            }
            float[] column = new float[n];
            for (int i = 0; i < n; i++) {
                column[i] = x.values()[i * x.cols() + j];
            }
            for (int i = 0; i < n; i++) {
                x.values()[i * x.cols() + j] = column[order[i]];
            }
            saved.add(column);
            changed.add(x);
            at.add(j);
        }
        try {
            return loss.applyAsDouble(pipeline.predict(views).values());
        } finally {
            for (int m = 0; m < changed.size(); m++) {
                FeatureMatrix x = changed.get(m);
                float[] column = saved.get(m);
                for (int i = 0; i < n; i++) {
                    x.values()[i * x.cols() + at.get(m)] = column[i];
                }
            }
        }
    }

    /** A seeded random order of 0 ... n - 1 (Fisher-Yates). */
    static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static Explanation result(double baseline, List<FeatureImportance> raw, List<FeatureImportance> engineered,
                                      int rows, int repeats, boolean cut) {
        return new Explanation(Explanation.Method.PERMUTATION_IMPORTANCE, rows, repeats, cut, baseline, List.of(),
                List.of(), raw, engineered);
    }

    private static FeatureImportance importance(String name, String source, double[] growth, int repeats) {
        double mean = 0;
        for (int r = 0; r < repeats; r++) {
            mean += growth[r] / repeats;
        }
        double var = 0;
        for (int r = 0; r < repeats; r++) {
            var += (growth[r] - mean) * (growth[r] - mean);
        }
        return new FeatureImportance(name, source, mean, repeats > 1 ? Math.sqrt(var / (repeats - 1)) : 0, List.of());
    }
}
