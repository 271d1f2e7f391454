package dev.automl.algorithms.forest;

import dev.automl.algorithms.FiniteFeatures;
import dev.automl.algorithms.Predictions;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import java.util.stream.IntStream;

/**
 * The validation rows' votes, added tree by tree as a forest grows, so that its validation predictions are ready
 * when the last tree is and their cost counts against the forest's deadline: predicting 290,000 holdout rows with a
 * forest of deep trees afterwards took longer than growing it. Each row adds the trees in the order
 * {@link TreeEnsemble#predict} does, so the predictions are the same to the last bit.
 */
final class ValidationVotes {

    /** Rows per parallel chunk: large enough that forking costs nothing beside the trees' walks. */
    private static final int CHUNK_ROWS = 4096;

    private final FeatureMatrix x;
    private final Task task;
    private final int width;
    private final double[] sums;
    private double weightSum;

    ValidationVotes(FeatureMatrix x, Task task, int numClasses) {
        FiniteFeatures.require(x);
        this.x = x;
        this.task = task;
        this.width = task == Task.CLASSIFICATION ? numClasses : 1;
        this.sums = new double[Math.multiplyExact(x.rows(), width)];
    }

    /** Adds one tree's vote to every row; parallel over rows in the caller's pool (see LibraryThreads). */
    void add(WeightedTree wt) {
        TreeEnsemble.Tree tree = wt.tree();
        double w = wt.weight();
        weightSum += w;
        float[] values = x.values();
        float[] lv = tree.leafValue();
        int cols = x.cols();
        int chunks = (x.rows() + CHUNK_ROWS - 1) / CHUNK_ROWS;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int end = Math.min(x.rows(), (c + 1) * CHUNK_ROWS);
            for (int r = c * CHUNK_ROWS; r < end; r++) {
                int leaf = tree.leafOf(values, r * cols);
                int at = r * width;
                for (int k = 0; k < width; k++) {
                    sums[at + k] += w * lv[leaf * width + k];
                }
            }
        });
    }

    /** The rows' predictions from the trees added so far, as {@link TreeEnsemble#predict} gives them. */
    Predictions predictions(double[] prior) {
        double[] out = sums.clone();
        double[] acc = new double[width];
        for (int r = 0; r < x.rows(); r++) {
            System.arraycopy(out, r * width, acc, 0, width);
            TreeEnsemble.finish(task, acc, weightSum, prior);
            System.arraycopy(acc, 0, out, r * width, width);
        }
        return task == Task.CLASSIFICATION ? Predictions.probabilities(out, width) : Predictions.regression(out);
    }
}
