package dev.automl.featurization.series;

import dev.automl.data.CategoricalColumn;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ffill imputer: within each series in time order, in training and from training's end for new rows. */
class ForwardFillTest {

    private static final SeriesTable.Layout LAYOUT = new SeriesTable.Layout("day", List.of("shop"), "sales");

    private static DateTimeColumn days(String... days) {
        double[] v = new double[days.length];
        for (int i = 0; i < days.length; i++) {
            v[i] = LocalDate.parse("2026-01-" + days[i]).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        }
        return new DateTimeColumn("day", v);
    }

    /**
     * Shop a's price is missing on 2 Jan and its 3 Jan row is absent (a gap); shop b's first price is missing and
     * its last two are too. Each takes its own series' previous price; b's first stays missing for the mean.
     */
    @Test
    void fillsEachSeriesFromItsOwnPast() {
        double nan = Double.NaN;
        Table t = new Table(List.of(days("01", "02", "04", "01", "02", "03", "04"),
                new CategoricalColumn("shop", new int[] {0, 0, 0, 1, 1, 1, 1}, List.of("a", "b")),
                new NumericColumn("sales", new double[] {1, 2, 4, 10, 20, 30, 40}),
                new NumericColumn("price", new double[] {3.5, nan, 3.0, nan, 7, nan, nan})));
        SeriesTable s = SeriesTable.of(t, LAYOUT, null, null);
        ForwardFill fill = ForwardFill.fit(s, List.of("price"));
        double[] filled = ((NumericColumn) fill.applyToTraining(s).column("price")).values();
        assertArrayEquals(new double[] {3.5, 3.5, 3.5, 3.0, nan, 7, 7, 7}, filled);
        assertArrayEquals(new double[] {3.0}, fill.last().get(0));
        assertArrayEquals(new double[] {7}, fill.last().get(1));

        // New rows given out of order: b's 6 Jan continues from its 5 Jan row, a's from training's last price.
        Table next = new Table(List.of(new NumericColumn("price", new double[] {nan, 8, nan, nan})));
        double[] out = ((NumericColumn) fill.applyToNew(next, new int[] {1, 1, 0, 0}, new long[] {5, 4, 3, 4})
                .column("price")).values();
        assertArrayEquals(new double[] {8, 8, 3.0, 3.0}, out);
    }

    @Test
    void onlyNumericColumnsAreFilled() {
        Table t = new Table(List.of(days("01", "02", "03"),
                new CategoricalColumn("shop", new int[] {0, 0, 0}, List.of("a")),
                new NumericColumn("sales", new double[] {1, 2, 3}),
                new CategoricalColumn("promo", new int[] {0, 1, 0}, List.of("no", "yes"))));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ForwardFill.fit(SeriesTable.of(t, LAYOUT, null, null), List.of("promo")));
        assertEquals("The ffill imputer applies to numeric columns; 'promo' was read as categorical. Use most_frequent"
                + " or constant.", e.getMessage());
        assertTrue(ForwardFill.none().columns().isEmpty());
    }
}
