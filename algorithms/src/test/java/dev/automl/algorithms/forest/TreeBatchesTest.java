package dev.automl.algorithms.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Deadline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeBatchesTest {

    @Test
    void seedsDependOnTheTreeIndexNotOnTheBatches() {
        List<Integer> batchSizes = new ArrayList<>();
        List<Long> seeds = TreeBatches.grow(25, 42, Deadline.never(), 3, s -> {
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
        List<long[]> grown = TreeBatches.grow(1000, 1, Deadline.afterSeconds(0.35), 1, s -> {
            batchSizes.add(s.length);
            sleepMillis(20L * s.length);
            return repeat(s.length);
        });
        double secs = (System.nanoTime() - start) / 1e9;
        // 20 ms a tree: about 17 trees fit in 0.35 s, and no batch may overrun.
        assertTrue(secs < 0.5, "took " + secs + " s, batches " + batchSizes);
        assertTrue(grown.size() >= 8 && grown.size() <= 18, grown.size() + " trees, batches " + batchSizes);
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
