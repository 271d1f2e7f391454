package dev.automl.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 digest of a table's leading rows as the engine read them: column names, types and values, so that the
 * same rows give the same digest whether they came from CSV or Parquet, and any changed value gives another.
 * A model's provenance records it, so that a user can tell which data a model was trained on.
 */
public final class TableDigest {

    /** Values are fed in blocks of this many, so that hashing a million rows allocates little. */
    private static final int BLOCK = 8192;

    private final MessageDigest sha;
    private final ByteBuffer buffer = ByteBuffer.allocate(BLOCK * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);

    public TableDigest() {
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Adds the first {@code rows} rows of every column of the table. */
    public TableDigest add(Table table, int rows) {
        for (Column c : table.columns()) {
            text(c.name());
            text(c.type().name());
            if (c instanceof NumericColumn n) {
                doubles(n.values(), rows);
            } else if (c instanceof DateTimeColumn d) {
                doubles(d.epochSeconds(), rows);
            } else {
                categories((CategoricalColumn) c, rows);
            }
        }
        return this;
    }

    /** Adds the first {@code rows} numbers of an array (a target or weights); nothing for null. */
    public TableDigest add(double[] values, int rows) {
        if (values != null) {
            doubles(values, rows);
        }
        return this;
    }

    /** Adds texts in order (a target's class labels); nothing for null. */
    public TableDigest add(List<String> texts) {
        if (texts != null) {
            texts.forEach(this::text);
        }
        return this;
    }

    /** The digest so far, as 64 lowercase hex digits. */
    public String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    private void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        buffer.clear();
        buffer.putInt(b.length).flip();
        sha.update(buffer);
        sha.update(b);
    }

    private void doubles(double[] v, int rows) {
        for (int from = 0; from < rows; from += BLOCK) {
            buffer.clear();
            for (int i = from; i < Math.min(rows, from + BLOCK); i++) {
                // NaN has many bit patterns; a missing value is one.
                buffer.putDouble(Double.isNaN(v[i]) ? Double.NaN : v[i]);
            }
            sha.update(buffer.flip());
        }
    }

    /**
     * Each row's level as text (a missing value as a marker no text gives), so that codes assigned differently
     * agree; rows are fed in blocks, since a million rows of tiny updates would cost seconds at save time.
     */
    private void categories(CategoricalColumn c, int rows) {
        byte[][] levels = new byte[c.levels().size()][];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = c.levels().get(k).getBytes(StandardCharsets.UTF_8);
        }
        buffer.clear();
        for (int i = 0; i < rows; i++) {
            int code = c.codes()[i];
            byte[] text = code == CategoricalColumn.MISSING ? null : levels[code];
            int size = Integer.BYTES + (text == null ? 0 : text.length);
            if (buffer.remaining() < size) {
                sha.update(buffer.flip());
                buffer.clear();
            }
            if (text == null) {
                buffer.putInt(-1);
            } else if (size <= buffer.capacity()) {
                buffer.putInt(text.length).put(text);
            } else {
                buffer.putInt(text.length);
                sha.update(buffer.flip());
                buffer.clear();
                sha.update(text);
            }
        }
        sha.update(buffer.flip());
    }
}
