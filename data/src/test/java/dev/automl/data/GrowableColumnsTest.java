package dev.automl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The chunked growable columns hold what a plain growing array would, across chunk boundaries. */
class GrowableColumnsTest {

    @Test
    void doublesKeepEveryValueInOrderAcrossChunks() {
        for (int n : new int[] {0, 1, Chunks.FIRST, Chunks.FIRST + 1, Chunks.SIZE - 1, Chunks.SIZE, Chunks.SIZE + 1,
                3 * Chunks.SIZE + 17}) {
            GrowableDoubles g = new GrowableDoubles();
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = i * 0.5 - 3;
                g.add(expected[i]);
            }
            assertEquals(n, g.size());
            assertArrayEquals(expected, g.moveToArray(), "n = " + n);
            assertEquals(0, g.size());
            g.add(7);
            assertArrayEquals(new double[] {7}, g.moveToArray(), "reused after n = " + n);
        }
    }

    @Test
    void intsMatchAPlainArrayUnderAddsRepeatsAndSets() {
        Random r = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int[] plain = new int[4 * Chunks.SIZE];
            int size = 0;
            GrowableInts g = new GrowableInts(1 + r.nextInt(3000));
            while (size < 3 * Chunks.SIZE) {
                switch (r.nextInt(3)) {
                    case 0 -> {
                        int v = r.nextInt();
                        g.add(v);
                        plain[size++] = v;
                    }
                    case 1 -> {
                        int v = r.nextInt(5) - 1;
                        int n = r.nextInt(r.nextBoolean() ? 40 : Chunks.SIZE + 100);
                        n = Math.min(n, plain.length - size);
                        g.addRepeated(v, n);
                        java.util.Arrays.fill(plain, size, size + n, v);
                        size += n;
                    }
                    default -> {
                        if (size > 0) {
                            int i = r.nextInt(size);
                            int v = r.nextInt();
                            g.set(i, v);
                            plain[i] = v;
                            assertEquals(v, g.get(i));
                        }
                    }
                }
            }
            assertEquals(size, g.size());
            assertArrayEquals(java.util.Arrays.copyOf(plain, size), g.moveToArray(), "trial " + trial);
        }
    }
}
