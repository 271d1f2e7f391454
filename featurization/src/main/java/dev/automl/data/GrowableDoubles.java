package dev.automl.data;

import java.util.Arrays;

/** An append-only double[] that grows as rows are read. */
final class GrowableDoubles {

    private double[] values = new double[1024];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
