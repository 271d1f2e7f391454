package dev.automl.engine.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * How the engine and its workers talk: each message a length-prefixed JSON object, and bulk numbers as raw arrays,
 * so that predictions and features cross without a text round trip.
 */
final class Frames {

    static final ObjectMapper JSON = new ObjectMapper();

    /** JSON above this size is not a message of ours: the stream is out of step. */
    private static final int MAX_JSON = 64 << 20;
    private static final int CHUNK = 1 << 20;

    private Frames() {
    }

    static void writeJson(DataOutputStream out, Object message) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(message);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static <T> T readJson(DataInputStream in, Class<T> type) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_JSON) {
            throw new IOException("a message of " + n + " bytes: the stream is out of step");
        }
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new java.io.EOFException("the stream ended inside a message");
        }
        return JSON.readValue(bytes, type);
    }

    static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer buf = ByteBuffer.allocate(Math.min(CHUNK, values.length * Double.BYTES + 8));
        for (int at = 0; at < values.length; ) {
            int n = Math.min(values.length - at, buf.capacity() / Double.BYTES);
            buf.clear();
            buf.asDoubleBuffer().put(values, at, n);
            out.write(buf.array(), 0, n * Double.BYTES);
            at += n;
        }
    }

    static double[] readDoubles(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("an array of " + length + " values: the stream is out of step");
        }
        double[] values = new double[length];
        byte[] bytes = new byte[Math.min(CHUNK, length * Double.BYTES + 8)];
        for (int at = 0; at < length; ) {
            int n = Math.min(length - at, bytes.length / Double.BYTES);
            in.readFully(bytes, 0, n * Double.BYTES);
            ByteBuffer.wrap(bytes, 0, n * Double.BYTES).asDoubleBuffer().get(values, at, n);
            at += n;
        }
        return values;
    }
}
