package dev.automl.algorithms.forest;

import dev.automl.algorithms.Deadline;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Grows a forest batch by batch, checking the deadline and a size budget between batches: a first batch of one
 * tree per thread times a tree; later batches are sized to about {@link #BATCH_SECONDS} of work but at most double
 * the trees grown so far, so that one noisy timing cannot commit a long batch; and no batch starts that the deadline
 * would cut short by the timings so far, nor one larger than the budget is expected to take.
 *
 * <p>Each kept tree is handed to a listener (the validation rows' votes) before the batch's time is taken, so the
 * timings that size the next batch include that work and the deadline covers it.
 *
 * <p>The budget keeps the trees in seed order up to and including the first that takes the forest's total size
 * above it, and drops the rest of that batch: which trees are kept depends on the trees alone, never on how they
 * were batched or on the thread count.
 */
final class TreeBatches {

    static final double BATCH_SECONDS = 1.0;

    /** Grows the trees with the given seeds, in seed order. */
    interface Grower<T> {
        List<T> grow(long[] seeds);
    }

    private TreeBatches() {
    }

    /**
     * @param maxSize the size above which no tree is added, in the units of {@code sizeOf}
     */
    static <T> List<T> grow(int total, long trialSeed, Deadline deadline, int threads, long maxSize,
                            ToLongFunction<? super T> sizeOf, Grower<T> grower) {
        return grow(total, trialSeed, deadline, threads, maxSize, sizeOf, grower, tree -> { });
    }

    /** @param kept told of every tree kept, in seed order */
    static <T> List<T> grow(int total, long trialSeed, Deadline deadline, int threads, long maxSize,
                            ToLongFunction<? super T> sizeOf, Grower<T> grower, Consumer<? super T> kept) {
        List<T> out = new ArrayList<>(Math.min(total, 1024));
        long size = 0;
        double lastPerTree = 0;
        double elapsed = 0;
        while (out.size() < total && size <= maxSize && !deadline.expired()) {
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
                // The trees the budget should still take at the average size so far, plus the one that crosses
                // it; more would be grown only to be dropped.
                double meanSize = Math.max(1e-9, (double) size / out.size());
                long fits = (long) Math.min(Long.MAX_VALUE / 2, Math.floor((maxSize - size) / meanSize)) + 1;
                count = (int) Math.min(Math.min(left, 2L * out.size()), Math.min(Math.min(wanted, affordable), fits));
            }
            long start = System.nanoTime();
            List<T> batch = grower.grow(TreeSeeds.range(trialSeed, out.size(), count));
            if (batch.size() != count) {
                throw new IllegalStateException("asked for " + count + " trees, got " + batch.size());
            }
            for (T tree : batch) {
                if (size > maxSize) {
                    break;
                }
                out.add(tree);
                size += sizeOf.applyAsLong(tree);
                kept.accept(tree);
            }
            double secs = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
            lastPerTree = secs / count;
            elapsed += secs;
        }
        return out;
    }
}
