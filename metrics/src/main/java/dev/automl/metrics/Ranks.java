package dev.automl.metrics;

/** Sorting by score without boxing, and average ranks for ties, as scipy.stats.rankdata does. */
final class Ranks {

    private Ranks() {
    }

    /** Indices of {@code keys} in ascending key order; stable, O(n log n). Keys must not be NaN. */
    static int[] ascending(double[] keys) {
        int n = keys.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] buffer = new int[n];
        // Bottom-up merge sort: stable and free of the Integer[] a Comparator would need.
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    buffer[k++] = keys[order[j]] < keys[order[i]] ? order[j++] : order[i++];
                }
                while (i < mid) {
                    buffer[k++] = order[i++];
                }
                while (j < hi) {
                    buffer[k++] = order[j++];
                }
                System.arraycopy(buffer, lo, order, lo, hi - lo);
            }
        }
        return order;
    }

    /** 1-based ranks of {@code x}; tied values share the mean of the ranks they span. */
    static double[] average(double[] x) {
        int n = x.length;
        int[] order = ascending(x);
        double[] ranks = new double[n];
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && x[order[end]] == x[order[start]]) {
                end++;
            }
            double rank = (start + 1 + end) / 2.0;
            for (int i = start; i < end; i++) {
                ranks[order[i]] = rank;
            }
            start = end;
        }
        return ranks;
    }
}
