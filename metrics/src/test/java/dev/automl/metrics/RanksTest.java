package dev.automl.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class RanksTest {

    @Test
    void ascendingIsStable() {
        assertArrayEquals(new int[] {3, 1, 4, 0, 2}, Ranks.ascending(new double[] {5, 2, 5, 1, 2}));
        assertArrayEquals(new int[0], Ranks.ascending(new double[0]));
    }

    @Test
    void tiesShareTheirAverageRank() {
        assertArrayEquals(new double[] {4.5, 2.5, 4.5, 1, 2.5}, Ranks.average(new double[] {5, 2, 5, 1, 2}));
    }
}
