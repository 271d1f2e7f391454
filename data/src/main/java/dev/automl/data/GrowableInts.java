package dev.automl.data;

import java.util.Arrays;

/**
 * An append-only column of ints (category codes) that grows as rows are read, by whole {@link Chunks} as
 * {@link GrowableDoubles} does; values already added can be read and replaced.
 */
final class GrowableInts {

    private int[][] data;
    private int[] current;
    private int at;
    private int size;

    GrowableInts() {
        this(Chunks.FIRST);
    }

    /** A column with room for about {@code capacity} values before its first chunk grows. */
    GrowableInts(int capacity) {
        clear(Math.min(Chunks.SIZE, Math.max(16, capacity)));
    }

    void add(int v) {
        if (at == current.length) {
            nextChunk();
        }
        current[at++] = v;
        size++;
    }

    /** Appends the same value n times. */
    void addRepeated(int v, int n) {
        int left = n;
        while (left > 0) {
            if (at == current.length) {
                nextChunk();
            }
            int count = Math.min(left, current.length - at);
            Arrays.fill(current, at, at + count, v);
            at += count;
            size += count;
            left -= count;
        }
    }

    int get(int i) {
        return data[Chunks.chunkOf(i)][Chunks.offsetOf(i)];
    }

    void set(int i, int v) {
        data[Chunks.chunkOf(i)][Chunks.offsetOf(i)] = v;
    }

    int size() {
        return size;
    }

    /** All values as one array; the column is empty afterwards. */
    int[] moveToArray() {
        int[] out = new int[size];
        for (int chunk = 0, from = 0; from < size; chunk++, from += Chunks.SIZE) {
            System.arraycopy(data[chunk], 0, out, from, Math.min(Chunks.SIZE, size - from));
            data[chunk] = null;
        }
        clear(16);
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
        current = new int[Chunks.SIZE];
        data[chunk] = current;
        at = 0;
    }

    private void clear(int firstLength) {
        current = new int[firstLength];
        data = new int[][] {current};
        at = 0;
        size = 0;
    }
}
