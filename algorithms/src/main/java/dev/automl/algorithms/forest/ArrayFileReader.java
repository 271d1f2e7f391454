package dev.automl.algorithms.forest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/** Reads back arrays of numbers written by {@link ArrayFileWriter}, failing with the file's name where it ends early. */
final class ArrayFileReader implements Closeable {

    private static final int BUFFER_BYTES = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32 crc = new CRC32();
    /** Bytes read from the file so far. */
    private long bytes;

    ArrayFileReader(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        buffer.limit(0);
    }

    int[] ints(int count) throws IOException {
        int[] out = new int[count];
        for (int i = 0; i < count; ) {
            int n = Math.min(count - i, available(Integer.BYTES));
            buffer.asIntBuffer().get(out, i, n);
            buffer.position(buffer.position() + n * Integer.BYTES);
            i += n;
        }
        return out;
    }

    double[] doubles(int count) throws IOException {
        double[] out = new double[count];
        for (int i = 0; i < count; ) {
            int n = Math.min(count - i, available(Double.BYTES));
            buffer.asDoubleBuffer().get(out, i, n);
            buffer.position(buffer.position() + n * Double.BYTES);
            i += n;
        }
        return out;
    }

    float[] floats(int count) throws IOException {
        float[] out = new float[count];
        for (int i = 0; i < count; ) {
            int n = Math.min(count - i, available(Float.BYTES));
            buffer.asFloatBuffer().get(out, i, n);
            buffer.position(buffer.position() + n * Float.BYTES);
            i += n;
        }
        return out;
    }

    /** How many whole values of the given size the buffer holds, after refilling it if not even one. */
    private int available(int size) throws IOException {
        if (buffer.remaining() < size) {
            buffer.compact();
            while (buffer.position() < size) {
                int start = buffer.position();
                int read = channel.read(buffer);
                if (read < 0) {
                    throw new IOException(file + " ends early, after " + bytes + " bytes");
                }
                crc.update(buffer.array(), start, read);
                bytes += read;
            }
            buffer.flip();
        }
        return buffer.remaining() / size;
    }

    /** The CRC-32 of the bytes read from the file so far. */
    long crc32() {
        return crc.getValue();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
