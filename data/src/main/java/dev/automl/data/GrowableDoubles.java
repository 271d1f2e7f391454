package dev.automl.data;

import java.util.Arrays;

/**
 * An append-only column of doubles that grows as rows are read. It grows by whole {@link Chunks} instead of doubling
 * one array, so it never holds more than one spare chunk, and {@link #moveToArray} releases the chunks as it copies
 * them: reading a numeric CSV needs little more heap than the table it makes.
 */
final class GrowableDoubles {

    private double[][] data;
    private double[] current;
    private int at;
    private int size;

    GrowableDoubles() {
        clear();
    }

    void add(double v) {
        if (at == current.length) {
            nextChunk();
        }
        current[at++] = v;
        size++;
    }

    int size() {
        return size;
    }

    /** All values as one array; the column is empty afterwards. */
    double[] moveToArray() {
        double[] out = new double[size];
        for (int chunk = 0, from = 0; from < size; chunk++, from += Chunks.SIZE) {
            System.arraycopy(data[chunk], 0, out, from, Math.min(Chunks.SIZE, size - from));
            data[chunk] = null;
        }
        clear();
        return out;
    }

    private void nextChunk() {
        int chunk = Chunks.chunkOf(size);
        if (chunk == 0) {
            current = Arrays.copyOf(current, Chunks.grownFirst(current.length));
            data[0] = current;
            return;
        }
        if (chunk == data.length) {
            data = Arrays.copyOf(data, chunk * 2);
        }
        current = new double[Chunks.SIZE];
        data[chunk] = current;
        at = 0;
    }

    private void clear() {
        current = new double[Chunks.FIRST];
        data = new double[][] {current};
        at = 0;
        size = 0;
    }
}
