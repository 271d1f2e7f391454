package dev.automl.data;

/**
 * The chunk layout of the growable columns: value i lives in chunk {@code i / SIZE} at {@code i % SIZE}. The first
 * chunk starts small and doubles up to SIZE, so that small tables stay small; later chunks are allocated whole.
 */
final class Chunks {

    /** 32,768 values: 256 KB of doubles, below the size at which G1 makes an array humongous even in small heaps. */
    static final int BITS = 15;
    static final int SIZE = 1 << BITS;
    static final int FIRST = 1024;

    private Chunks() {
    }

    static int chunkOf(int index) {
        return index >>> BITS;
    }

    static int offsetOf(int index) {
        return index & (SIZE - 1);
    }

    /** The length the first chunk grows to when it is full. */
    static int grownFirst(int length) {
        return Math.min(SIZE, Math.max(16, length * 2));
    }
}
