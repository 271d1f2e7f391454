package dev.automl.algorithms.boosting;

import dev.automl.algorithms.Contributions;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import io.github.metarank.lightgbm4j.LGBMDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A trained LightGBM model that holds only the rounds it predicts with, saved as LightGBM's own
 * {@code model.txt} plus {@code model-info.json}.
 */
final class LightGbmModel implements FittedModel {

    static final String MODEL_FILE = "model.txt";

    private final LightGbmBooster booster;
    private final ModelInfo info;
    private final int numFeatures;
    private final String predictParams;
    private final Predictions validPredictions;
    private final boolean stoppedByDeadline;
    private final double refitShare;
    // A booster fresh from training points at its datasets, so they live as long as the model.
    private final LGBMDataset trainSet;
    private final LGBMDataset validSet;

    private LightGbmModel(LightGbmBooster booster, ModelInfo info, int numFeatures, int threads, Predictions validPredictions,
                          boolean stoppedByDeadline, double refitShare, LGBMDataset trainSet, LGBMDataset validSet) {
        this.stoppedByDeadline = stoppedByDeadline;
        this.refitShare = refitShare;
        this.booster = booster;
        this.info = info;
        this.numFeatures = numFeatures;
        this.predictParams = "num_threads=" + threads;
        this.validPredictions = validPredictions;
        this.trainSet = trainSet;
        this.validSet = validSet;
    }

    /**
     * A model around a booster that must hold exactly the rounds to predict with; the model owns the booster and
     * the datasets from here on, and frees them if it cannot be built.
     */
    static LightGbmModel owning(LightGbmBooster booster, ModelInfo info, int threads, Predictions validPredictions,
                                boolean stoppedByDeadline, double refitShare, LGBMDataset trainSet, LGBMDataset validSet) {
        try {
            return new LightGbmModel(booster, info, booster.numFeatures(), threads, validPredictions, stoppedByDeadline, refitShare,
                    trainSet, validSet);
        } catch (RuntimeException e) {
            booster.close();
            LightGbmBooster.closeQuietly(validSet);
            LightGbmBooster.closeQuietly(trainSet);
            throw e;
        }
    }

    @Override
    public boolean stoppedByDeadline() {
        return stoppedByDeadline;
    }

    @Override
    public double refitShare() {
        return refitShare;
    }

    @Override
    public Optional<Predictions> validationPredictions() {
        return Optional.ofNullable(validPredictions);
    }

    static LightGbmModel load(Path dir, Task task, int numClasses, int threads) throws IOException {
        ModelInfo info = ModelInfo.read(dir, LightGbmLearner.NAME, task, numClasses);
        Path file = dir.resolve(MODEL_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is missing: " + dir + " is not a saved LightGBM model");
        }
        LightGbmBooster booster;
        try {
            booster = LightGbmBooster.fromModelString(Files.readString(file));
        } catch (IllegalStateException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return owning(booster, info, threads, null, false, 1, null, null);
    }

    @Override
    public Predictions predict(FeatureMatrix x) {
        requireFeatures(x);
        boolean classification = info.task() == Task.CLASSIFICATION;
        int k = info.numClasses();
        double[] out = new double[classification ? x.rows() * k : x.rows()];
        if (x.rows() > 0) {
            PredictionBatches.forEach(x, (first, rows, values) -> {
                double[] raw = rows == 1 ? booster.predictRow(values, x.cols(), predictParams)
                        : booster.predict(values, rows, x.cols(), predictParams);
                if (!classification) {
                    System.arraycopy(raw, 0, out, first, rows);
                    return;
                }
                int width = k == 2 ? 1 : k;
                for (int i = 0; i < rows; i++) {
                    ClassProbabilities.writeRow(raw, i * width, k, out, first + i);
                }
            });
        }
        return classification ? Predictions.probabilities(out, k) : Predictions.regression(out);
    }

    /**
     * TreeSHAP values with the rounds the model predicts with, in raw-score space (log-odds for binary models,
     * each class's score before the softmax for multiclass ones).
     */
    @Override
    public Optional<Contributions> contributions(FeatureMatrix x) {
        requireFeatures(x);
        int outputs = outputs();
        int f = x.cols();
        double[] values = new double[Math.multiplyExact(Math.multiplyExact(x.rows(), outputs), f)];
        double[] base = new double[outputs];
        if (x.rows() > 0) {
            // The booster holds only the kept rounds, but naming them keeps these right should it ever hold
            // more, as XGBoost's boosters do.
            PredictionBatches.forEach(x, ContributionBatches.valuesPerBatch(outputs, f), (first, rows, batch) -> {
                double[] raw = booster.contributions(batch, rows, f, info.rounds(), predictParams);
                ContributionBatches.unpack(raw, first, rows, outputs, f, values, base);
            });
        }
        return Optional.of(new Contributions(x.rows(), f, outputs, values, base));
    }

    /**
     * The raw scores {@link #contributions} add up to, row-major: one per row for regression and binary models
     * (log-odds of class 1), one per class otherwise.
     */
    double[] margins(FeatureMatrix x) {
        requireFeatures(x);
        int outputs = outputs();
        double[] out = new double[x.rows() * outputs];
        if (x.rows() > 0) {
            PredictionBatches.forEach(x, (first, rows, batch) -> System.arraycopy(
                    booster.rawScores(batch, rows, x.cols(), info.rounds(), predictParams), 0, out, first * outputs,
                    rows * outputs));
        }
        return out;
    }

    /** Margins per row: the classes of a multiclass model, else one. */
    private int outputs() {
        return info.task() == Task.CLASSIFICATION && info.numClasses() > 2 ? info.numClasses() : 1;
    }

    private void requireFeatures(FeatureMatrix x) {
        if (x.cols() != numFeatures) {
            throw new IllegalArgumentException("the LightGBM model was trained on " + numFeatures
                    + " features but got " + x.cols());
        }
    }

    @Override
    public void save(Path dir) throws IOException {
        Files.writeString(dir.resolve(MODEL_FILE), booster.modelString(-1));
        info.write(dir);
    }

    @Override
    public Params fittedParams() {
        return info.params();
    }

    /** Rounds the model predicts with. */
    int rounds() {
        return info.rounds();
    }

    @Override
    public void close() {
        booster.close();
        LightGbmBooster.closeQuietly(validSet);
        LightGbmBooster.closeQuietly(trainSet);
    }
}
