package dev.automl.engine.trial;

import dev.automl.algorithms.TrainingData;
import dev.automl.engine.job.JobData;
import dev.automl.engine.validation.Fold;
import dev.automl.engine.validation.ValidationPlan;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeatureView;
import dev.automl.featurization.FeaturizationSettings;
import dev.automl.featurization.Featurizer;
import dev.automl.featurization.FittedFeaturizer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Featurizes each fold once per feature view and keeps the result, so that every trial on the same fold and
 * view reuses the same matrices; the featurizer of a fold is fitted on that fold's training rows only. It also
 * keeps the featurizer of all training rows, which the guardrails read and the final refit uses.
 */
public final class FeatureCache {

    private final JobData data;
    private final ValidationPlan plan;
    private final Featurizer featurizer;
    private final ConcurrentMap<Integer, FittedFeaturizer> fitted = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, FoldFeatures> features = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, TrainingData> validFeatures = new ConcurrentHashMap<>();
    private FittedFeaturizer onAllRows;

    public FeatureCache(JobData data, ValidationPlan plan, FeaturizationSettings settings) {
        this(data, plan, new Featurizer(settings));
    }

    private FeatureCache(JobData data, ValidationPlan plan, Featurizer featurizer) {
        this.data = data;
        this.plan = plan;
        this.featurizer = featurizer;
    }

    /**
     * The same data and featurization on another plan of the same training rows, as repeated cross-validation
     * draws: its folds are featurized afresh, the featurizer of all training rows is shared.
     */
    public synchronized FeatureCache on(ValidationPlan other) {
        if (!java.util.Arrays.equals(other.refitRows(), plan.refitRows())) {
            throw new IllegalArgumentException("another plan must refit on the same training rows");
        }
        FeatureCache c = new FeatureCache(data, other, featurizer);
        c.onAllRows = onAllRows;
        return c;
    }

    public JobData data() {
        return data;
    }

    public ValidationPlan plan() {
        return plan;
    }

    /** The featurizer fitted on all training rows (the plan's refit rows), fitted once. */
    public synchronized FittedFeaturizer onAllRows() {
        if (onAllRows == null) {
            onAllRows = featurizer.fit(data.features(), plan.refitRows(), data.target());
        }
        return onAllRows;
    }

    /** All training rows in one view, with their target: what a final refit trains on. */
    public TrainingData allRows(FeatureView view) {
        return new TrainingData(onAllRows().transformFitRows(data.features(), view), data.target().select(plan.refitRows()));
    }

    public FoldFeatures get(int fold, FeatureView view) {
        TrainingData valid = valid(fold, view);
        return features.computeIfAbsent(fold + "/" + view, k -> build(fold, view, valid));
    }

    /**
     * The fold's features with only {@code sampleRows} of its training rows, drawn at random (the same rows for
     * every view and trial of the fold); all training rows when {@code sampleRows} is 0 or not smaller.
     */
    public FoldFeatures get(int fold, FeatureView view, int sampleRows) {
        Fold f = plan.folds().get(fold);
        if (sampleRows <= 0 || sampleRows >= f.train().length) {
            return get(fold, view);
        }
        // Only the sample is featurized, unless the fold's features are built already: a search on samples of a
        // large fold never holds the features of all its rows in every view.
        TrainingData valid = valid(fold, view);
        return features.computeIfAbsent(fold + "/" + view + "/" + sampleRows, k -> {
            int[] positions = sample(f.train().length, sampleRows, fold);
            FoldFeatures all = features.get(fold + "/" + view);
            if (all != null) {
                return new FoldFeatures(new TrainingData(all.train().x().select(positions),
                        all.train().y().select(positions)), all.valid());
            }
            int[] rows = new int[positions.length];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = f.train()[positions[i]];
            }
            return new FoldFeatures(new TrainingData(featurizer(fold).transformFitRows(data.features(), view, positions),
                    data.target().select(rows)), valid);
        });
    }

    /** A fold's validation rows' features in one view, built once. */
    private TrainingData valid(int fold, FeatureView view) {
        return validFeatures.computeIfAbsent(fold + "/" + view, k -> {
            Fold f = plan.folds().get(fold);
            return new TrainingData(featurizer(fold).transform(data.features(), f.valid(), view),
                    data.target().select(f.valid()));
        });
    }

    /** A seeded random choice of {@code k} of {@code n} positions, ascending; nested as k grows. */
    static int[] sample(int n, int k, int fold) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Random rng = new java.util.Random(0x9E3779B97F4A7C15L + fold);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(order, k);
        java.util.Arrays.sort(out);
        return out;
    }

    /**
     * The plan's refit rows under a fold's featurizer: the fold's training rows' features, then its validation rows'
     * where the refit rows hold them too (a holdout; not the user's validation data). A holdout's validated models
     * can so be refitted on all rows and still be fed by the featurizer they were validated with, which the models
     * that are not refitted keep.
     */
    public TrainingData refitRowsUnder(int fold, FeatureView view) {
        FoldFeatures ff = get(fold, view);
        Fold f = plan.folds().get(fold);
        int refit = plan.refitRows().length;
        if (f.train().length == refit) {
            return ff.train();
        }
        if (f.train().length + f.valid().length != refit) {
            throw new IllegalStateException("fold " + fold + "'s rows are not the plan's refit rows");
        }
        FeatureMatrix a = ff.train().x();
        FeatureMatrix b = ff.valid().x();
        float[] values = java.util.Arrays.copyOf(a.values(), a.values().length + b.values().length);
        System.arraycopy(b.values(), 0, values, a.values().length, b.values().length);
        int[] rows = java.util.Arrays.copyOf(f.train(), refit);
        System.arraycopy(f.valid(), 0, rows, f.train().length, f.valid().length);
        return new TrainingData(new FeatureMatrix(values, refit, a.cols(), a.names(), a.categorical()),
                data.target().select(rows));
    }

    public FittedFeaturizer featurizer(int fold) {
        return fitted.computeIfAbsent(fold, f -> featurizer.fit(data.features(), plan.folds().get(f).train(), data.target()));
    }

    private FoldFeatures build(int fold, FeatureView view, TrainingData valid) {
        Fold f = plan.folds().get(fold);
        FittedFeaturizer ff = featurizer(fold);
        TrainingData train = new TrainingData(ff.transformFitRows(data.features(), view), data.target().select(f.train()));
        return new FoldFeatures(train, valid);
    }
}
