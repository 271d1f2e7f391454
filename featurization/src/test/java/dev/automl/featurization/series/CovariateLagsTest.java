package dev.automl.featurization.series;

import dev.automl.data.CategoricalColumn;
import dev.automl.data.Column;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import dev.automl.data.series.SeriesTable;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Lags of a covariate, worked out by hand: within each series in training, from its tail and given rows later. */
class CovariateLagsTest {

    private static final SeriesTable.Layout LAYOUT = new SeriesTable.Layout("day", List.of("shop"), "sales");
    private static final double NAN = Double.NaN;

    /** Shop a: 1-5 Jan, temp 10..14; shop b: 1-3 Jan, temp 1..3. */
    private static SeriesTable training() {
        String[] days = {"01", "02", "03", "04", "05", "01", "02", "03"};
        double[] v = new double[days.length];
        for (int i = 0; i < days.length; i++) {
            v[i] = LocalDate.parse("2026-01-" + days[i]).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        }
        Table t = new Table(List.of(new DateTimeColumn("day", v),
                new CategoricalColumn("shop", new int[] {0, 0, 0, 0, 0, 1, 1, 1}, List.of("a", "b")),
                new NumericColumn("sales", new double[] {1, 2, 3, 4, 5, 6, 7, 8}),
                new NumericColumn("temp", new double[] {10, 11, 12, 13, 14, 1, 2, 3}),
                new CategoricalColumn("sky", new int[] {0, 0, 0, 0, 0, 0, 0, 0}, List.of("grey"))));
        return SeriesTable.of(t, LAYOUT, null, null);
    }

    @Test
    void lagsReachBackWithinEachSeries() {
        SeriesTable s = training();
        CovariateLags lags = CovariateLags.fit(s, List.of("temp"), List.of(2, 3));
        assertEquals(List.of("temp_lag2", "temp_lag3"), lags.names());
        List<Column> cols = lags.training(s);
        assertArrayEquals(new double[] {NAN, NAN, 10, 11, 12, NAN, NAN, 1}, ((NumericColumn) cols.get(0)).values());
        assertArrayEquals(new double[] {NAN, NAN, NAN, 10, 11, NAN, NAN, NAN}, ((NumericColumn) cols.get(1)).values());

        // New rows: a's 6 and 7 Jan read its tail (4 and 5 Jan's 13, 14); b's 6 Jan reads 4 Jan, which the rows give.
        Table next = new Table(List.of(new NumericColumn("temp", new double[] {NAN, NAN, 4, NAN})));
        List<Column> lagged = lags.forNew(next, new int[] {0, 0, 1, 1}, new long[] {5, 6, 3, 5}, new long[] {4, 2});
        assertArrayEquals(new double[] {13, 14, 2, 4}, ((NumericColumn) lagged.get(0)).values());
        assertArrayEquals(new double[] {12, 13, 1, 3}, ((NumericColumn) lagged.get(1)).values());
    }

    @Test
    void onlyNumericColumnsLag() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CovariateLags.fit(training(), List.of("sky"), List.of(2)));
        assertEquals("Column 'sky' is categorical: only numeric columns can be lagged (feature_lags,"
                + " features_unknown_at_forecast_time).", e.getMessage());
    }
}
