package dev.automl.featurization;

import java.util.BitSet;
import java.util.List;

/**
 * Dense features, row-major, as LightGBM and XGBoost take them.
 *
 * @param values      rows x cols values, row-major; NaN only where featurization is off and a value is missing
 * @param categorical the columns holding category codes (0..levels-1), which tree learners may split on natively
 */
public record FeatureMatrix(float[] values, int rows, int cols, List<String> names, BitSet categorical) {

    public FeatureMatrix {
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException(rows + " x " + cols + " does not match " + values.length + " values");
        }
        if (names.size() != cols) {
            throw new IllegalArgumentException(cols + " columns but " + names.size() + " names");
        }
        names = List.copyOf(names);
        categorical = (BitSet) categorical.clone();
    }

    public float get(int row, int col) {
        return values[row * cols + col];
    }

    /** The given rows, in the given order. */
    public FeatureMatrix select(int[] rows) {
        float[] v = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, rows[i] * cols, v, i * cols, cols);
        }
        return new FeatureMatrix(v, rows.length, cols, names, categorical);
    }

    /** One row as doubles, as Smile and Tribuo take them. */
    public double[] row(int row) {
        double[] out = new double[cols];
        int base = row * cols;
        for (int j = 0; j < cols; j++) {
            out[j] = values[base + j];
        }
        return out;
    }

    /** All rows as doubles. */
    public double[][] toDoubleRows() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = row(i);
        }
        return out;
    }

    @Override
    public BitSet categorical() {
        return (BitSet) categorical.clone();
    }
}
