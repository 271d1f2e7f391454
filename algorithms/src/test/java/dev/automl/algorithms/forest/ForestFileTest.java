package dev.automl.algorithms.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Params;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForestFileTest {

    private static final int FEATURES = 5;
    private static final int CLASSES = 3;

    /**
     * A tree of {@code splits} splits in heap order (split i's children are splits 2i+1 and 2i+2 where those exist,
     * otherwise new leaves) with random features, thresholds and leaf values, awkward ones included.
     */
    private static TreeEnsemble.Tree tree(int splits, SplittableRandom r) {
        int[] feature = new int[splits];
        double[] threshold = new double[splits];
        int[] left = new int[splits];
        int[] right = new int[splits];
        int leaves = 0;
        for (int i = 0; i < splits; i++) {
            feature[i] = r.nextInt(FEATURES);
            threshold[i] = switch (i % 5) {
                case 0 -> -0.0;
                case 1 -> Double.MIN_VALUE * r.nextInt(1000);
                default -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-20, 20));
            };
            left[i] = 2 * i + 1 < splits ? 2 * i + 1 : ~leaves++;
            right[i] = 2 * i + 2 < splits ? 2 * i + 2 : ~leaves++;
        }
        leaves = Math.max(leaves, 1);
        float[] leafValue = new float[leaves * CLASSES];
        for (int i = 0; i < leafValue.length; i++) {
            leafValue[i] = i % 7 == 0 ? Float.MIN_VALUE : (float) r.nextDouble();
        }
        return new TreeEnsemble.Tree(feature, threshold, left, right, leafValue, CLASSES);
    }

    private static TreeEnsemble ensemble(int... splits) {
        SplittableRandom r = new SplittableRandom(17);
        List<TreeEnsemble.Tree> trees = new ArrayList<>();
        double[] weights = new double[splits.length];
        for (int t = 0; t < splits.length; t++) {
            trees.add(tree(splits[t], r));
            weights[t] = r.nextDouble();
        }
        return new TreeEnsemble(Task.CLASSIFICATION, CLASSES, FEATURES, trees, weights,
                new double[] {0.1 + 0.2, 0.5, 0.2});
    }

    private static void save(Path dir, TreeEnsemble e) throws IOException {
        ForestFile.write(dir, new ForestFile.Header("ExtremeRandomTrees", Params.of("n_estimators", 3)), e);
    }

    @Test
    void roundTripsBitForBitAcrossBufferBoundaries(@TempDir Path dir) throws IOException {
        // About 2.3 MB of arrays per big tree: the reader's and writer's 1 MB buffers end inside every kind of array.
        TreeEnsemble e = ensemble(70_001, 0, 3, 99_999);
        save(dir, e);
        TreeEnsemble back = ForestFile.read(dir).ensemble();
        assertEquals(e.trees().size(), back.trees().size());
        for (int t = 0; t < e.trees().size(); t++) {
            TreeEnsemble.Tree a = e.trees().get(t);
            TreeEnsemble.Tree b = back.trees().get(t);
            assertArrayEquals(a.splitFeature(), b.splitFeature());
            assertArrayEquals(a.threshold(), b.threshold());
            assertArrayEquals(a.leftChild(), b.leftChild());
            assertArrayEquals(a.rightChild(), b.rightChild());
            assertArrayEquals(a.leafValue(), b.leafValue());
            assertEquals(Double.doubleToRawLongBits(e.weight(t)), Double.doubleToRawLongBits(back.weight(t)));
        }
        assertArrayEquals(e.prior(), back.prior());

        SplittableRandom r = new SplittableRandom(3);
        float[] x = new float[500 * FEATURES];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) ((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-20, 20)));
        }
        FeatureMatrix m = new FeatureMatrix(x, 500, FEATURES, List.of("a", "b", "c", "d", "e"), new BitSet());
        assertArrayEquals(e.predict(m).values(), back.predict(m).values(), 0.0);

        long header = Files.size(dir.resolve(ForestFile.FILE_NAME));
        long arrays = Files.size(dir.resolve(ForestFile.ARRAYS_NAME));
        long splits = 70_001 + 3 + 99_999;
        assertEquals(splits * 20 + (splits + 4) * CLASSES * 4, arrays);
        assertTrue(header < 5_000, "the header holds no arrays: " + header + " bytes");
    }

    /** Trees with covers are saved as version 3, the covers after each tree's leaf values, and read back exactly. */
    @Test
    void coversRoundTripAsVersion3(@TempDir Path dir) throws IOException {
        TreeEnsemble plain = ensemble(999, 0, 10);
        SplittableRandom r = new SplittableRandom(5);
        List<TreeEnsemble.Tree> covered = new ArrayList<>();
        for (TreeEnsemble.Tree t : plain.trees()) {
            float[] cover = new float[t.leaves()];
            for (int i = 0; i < cover.length; i++) {
                cover[i] = i % 5 == 0 ? 0 : (float) (r.nextDouble() * 1000);
            }
            covered.add(new TreeEnsemble.Tree(t.splitFeature(), t.threshold(), t.leftChild(), t.rightChild(),
                    t.leafValue(), t.width(), cover));
        }
        TreeEnsemble e = new TreeEnsemble(Task.CLASSIFICATION, CLASSES, FEATURES, covered,
                new double[] {plain.weight(0), plain.weight(1), plain.weight(2)}, plain.prior());
        save(dir, e);
        assertTrue(Files.readString(dir.resolve(ForestFile.FILE_NAME)).contains("\"version\" : 3"));
        long splits = 999 + 10;
        assertEquals(splits * 20 + (splits + 3) * (CLASSES + 1) * 4, Files.size(dir.resolve(ForestFile.ARRAYS_NAME)));
        TreeEnsemble back = ForestFile.read(dir).ensemble();
        assertTrue(back.hasCovers());
        for (int t = 0; t < e.trees().size(); t++) {
            assertArrayEquals(e.trees().get(t).leafCover(), back.trees().get(t).leafCover());
            assertArrayEquals(e.trees().get(t).leafValue(), back.trees().get(t).leafValue());
        }

        // Without covers the same trees are version 2, whose layout has none.
        save(dir, plain);
        assertTrue(Files.readString(dir.resolve(ForestFile.FILE_NAME)).contains("\"version\" : 2"));
        assertTrue(!ForestFile.read(dir).ensemble().hasCovers());
        assertThrows(IllegalArgumentException.class, () -> new TreeEnsemble.Tree(new int[0], new double[0],
                new int[0], new int[0], new float[] {1}, 1, new float[] {-1}));
    }

    @Test
    void theHeaderIsReadableJson(@TempDir Path dir) throws IOException {
        save(dir, ensemble(4, 0));
        String json = Files.readString(dir.resolve(ForestFile.FILE_NAME));
        for (String field : List.of("\"format\"", "\"task\" : \"classification\"", "\"width\" : 3", "\"weight\"",
                "\"splits\" : 4", "\"leaves\" : 5", "\"splits\" : 0", "\"leaves\" : 1", "\"forest.bin\"")) {
            assertTrue(json.contains(field), field + " in " + json);
        }
    }

    @Test
    void rejectsATruncatedArraysFile(@TempDir Path dir) throws IOException {
        save(dir, ensemble(999, 10));
        Path bin = dir.resolve(ForestFile.ARRAYS_NAME);
        long size = Files.size(bin);
        for (long keep : new long[] {size - 1, size / 2, 0}) {
            try (FileChannel c = FileChannel.open(bin, StandardOpenOption.WRITE)) {
                c.truncate(keep);
            }
            IOException e = assertThrows(IOException.class, () -> ForestFile.read(dir));
            assertTrue(e.getMessage().contains(ForestFile.ARRAYS_NAME) && e.getMessage().contains("truncated"),
                    e.getMessage());
        }
        Files.delete(bin);
        IOException e = assertThrows(IOException.class, () -> ForestFile.read(dir));
        assertTrue(e.getMessage().contains("no " + ForestFile.ARRAYS_NAME), e.getMessage());
    }

    @Test
    void rejectsArraysThatDoNotMatchTheHeader(@TempDir Path dir) throws IOException {
        save(dir, ensemble(999, 10));
        Path bin = dir.resolve(ForestFile.ARRAYS_NAME);
        try (FileChannel c = FileChannel.open(bin, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            c.read(b, 12_345);
            b.flip();
            byte flipped = (byte) (b.get() ^ 0x10);
            c.write(ByteBuffer.wrap(new byte[] {flipped}), 12_345);
        }
        IOException e = assertThrows(IOException.class, () -> ForestFile.read(dir));
        assertTrue(e.getMessage().contains(ForestFile.ARRAYS_NAME) && e.getMessage().contains("CRC"), e.getMessage());

        save(dir, ensemble(999, 10));
        Files.write(bin, new byte[8], StandardOpenOption.APPEND);
        e = assertThrows(IOException.class, () -> ForestFile.read(dir));
        assertTrue(e.getMessage().contains(ForestFile.ARRAYS_NAME) && e.getMessage().contains("not the file"),
                e.getMessage());
    }

    @Test
    void rejectsAHeaderWhoseCountsDisagree(@TempDir Path dir) throws IOException {
        save(dir, ensemble(999, 10));
        Path json = dir.resolve(ForestFile.FILE_NAME);
        String header = Files.readString(json);
        Files.writeString(json, header.replace("\"leaves\" : 11", "\"leaves\" : 12"));
        IOException e = assertThrows(IOException.class, () -> ForestFile.read(dir));
        assertTrue(e.getMessage().contains(ForestFile.FILE_NAME) && e.getMessage().contains("tree 1"), e.getMessage());

        // Consistent counts that do not add up to the arrays' size.
        Files.writeString(json, header.replace("\"splits\" : 10", "\"splits\" : 11").replace("\"leaves\" : 11",
                "\"leaves\" : 12"));
        e = assertThrows(IOException.class, () -> ForestFile.read(dir));
        assertTrue(e.getMessage().contains(ForestFile.FILE_NAME) && e.getMessage().contains("bytes"), e.getMessage());
    }

    @Test
    void refusesTheOlderAllJsonFormat(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(ForestFile.FILE_NAME),
                "{\"format\": \"" + ForestFile.FORMAT + "\", \"version\": 1, \"trees\": []}");
        IOException e = assertThrows(IOException.class, () -> ForestFile.read(dir));
        assertTrue(e.getMessage().contains("version 1") && e.getMessage().contains("refit"), e.getMessage());
    }

    @Test
    void theArrayReaderNamesTheFileThatEndsEarly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a.bin");
        ArrayFileWriter w = new ArrayFileWriter(file);
        w.ints(new int[] {1, -2, 3});
        w.floats(new float[] {0.5f});
        w.close();
        assertEquals(16, w.bytes());
        try (ArrayFileReader r = new ArrayFileReader(file)) {
            assertArrayEquals(new int[] {1, -2, 3}, r.ints(3));
            IOException e = assertThrows(IOException.class, () -> r.doubles(1));
            assertTrue(e.getMessage().contains("a.bin") && e.getMessage().contains("16 bytes"), e.getMessage());
        }
        assertEquals(16, Files.size(file));
    }
}
