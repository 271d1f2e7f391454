package dev.automl.algorithms.boosting;

import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import ml.dmlc.xgboost4j.java.Booster;
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
        if (x.cols() != numFeatures) {
            throw new IllegalArgumentException("the XGBoost model was trained on " + numFeatures
                    + " features but got " + x.cols());
        }
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
