package dev.automl.algorithms.forest;

import dev.automl.algorithms.Deadline;
import java.util.ArrayList;
import java.util.List;

/**
 * Grows a forest batch by batch, checking the deadline between batches: a first batch of one tree per thread
 * times a tree; later batches are sized to about {@link #BATCH_SECONDS} of work but at most double the trees
 * grown so far, so that one noisy timing cannot commit a long batch; and no batch starts that the deadline
 * would cut short by the timings so far.
 */
final class TreeBatches {

    static final double BATCH_SECONDS = 1.0;

    /** Grows the trees with the given seeds, in seed order. */
    interface Grower<T> {
        List<T> grow(long[] seeds);
    }

    private TreeBatches() {
    }

    static <T> List<T> grow(int total, long trialSeed, Deadline deadline, int threads, Grower<T> grower) {
        List<T> out = new ArrayList<>(total);
        double lastPerTree = 0;
        double elapsed = 0;
        while (out.size() < total && !deadline.expired()) {
            int left = total - out.size();
            int count;
            if (out.isEmpty()) {
                count = Math.min(left, threads);
            } else {
                // Wall seconds per tree at this thread count: the slower of the last batch and the average so
                // far, since overestimating only ends the forest a little early.
                double perTree = Math.max(lastPerTree, elapsed / out.size());
                long affordable = (long) Math.floor(deadline.remainingSeconds() / perTree);
                if (affordable < 1) {
                    break;
                }
                long wanted = Math.max(threads, (long) (BATCH_SECONDS / perTree));
                count = (int) Math.min(Math.min(left, 2L * out.size()), Math.min(wanted, affordable));
            }
            long start = System.nanoTime();
            List<T> batch = grower.grow(TreeSeeds.range(trialSeed, out.size(), count));
            if (batch.size() != count) {
                throw new IllegalStateException("asked for " + count + " trees, got " + batch.size());
            }
            out.addAll(batch);
            double secs = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
            lastPerTree = secs / count;
            elapsed += secs;
        }
        return out;
    }
}
