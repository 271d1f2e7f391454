package dev.automl.engine.worker;

import dev.automl.algorithms.TrainingData;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.List;

/**
 * A fold's training or validation rows as a file a worker reads: a JSON header (shape, names, categorical columns,
 * labels) and then the features, labels and weights as raw arrays, bit for bit, so that a learner fits the same
 * numbers in a worker as it would in the engine.
 */
final class TrainingFile {

    private static final int MAGIC = 0x414d4c54; // "AMLT"
    private static final int CHUNK = 4 << 20;

    /** What the header holds; the arrays follow it. */
    record Header(int rows, int cols, List<String> names, int[] categorical, String task, List<String> labels,
                  boolean weighted) {
    }

    private TrainingFile() {
    }

    static void write(TrainingData data, Path file) throws IOException {
        FeatureMatrix x = data.x();
        Target y = data.y();
        Header header = new Header(x.rows(), x.cols(), x.names(), x.categorical().stream().toArray(), y.task().name(),
                y.labels(), y.weights() != null);
        byte[] json = Frames.JSON.writeValueAsBytes(header);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer head = ByteBuffer.allocate(8 + json.length);
            head.putInt(MAGIC).putInt(json.length).put(json).flip();
            writeFully(ch, head);
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            float[] v = x.values();
            for (int at = 0; at < v.length; ) {
                int n = Math.min(v.length - at, CHUNK / Float.BYTES);
                buf.clear();
                buf.asFloatBuffer().put(v, at, n);
                buf.limit(n * Float.BYTES);
                writeFully(ch, buf);
                at += n;
            }
            writeDoubles(ch, buf, y.y());
            if (y.weights() != null) {
                writeDoubles(ch, buf, y.weights());
            }
        }
    }

    static TrainingData read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(8);
            readFully(ch, head);
            head.flip();
            if (head.getInt() != MAGIC) {
                throw new IOException(file + " is not a training file");
            }
            ByteBuffer json = ByteBuffer.allocate(head.getInt());
            readFully(ch, json);
            Header h = Frames.JSON.readValue(json.array(), Header.class);
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            float[] v = new float[Math.multiplyExact(h.rows(), h.cols())];
            for (int at = 0; at < v.length; ) {
                int n = Math.min(v.length - at, CHUNK / Float.BYTES);
                buf.clear().limit(n * Float.BYTES);
                readFully(ch, buf);
                buf.flip();
                buf.asFloatBuffer().get(v, at, n);
                at += n;
            }
            double[] y = readDoubles(ch, buf, h.rows());
            double[] w = h.weighted() ? readDoubles(ch, buf, h.rows()) : null;
            BitSet categorical = new BitSet(h.cols());
            for (int c : h.categorical()) {
                categorical.set(c);
            }
            return new TrainingData(new FeatureMatrix(v, h.rows(), h.cols(), h.names(), categorical),
                    new Target(Task.valueOf(h.task()), y, h.labels(), w));
        }
    }

    /** The bytes a file of these rows takes, for the pool's disk and cache accounting. */
    static long bytes(TrainingData data) {
        long rows = data.x().rows();
        return rows * data.x().cols() * Float.BYTES + rows * Double.BYTES * (data.y().weights() == null ? 1 : 2);
    }

    private static void writeDoubles(FileChannel ch, ByteBuffer buf, double[] values) throws IOException {
        for (int at = 0; at < values.length; ) {
            int n = Math.min(values.length - at, CHUNK / Double.BYTES);
            buf.clear();
            buf.asDoubleBuffer().put(values, at, n);
            buf.limit(n * Double.BYTES);
            writeFully(ch, buf);
            at += n;
        }
    }

    private static double[] readDoubles(FileChannel ch, ByteBuffer buf, int length) throws IOException {
        double[] out = new double[length];
        for (int at = 0; at < length; ) {
            int n = Math.min(length - at, CHUNK / Double.BYTES);
            buf.clear().limit(n * Double.BYTES);
            readFully(ch, buf);
            buf.flip();
            buf.asDoubleBuffer().get(out, at, n);
            at += n;
        }
        return out;
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                throw new java.io.EOFException("the training file ends early");
            }
        }
    }

    /** Deletes a file the pool no longer needs; a file that cannot go is left for the pool's folder removal. */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The pool removes its whole folder when it closes.
        }
    }
}
