package dev.automl.algorithms.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Deadline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TreeBatchesTest {

    @Test
    void seedsDependOnTheTreeIndexNotOnTheBatches() {
        List<Integer> batchSizes = new ArrayList<>();
        List<Long> seeds = TreeBatches.grow(25, 42, Deadline.never(), 3, Long.MAX_VALUE, s -> 1, s -> {
            batchSizes.add(s.length);
            return Arrays.stream(s).boxed().toList();
        });
        assertEquals(3, batchSizes.get(0), "the first batch times one tree per thread");
        assertArrayEquals(TreeSeeds.range(42, 0, 25), seeds.stream().mapToLong(Long::longValue).toArray());
        assertTrue(seeds.stream().allMatch(s -> s > 1), "Smile ignores seeds of 1 and below");
        assertEquals(25, seeds.stream().distinct().count());
    }

    @Test
    void noBatchStartsThatTheDeadlineWouldCutShort() {
        long start = System.nanoTime();
        List<Integer> batchSizes = new ArrayList<>();
        List<long[]> grown = TreeBatches.grow(1000, 1, Deadline.afterSeconds(0.35), 1, Long.MAX_VALUE, s -> 1, s -> {
            batchSizes.add(s.length);
            sleepMillis(20L * s.length);
            return repeat(s.length);
        });
        double secs = (System.nanoTime() - start) / 1e9;
        // 20 ms a tree: about 17 trees fit in 0.35 s, and no batch may overrun.
        assertTrue(secs < 0.5, "took " + secs + " s, batches " + batchSizes);
        assertTrue(grown.size() >= 8 && grown.size() <= 18, grown.size() + " trees, batches " + batchSizes);
    }

    /** A grower whose trees are their indices, recording the batch sizes it was asked for. */
    private static TreeBatches.Grower<Integer> indices(List<Integer> batchSizes) {
        return s -> {
            int first = batchSizes.stream().mapToInt(Integer::intValue).sum();
            batchSizes.add(s.length);
            return IntStream.range(first, first + s.length).boxed().toList();
        };
    }

    @Test
    void theBudgetKeepsTheTreesUpToTheOneThatCrossesItWhateverTheBatches() {
        // Tree i has size i + 1: 1 + 2 + ... + 14 = 105 is the first sum above 100.
        for (int threads : new int[] {1, 2, 5}) {
            List<Integer> batchSizes = new ArrayList<>();
            List<Integer> grown = TreeBatches.grow(1000, 3, Deadline.never(), threads, 100, i -> i + 1,
                    indices(batchSizes));
            assertEquals(IntStream.range(0, 14).boxed().toList(), grown, "batches " + batchSizes);
        }
    }

    @Test
    void batchesStopAtWhatTheBudgetIsExpectedToTake() {
        // Trees of size 7: 14 of them make 98, the 15th crosses 100; growing more would be wasted.
        for (int threads : new int[] {1, 2, 5}) {
            List<Integer> batchSizes = new ArrayList<>();
            List<Integer> grown = TreeBatches.grow(1000, 3, Deadline.never(), threads, 100, i -> 7,
                    indices(batchSizes));
            assertEquals(15, grown.size());
            assertEquals(15, batchSizes.stream().mapToInt(Integer::intValue).sum(), "batches " + batchSizes);
        }
    }

    @Test
    void oneTreeAboveTheBudgetIsStillAForest() {
        List<Integer> grown = TreeBatches.grow(50, 3, Deadline.never(), 2, 10, i -> 1000, s -> {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < s.length; i++) {
                out.add(i);
            }
            return out;
        });
        assertEquals(1, grown.size());
    }

    private static List<long[]> repeat(int n) {
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new long[0]);
        }
        return out;
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
