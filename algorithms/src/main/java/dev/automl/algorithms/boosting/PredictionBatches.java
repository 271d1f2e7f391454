package dev.automl.algorithms.boosting;

import dev.automl.featurization.FeatureMatrix;
import java.util.Arrays;

/**
 * Cuts a feature matrix into row batches of bounded size, so that the native copies a library makes of the
 * input and output stay small however many rows are predicted.
 */
final class PredictionBatches {

    /** About 4 MB of float input per batch. */
    private static final int VALUES_PER_BATCH = 1 << 20;

    /** Receives one batch: its first row in the whole matrix, its row count and its row-major values. */
    interface BatchConsumer {
        void accept(int firstRow, int rows, float[] values);
    }

    private PredictionBatches() {
    }

    static void forEach(FeatureMatrix x, BatchConsumer consumer) {
        forEach(x, VALUES_PER_BATCH, consumer);
    }

    static void forEach(FeatureMatrix x, int valuesPerBatch, BatchConsumer consumer) {
        int cols = Math.max(1, x.cols());
        int batchRows = Math.max(1, valuesPerBatch / cols);
        float[] all = x.values();
        if (x.rows() <= batchRows) {
            consumer.accept(0, x.rows(), all);
            return;
        }
        for (int start = 0; start < x.rows(); start += batchRows) {
            int n = Math.min(batchRows, x.rows() - start);
            consumer.accept(start, n, Arrays.copyOfRange(all, start * x.cols(), (start + n) * x.cols()));
        }
    }
}
