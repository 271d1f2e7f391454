package dev.automl.algorithms.neighbors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import smile.math.distance.EuclideanDistance;
import smile.neighbor.KDTree;
import smile.neighbor.KNNSearch;
import smile.neighbor.LinearSearch;
import smile.neighbor.Neighbor;

/**
 * The kept training rows and their targets, searched for each new row's nearest neighbours; saved as
 * {@code knn.json} (settings) and {@code knn.bin} (little-endian float32 features, then float64 targets).
 */
final class KnnModel implements FittedModel {

    static final String SETTINGS = "knn.json";
    static final String ARRAYS = "knn.bin";
    static final String FORMAT = "automl.knn_model";
    /** Up to this many features a k-d tree beats scanning every row; above it the tree visits most rows anyway. */
    private static final int KD_TREE_MAX_FEATURES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Task task;
    private final int numClasses;
    private final int k;
    private final boolean byDistance;
    private final float[] x;
    private final int rows;
    private final int cols;
    private final double[] y;
    private final Params fitted;
    private final KNNSearch<double[], Integer> search;
    private final String note;

    /** @param note what the leaderboard says about the fit (the rows sampled), empty for a loaded model */
    KnnModel(Task task, int numClasses, int k, boolean byDistance, float[] x, int rows, int cols, double[] y,
             Params fitted, String note) {
        this.note = note;
        this.task = task;
        this.numClasses = numClasses;
        this.k = Math.min(k, rows);
        this.byDistance = byDistance;
        this.x = x;
        this.rows = rows;
        this.cols = cols;
        this.y = y;
        this.fitted = fitted;
        double[][] keys = new double[rows][cols];
        Integer[] index = new Integer[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                keys[i][j] = x[i * cols + j];
            }
            index[i] = i;
        }
        this.search = cols <= KD_TREE_MAX_FEATURES ? new KDTree<>(keys, index)
                : new LinearSearch<>(keys, index, new EuclideanDistance());
    }

    @Override
    public Predictions predict(FeatureMatrix features) {
        if (features.cols() != cols) {
            throw new IllegalArgumentException("KNN was fitted on " + cols + " features, not " + features.cols());
        }
        int n = features.rows();
        int width = task == Task.CLASSIFICATION ? numClasses : 1;
        double[] out = new double[n * width];
        for (int i = 0; i < n; i++) {
            Neighbor<double[], Integer>[] near = search.search(features.row(i), k);
            double[] w = weights(near);
            double total = 0;
            for (int m = 0; m < near.length; m++) {
                double target = y[near[m].value];
                if (task == Task.CLASSIFICATION) {
                    out[i * width + (int) target] += w[m];
                } else {
                    out[i] += w[m] * target;
                }
                total += w[m];
            }
            for (int c = 0; c < width; c++) {
                out[i * width + c] /= total;
            }
        }
        return task == Task.CLASSIFICATION ? Predictions.probabilities(out, numClasses) : Predictions.regression(out);
    }

    /**
     * Each neighbour's weight: 1, or 1 / distance as scikit-learn's {@code weights='distance'}, where neighbours at
     * distance 0 (exact matches) take all the weight.
     */
    private double[] weights(Neighbor<double[], Integer>[] near) {
        double[] w = new double[near.length];
        boolean exact = false;
        for (Neighbor<double[], Integer> nb : near) {
            exact |= nb.distance == 0;
        }
        for (int m = 0; m < near.length; m++) {
            if (!byDistance) {
                w[m] = 1;
            } else if (exact) {
                w[m] = near[m].distance == 0 ? 1 : 0;
            } else {
                w[m] = 1 / near[m].distance;
            }
        }
        return w;
    }

    @Override
    public void save(Path dir) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("task", task.id());
        root.put("num_classes", numClasses);
        root.put("n_neighbors", k);
        root.put("weights", byDistance ? "distance" : "uniform");
        root.put("rows", rows);
        root.put("cols", cols);
        root.put("kept_rows", fitted.getInt(KNearestNeighbors.Options.KEPT_ROWS, rows));
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(SETTINGS).toFile(), root);
        ByteBuffer b = ByteBuffer.allocate(x.length * Float.BYTES + y.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : x) {
            b.putFloat(v);
        }
        for (double v : y) {
            b.putDouble(v);
        }
        Files.write(dir.resolve(ARRAYS), b.array());
    }

    static KnnModel load(Path dir, Task task, int numClasses) throws IOException {
        JsonNode root = JSON.readTree(dir.resolve(SETTINGS).toFile());
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IOException(dir.resolve(SETTINGS) + " is not a saved KNN model");
        }
        int rows = root.get("rows").asInt();
        int cols = root.get("cols").asInt();
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(ARRAYS))).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() != (long) rows * cols * Float.BYTES + (long) rows * Double.BYTES) {
            throw new IOException(dir.resolve(ARRAYS) + " does not hold " + rows + " rows of " + cols + " features");
        }
        float[] x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = b.getFloat();
        }
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = b.getDouble();
        }
        boolean byDistance = root.get("weights").asText().equals("distance");
        KNearestNeighbors.Options options = new KNearestNeighbors.Options(root.get("n_neighbors").asInt(),
                byDistance ? KNearestNeighbors.Weights.DISTANCE : KNearestNeighbors.Weights.UNIFORM);
        return new KnnModel(task, numClasses, options.nNeighbors(), byDistance, x, rows, cols, y,
                options.fitted(root.get("kept_rows").asInt()), "");
    }

    @Override
    public String note() {
        return note;
    }

    @Override
    public Params fittedParams() {
        return fitted;
    }
}
