package dev.automl.algorithms;

import java.util.Arrays;
import java.util.Random;

/** A seeded random choice of training rows, for learners whose cost forbids fitting all of them. */
public final class RowSample {

    private RowSample() {
    }

    /** The leaderboard's note on a sampled fit, such as "fitted on a seeded sample of 10,000 of 29,999 rows (why)". */
    public static String note(int kept, int rows, String why) {
        return String.format(java.util.Locale.ROOT, "fitted on a seeded sample of %,d of %,d rows (%s)", kept, rows, why);
    }

    /** {@code keep} of {@code rows} row indices, ascending, drawn without replacement; null when all are kept. */
    public static int[] of(int rows, int keep, long seed) {
        if (keep >= rows) {
            return null;
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        Random rng = new Random(seed);
        for (int i = 0; i < keep; i++) {
            int j = i + rng.nextInt(rows - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] out = Arrays.copyOf(order, keep);
        Arrays.sort(out);
        return out;
    }
}
