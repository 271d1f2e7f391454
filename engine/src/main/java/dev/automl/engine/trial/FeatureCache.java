package dev.automl.engine.trial;

import dev.automl.algorithms.TrainingData;
import dev.automl.engine.job.JobData;
import dev.automl.engine.validation.Fold;
import dev.automl.engine.validation.ValidationPlan;
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
        return features.computeIfAbsent(fold + "/" + view, k -> build(fold, view));
    }

    /**
     * The fold's features with only {@code sampleRows} of its training rows, drawn at random (the same rows for
     * every view and trial of the fold); all training rows when {@code sampleRows} is 0 or not smaller.
     */
    public FoldFeatures get(int fold, FeatureView view, int sampleRows) {
        FoldFeatures all = get(fold, view);
        if (sampleRows <= 0 || sampleRows >= all.train().x().rows()) {
            return all;
        }
        return features.computeIfAbsent(fold + "/" + view + "/" + sampleRows, k -> {
            int[] rows = sample(all.train().x().rows(), sampleRows, fold);
            return new FoldFeatures(new TrainingData(all.train().x().select(rows), all.train().y().select(rows)), all.valid());
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

    public FittedFeaturizer featurizer(int fold) {
        return fitted.computeIfAbsent(fold, f -> featurizer.fit(data.features(), plan.folds().get(f).train(), data.target()));
    }

    private FoldFeatures build(int fold, FeatureView view) {
        Fold f = plan.folds().get(fold);
        FittedFeaturizer ff = featurizer(fold);
        TrainingData train = new TrainingData(ff.transformFitRows(data.features(), view), data.target().select(f.train()));
        TrainingData valid = new TrainingData(ff.transform(data.features(), f.valid(), view), data.target().select(f.valid()));
        return new FoldFeatures(train, valid);
    }
}
