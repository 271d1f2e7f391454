package dev.automl.data;

import java.util.Arrays;

/** An append-only int[] that grows as rows are read. */
final class GrowableInts {

    private int[] values;
    private int size;

    GrowableInts() {
        this(1024);
    }

    GrowableInts(int capacity) {
        values = new int[Math.max(capacity, 16)];
    }

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    /** Appends the same value n times. */
    void addRepeated(int v, int n) {
        if (size + n > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, size + n));
        }
        Arrays.fill(values, size, size + n, v);
        size += n;
    }

    int get(int i) {
        return values[i];
    }

    void set(int i, int v) {
        values[i] = v;
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
