package dev.automl.algorithms.boosting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.automl.featurization.FeatureMatrix;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionBatchesTest {

    @Test
    void batchesCoverEveryRowOnceInOrder() {
        int rows = 10;
        float[] values = new float[rows * 3];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        FeatureMatrix x = new FeatureMatrix(values, rows, 3, List.of("a", "b", "c"), new BitSet());
        List<int[]> seen = new ArrayList<>();
        float[] joined = new float[values.length];
        PredictionBatches.forEach(x, 12, (first, n, batch) -> {
            seen.add(new int[] {first, n});
            assertEquals(n * 3, batch.length);
            System.arraycopy(batch, 0, joined, first * 3, batch.length);
        });
        assertEquals(List.of("0+4", "4+4", "8+2"), seen.stream().map(b -> b[0] + "+" + b[1]).toList());
        assertArrayEquals(values, joined);
    }
}
