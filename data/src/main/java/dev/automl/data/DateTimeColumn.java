package dev.automl.data;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/** A date/time column as seconds since 1970-01-01T00:00 UTC (a time without offset read as UTC); NaN when missing. */
public record DateTimeColumn(String name, double[] epochSeconds) implements Column {

    @Override
    public ColumnType type() {
        return ColumnType.DATETIME;
    }

    @Override
    public int size() {
        return epochSeconds.length;
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(epochSeconds[row]);
    }

    /** The timestamp of a row, or null when missing. */
    public LocalDateTime get(int row) {
        double s = epochSeconds[row];
        if (Double.isNaN(s)) {
            return null;
        }
        long whole = (long) Math.floor(s);
        int nanos = (int) Math.round((s - whole) * 1e9);
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(whole, nanos), ZoneOffset.UTC);
    }

    @Override
    public DateTimeColumn select(int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = epochSeconds[rows[i]];
        }
        return new DateTimeColumn(name, out);
    }

    @Override
    public String text(int row) {
        LocalDateTime t = get(row);
        return t == null ? "" : t.toString();
    }

    @Override
    public DateTimeColumn append(Column below) {
        double[] more = ((DateTimeColumn) below).epochSeconds;
        double[] out = Arrays.copyOf(epochSeconds, epochSeconds.length + more.length);
        System.arraycopy(more, 0, out, epochSeconds.length, more.length);
        return new DateTimeColumn(name, out);
    }
}
