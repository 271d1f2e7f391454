package dev.automl.algorithms.boosting;

import dev.automl.algorithms.Contributions;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained XGBoost model that predicts with its first {@code rounds} rounds (those early stopping kept), saved as
 * XGBoost's JSON {@code model.json} plus {@code model-info.json}.
 */
final class XGBoostModel implements FittedModel {

    static final String MODEL_FILE = "model.json";

    private final Booster booster;
    private final ModelInfo info;
    private final int numFeatures;
    private final boolean stoppedByDeadline;
    private final double refitShare;

    /** Takes ownership of the booster. */
    XGBoostModel(Booster booster, ModelInfo info, int threads, boolean stoppedByDeadline, double refitShare) {
        this.booster = booster;
        this.info = info;
        this.stoppedByDeadline = stoppedByDeadline;
        this.refitShare = refitShare;
        try {
            booster.setParam("nthread", threads);
            this.numFeatures = (int) booster.getNumFeature();
        } catch (XGBoostError e) {
            booster.dispose();
            throw new IllegalStateException("XGBoost failed preparing the model: " + e.getMessage(), e);
        }
    }

    /** A booster from XGBoost's JSON or binary JSON (UBJSON) model format; XGBoost tells them apart itself. */
    static Booster boosterFromJson(byte[] json) {
        try {
            return XGBoost.loadModel(json);
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("XGBoost failed loading a model: " + e.getMessage(), e);
        }
    }

    static XGBoostModel load(Path dir, String learner, Task task, int numClasses, int threads) throws IOException {
        ModelInfo info = ModelInfo.read(dir, learner, task, numClasses);
        Path file = dir.resolve(MODEL_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is missing: " + dir + " is not a saved XGBoost model");
        }
        Booster booster;
        try {
            booster = boosterFromJson(Files.readAllBytes(file));
        } catch (IllegalStateException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return new XGBoostModel(booster, info, threads, false, 1);
    }

    @Override
    public Predictions predict(FeatureMatrix x) {
        requireFeatures(x);
        boolean classification = info.task() == Task.CLASSIFICATION;
        int k = info.numClasses();
        double[] out = new double[classification ? x.rows() * k : x.rows()];
        int[] iterations = {0, info.rounds()};
        if (x.rows() > 0) {
            PredictionBatches.forEach(x, (first, rows, values) -> {
                float[][] raw;
                try {
                    raw = booster.inplace_predict(values, rows, x.cols(), Float.NaN, iterations,
                            Booster.PredictionType.kValue, null);
                } catch (XGBoostError e) {
                    throw new IllegalStateException("XGBoost failed predicting: " + e.getMessage(), e);
                }
                double[] row = new double[classification && k > 2 ? k : 1];
                for (int i = 0; i < rows; i++) {
                    if (raw[i].length != row.length) {
                        throw new IllegalStateException("XGBoost gave " + raw[i].length + " outputs per row, expected "
                                + row.length);
                    }
                    for (int j = 0; j < row.length; j++) {
                        row[j] = raw[i][j];
                    }
                    if (classification) {
                        ClassProbabilities.writeRow(row, 0, k, out, first + i);
                    } else {
                        out[first + i] = row[0];
                    }
                }
            });
        }
        return classification ? Predictions.probabilities(out, k) : Predictions.regression(out);
    }

    /**
     * XGBoost's TreeSHAP values with the rounds the model predicts with (the booster may hold the rounds early
     * stopping waited through after the best one), in margin space: log-odds for binary models, each class's
     * score before the softmax for multiclass ones. XGBoost computes them in float, so they add up to the margin
     * within float rounding.
     */
    @Override
    public Optional<Contributions> contributions(FeatureMatrix x) {
        requireFeatures(x);
        int outputs = outputs();
        int f = x.cols();
        double[] values = new double[Math.multiplyExact(Math.multiplyExact(x.rows(), outputs), f)];
        double[] base = new double[outputs];
        if (x.rows() > 0) {
            PredictionBatches.forEach(x, ContributionBatches.valuesPerBatch(outputs, f), (first, rows, batch) -> {
                float[][] raw;
                DMatrix m = null;
                try {
                    // As inplace_predict reads the values in predict(): NaN is missing, and no feature types,
                    // since each tree's nodes already say which splits are categorical.
                    m = new DMatrix(batch, rows, f, Float.NaN);
                    // A tree limit of the rounds kept is the iteration range {0, rounds} that predict() uses;
                    // 0 would mean every stored round.
                    raw = booster.predictContrib(m, info.rounds());
                } catch (XGBoostError e) {
                    throw new IllegalStateException("XGBoost failed computing contributions: " + e.getMessage(), e);
                } finally {
                    if (m != null) {
                        m.dispose();
                    }
                }
                ContributionBatches.unpack(flatten(raw, rows, outputs * (f + 1)), first, rows, outputs, f, values,
                        base);
            });
        }
        return Optional.of(new Contributions(x.rows(), f, outputs, values, base));
    }

    /**
     * The margins {@link #contributions} add up to, row-major: one per row for regression and binary models
     * (log-odds of class 1), one per class otherwise; predict()'s call with the margin in place of the value.
     */
    double[] margins(FeatureMatrix x) {
        requireFeatures(x);
        int outputs = outputs();
        double[] out = new double[x.rows() * outputs];
        int[] iterations = {0, info.rounds()};
        if (x.rows() > 0) {
            PredictionBatches.forEach(x, (first, rows, values) -> {
                float[][] raw;
                try {
                    raw = booster.inplace_predict(values, rows, x.cols(), Float.NaN, iterations,
                            Booster.PredictionType.kMargin, null);
                } catch (XGBoostError e) {
                    throw new IllegalStateException("XGBoost failed predicting: " + e.getMessage(), e);
                }
                double[] flat = flatten(raw, rows, outputs);
                System.arraycopy(flat, 0, out, first * outputs, flat.length);
            });
        }
        return out;
    }

    private static double[] flatten(float[][] raw, int rows, int width) {
        if (raw.length != rows) {
            throw new IllegalStateException("XGBoost gave " + raw.length + " rows, expected " + rows);
        }
        double[] out = new double[rows * width];
        for (int i = 0; i < rows; i++) {
            if (raw[i].length != width) {
                throw new IllegalStateException("XGBoost gave " + raw[i].length + " values per row, expected "
                        + width);
            }
            for (int j = 0; j < width; j++) {
                out[i * width + j] = raw[i][j];
            }
        }
        return out;
    }

    /** Margins per row: the classes of a multiclass model, else one. */
    private int outputs() {
        return info.task() == Task.CLASSIFICATION && info.numClasses() > 2 ? info.numClasses() : 1;
    }

    private void requireFeatures(FeatureMatrix x) {
        if (x.cols() != numFeatures) {
            throw new IllegalArgumentException("the XGBoost model was trained on " + numFeatures
                    + " features but got " + x.cols());
        }
    }

    @Override
    public void save(Path dir) throws IOException {
        try {
            Files.write(dir.resolve(MODEL_FILE), booster.toByteArray("json"));
        } catch (XGBoostError e) {
            throw new IOException("XGBoost failed writing the model: " + e.getMessage(), e);
        }
        info.write(dir);
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
    public Params fittedParams() {
        return info.params();
    }

    /** Rounds the model predicts with. */
    int rounds() {
        return info.rounds();
    }

    @Override
    public void close() {
        booster.dispose();
    }
}
