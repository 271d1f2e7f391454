package dev.automl.data.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.data.CategoricalColumn;
import dev.automl.data.Column;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Regularising training rows into series: sorting, gaps, duplicates, aggregation, frequency and bad times. */
class SeriesTableTest {

    private static final SeriesTable.Layout ONE = new SeriesTable.Layout("t", List.of(), "y");
    private static final SeriesTable.Layout BY_STORE = new SeriesTable.Layout("t", List.of("store"), "y");

    private static double epoch(String iso) {
        return LocalDateTime.parse(iso.length() == 10 ? iso + "T00:00" : iso).toEpochSecond(ZoneOffset.UTC);
    }

    private static DateTimeColumn times(String... iso) {
        double[] v = new double[iso.length];
        for (int i = 0; i < iso.length; i++) {
            v[i] = iso[i] == null ? Double.NaN : epoch(iso[i]);
        }
        return new DateTimeColumn("t", v);
    }

    private static Table table(Column... columns) {
        return new Table(List.of(columns));
    }

    private static List<String> timesOf(SeriesTable s) {
        List<String> out = new ArrayList<>();
        DateTimeColumn t = (DateTimeColumn) s.table().column("t");
        for (int r = 0; r < t.size(); r++) {
            out.add(t.get(r).toString());
        }
        return out;
    }

    @Test
    void aMissingHourIsFilledWithTheTargetCarriedForward() {
        Table in = table(times("2024-01-01T00:00", "2024-01-01T01:00", "2024-01-01T03:00"),
                new NumericColumn("y", new double[] {10, 11, 13}), new NumericColumn("temp", new double[] {1, 2, 3}));
        SeriesTable s = SeriesTable.of(in, ONE, null, null);
        assertEquals(Frequency.parse("H"), s.frequency());
        assertEquals(List.of("2024-01-01T00:00", "2024-01-01T01:00", "2024-01-01T02:00", "2024-01-01T03:00"), timesOf(s));
        assertArrayEquals(new double[] {10, 11, 11, 13}, s.target());
        double[] temp = ((NumericColumn) s.table().column("temp")).values();
        assertTrue(Double.isNaN(temp[2]), "a filled step's other columns are missing");
        assertEquals(new SeriesTable.Repairs(1, 1, 0, 0, 0), s.repairs());
        assertEquals(1, s.seriesCount());
        assertEquals(LocalDateTime.parse("2024-01-01T05:00"), s.timeAt(0, 5));
    }

    /** A job's target imputer fills the gaps instead: a constant, or the series' own mean or median of 10, 11, 15. */
    @Test
    void aTargetImputerFillsTheGapsItsWay() {
        Table in = table(times("2024-01-01", "2024-01-02", "2024-01-04", "2024-01-05"),
                new NumericColumn("y", new double[] {10, 11, Double.NaN, 15}));
        assertArrayEquals(new double[] {10, 11, 11, 11, 15}, SeriesTable.of(in, ONE, null, null).target());
        assertArrayEquals(new double[] {10, 11, 0, 0, 15}, SeriesTable.of(in, ONE, null, null,
                new SeriesTable.TargetFill(SeriesTable.TargetFill.Kind.CONSTANT, 0)).target());
        assertArrayEquals(new double[] {10, 11, 12, 12, 15}, SeriesTable.of(in, ONE, null, null,
                new SeriesTable.TargetFill(SeriesTable.TargetFill.Kind.MEAN, Double.NaN)).target());
        SeriesTable median = SeriesTable.of(in, ONE, null, null,
                new SeriesTable.TargetFill(SeriesTable.TargetFill.Kind.MEDIAN, Double.NaN));
        assertArrayEquals(new double[] {10, 11, 11, 11, 15}, median.target());
        assertEquals(new SeriesTable.Repairs(1, 2, 0, 0, 0), median.repairs());
    }

    @Test
    void seriesInOrderOfFirstAppearanceEachSortedByTime() {
        Table in = table(times("2024-01-11", "2024-01-04", "2024-01-04", "2024-01-11", "2024-01-18"),
                new CategoricalColumn("store", new int[] {0, 1, 0, 1, 0}, List.of("north", "south")),
                new NumericColumn("y", new double[] {2, 30, 1, 40, 3}));
        SeriesTable s = SeriesTable.of(in, BY_STORE, Frequency.parse("W-THU"), null);
        assertEquals(2, s.seriesCount());
        assertEquals("store=north", s.describe(0));
        assertEquals(List.of("south"), s.index().keys().get(1));
        assertArrayEquals(new double[] {1, 2, 3, 30, 40}, s.target());
        assertEquals(3, s.length(0));
        assertEquals(1, s.seriesOf(3));
        assertEquals(1, s.stepOf(4));
        CategoricalColumn store = (CategoricalColumn) s.table().column("store");
        assertEquals(List.of("north", "north", "north", "south", "south"),
                List.of(store.get(0), store.get(1), store.get(2), store.get(3), store.get(4)));
    }

