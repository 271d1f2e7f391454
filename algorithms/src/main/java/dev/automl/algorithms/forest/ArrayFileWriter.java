package dev.automl.algorithms.forest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * Writes arrays of numbers one after another to a file as little-endian binary, with nothing between them, and
 * counts and checksums the bytes written.
 */
final class ArrayFileWriter implements Closeable {

    private static final int BUFFER_BYTES = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32 crc = new CRC32();
    private long bytes;

    ArrayFileWriter(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    void ints(int[] values) throws IOException {
        for (int i = 0; i < values.length; ) {
            int n = Math.min(values.length - i, room(Integer.BYTES));
            buffer.asIntBuffer().put(values, i, n);
            buffer.position(buffer.position() + n * Integer.BYTES);
            i += n;
        }
    }

    void doubles(double[] values) throws IOException {
        for (int i = 0; i < values.length; ) {
            int n = Math.min(values.length - i, room(Double.BYTES));
            buffer.asDoubleBuffer().put(values, i, n);
            buffer.position(buffer.position() + n * Double.BYTES);
            i += n;
        }
    }

    void floats(float[] values) throws IOException {
        for (int i = 0; i < values.length; ) {
            int n = Math.min(values.length - i, room(Float.BYTES));
            buffer.asFloatBuffer().put(values, i, n);
            buffer.position(buffer.position() + n * Float.BYTES);
            i += n;
        }
    }

    /** How many values of the given size fit in the buffer, after emptying it if not even one does. */
    private int room(int size) throws IOException {
        if (buffer.remaining() < size) {
            flush();
        }
        return buffer.remaining() / size;
    }

    private void flush() throws IOException {
        buffer.flip();
        crc.update(buffer.array(), 0, buffer.limit());
        bytes += buffer.limit();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /** The bytes written so far, once {@link #close()}d. */
    long bytes() {
        return bytes;
    }

    /** The CRC-32 of the bytes written, once {@link #close()}d. */
    long crc32() {
        return crc.getValue();
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            flush();
        }
    }
}
