package dev.automl.data;

import java.util.List;

/**
 * The data rows a reader keeps: {@code count} rows after skipping {@code start}. MLTable's {@code take} and
 * {@code skip} steps become one window applied while reading, since column steps do not move rows; so skipped rows
 * never decide a column's type and rows after a {@code take} are never read.
 */
public record RowWindow(long start, long count) {

    public static final RowWindow ALL = new RowWindow(0, Long.MAX_VALUE);

    public RowWindow {
        if (start < 0 || count < 0) {
            throw new IllegalArgumentException("negative row window " + start + ", " + count);
        }
    }

    /** The rows left by the take and skip steps among the given ones, applied in order. */
    public static RowWindow of(List<TableStep> steps) {
        long start = 0;
        long count = Long.MAX_VALUE;
        for (TableStep step : steps) {
            if (step instanceof TableStep.Take t) {
                count = Math.min(count, t.n());
            } else if (step instanceof TableStep.Skip s) {
                start = start + s.n() < 0 ? Long.MAX_VALUE : start + s.n();
                count = count == Long.MAX_VALUE ? count : Math.max(0, count - s.n());
            }
        }
        return new RowWindow(start, count);
    }
}