    @Test
    void twoRowsOfASeriesAtOneTimeAreAnErrorUnlessCombined() {
        Table in = table(times("2024-01-01", "2024-01-02", "2024-01-02"),
                new CategoricalColumn("store", new int[] {0, 0, 0}, List.of("north")),
                new NumericColumn("y", new double[] {1, 2, 5}));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SeriesTable.of(in, BY_STORE, null, null));
        assertEquals("In the series store=north, rows 2 and 3 have the same time 2024-01-02T00:00. Each series needs one row"
                + " per time; give forecasting.target_aggregate_function (sum, max, min or mean) to combine them.", e.getMessage());
        SeriesTable s = SeriesTable.of(in, BY_STORE, Frequency.parse("D"), SeriesTable.Aggregate.MAX);
        assertArrayEquals(new double[] {1, 5}, s.target());
        assertEquals(1, s.repairs().aggregatedRows());
    }

    @Test
    void daysSummedIntoTheWeeksTheyEndIn() {
        // Monday 1 January to Wednesday 10 January 2024: the week ending Sunday 7th, and three days of the next.
        String[] days = new String[10];
        double[] y = new double[10];
        for (int d = 0; d < 10; d++) {
            days[d] = "2024-01-" + String.format("%02d", d + 1);
            y[d] = d + 1;
        }
        SeriesTable s = SeriesTable.of(table(times(days), new NumericColumn("y", y)), ONE, Frequency.parse("W"),
                SeriesTable.Aggregate.SUM);
        assertEquals(List.of("2024-01-07T00:00", "2024-01-14T00:00"), timesOf(s));
        assertArrayEquals(new double[] {28, 27}, s.target());
        assertThrows(InvalidInputException.class, () -> SeriesTable.of(table(times(days), new NumericColumn("y", y)), ONE,
                null, SeriesTable.Aggregate.SUM), "an aggregate needs a frequency");
    }

    @Test
    void aFewTimesOffTheGridAreLeftOutManyAreAnError() {
        String[] weeks = new String[11];
        double[] y = new double[11];
        for (int w = 0; w < 10; w++) {
            weeks[w] = LocalDateTime.parse("2024-01-04T00:00").plusWeeks(w).toLocalDate().toString();
            y[w] = w;
        }
        weeks[10] = "2024-03-15"; // a Friday
        y[10] = 99;
        SeriesTable s = SeriesTable.of(table(times(weeks), new NumericColumn("y", y)), ONE, Frequency.parse("W-THU"), null);
        assertEquals(10, s.rows());
        assertEquals(1, s.repairs().droppedOffGrid());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SeriesTable.of(
                table(times(weeks), new NumericColumn("y", y)), ONE, Frequency.parse("W-FRI"), null));
        assertTrue(e.getMessage().startsWith("In the time column 't', only 1 of 11 times lie on the W-FRI grid (row 1 has"
                + " 2024-01-04T00:00)."), e.getMessage());
    }

    @Test
    void leadingRowsWithoutATargetAreLeftOutLaterOnesCarriedForward() {
        Table in = table(times("1949-01-01", "1949-02-01", "1949-03-01", "1949-04-01", "1949-05-01"),
                new NumericColumn("y", new double[] {Double.NaN, 112, Double.NaN, 129, 121}));
        SeriesTable s = SeriesTable.of(in, ONE, null, null);
        assertEquals(Frequency.parse("MS"), s.frequency());
        assertArrayEquals(new double[] {112, 112, 129, 121}, s.target());
        assertEquals(new SeriesTable.Repairs(0, 1, 0, 0, 1), s.repairs());
        assertEquals(LocalDateTime.parse("1949-02-01T00:00"), s.timeAt(0, 0));
    }

    @Test
    void badTimesAreErrorsNamingTheRow() {
        Table text = table(new CategoricalColumn("t", new int[] {0, 1}, List.of("2024-01-01", "soon")),
                new NumericColumn("y", new double[] {1, 2}));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SeriesTable.of(text, ONE, null, null));
        assertTrue(e.getMessage().startsWith("The time column 't' was not read as dates or times: row 2 holds 'soon'."),
                e.getMessage());
        Table missing = table(times("2024-01-01", null), new NumericColumn("y", new double[] {1, 2}));
        e = assertThrows(InvalidInputException.class, () -> SeriesTable.of(missing, ONE, null, null));
        assertEquals("Row 2 has no time in the time column 't': every row of a forecasting job needs one.", e.getMessage());
        Table oneTime = table(times("2024-01-01"), new NumericColumn("y", new double[] {1}));
        e = assertThrows(InvalidInputException.class, () -> SeriesTable.of(oneTime, ONE, null, null));
        assertTrue(e.getMessage().startsWith("Cannot tell how often the time column 't' has a value"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> SeriesTable.of(oneTime, BY_STORE, null, null));
        assertTrue(e.getMessage().startsWith("The column 'store' named by forecasting.time_series_id_column_names is not in"
                + " training_data."), e.getMessage());
    }
}
