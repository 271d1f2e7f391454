package dev.automl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The date and time layouts the reader detects and the strftime formats an MLTable declares; every expected value
 * is seconds since 1970 UTC as {@code date -u -d '...' +%s} prints it.
 */
class DateTimeLayoutTest {

    /** 2009-01-16. */
    private static final double JAN_16 = 1232064000;
    /** 2009-01-16 13:45. */
    private static final double JAN_16_13_45 = 1232113500;
    /** 2009-01-16 13:45:07. */
    private static final double JAN_16_13_45_07 = 1232113507;
    /** 2009-02-01. */
    private static final double FEB_1 = 1233446400;
    /** 2009-01-02. */
    private static final double JAN_2 = 1230854400;

    private static final String ALL_LAYOUTS = "yyyy-MM-dd[(T| )HH:mm[:ss[.SSS]][Z|+hh:mm]], yyyy/MM/dd[ HH:mm[:ss]],"
            + " MM/dd/yyyy[ HH:mm[:ss]], dd/MM/yyyy[ HH:mm[:ss]], dd.MM.yyyy[ HH:mm[:ss]], MMM dd[,] yyyy[ HH:mm[:ss]],"
            + " dd MMM yyyy[ HH:mm[:ss]], dd-MMM-yyyy[ HH:mm[:ss]] (MMM: Jan or January)";

    @TempDir
    Path tmp;

    /** The layout detected for the values and what it reads each as. */
    private static void assertRead(DateTimeLayout layout, List<String> values, double... expected) {
        assertEquals(Optional.of(layout), DateTimeLayout.detect(values), values.toString());
        assertArrayEquals(expected, values.stream().mapToDouble(layout::epochSeconds).toArray(), values.toString());
    }

    private static void assertNoLayout(String... values) {
        for (String v : values) {
            assertEquals(Optional.empty(), DateTimeLayout.detect(List.of(v)), v);
            assertTrue(!DateTimeLayout.readsAny(v), v);
        }
    }

    private Path write(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static String errorOf(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).getMessage();
    }

    @Test
    void isoTakesTOrASpaceFractionsAndOffsetsToUtc() {
        assertRead(DateTimeLayout.ISO, List.of("2009-01-16", "2009-01-16 13:45", "2009-01-16T13:45:07",
                "2009-01-16T13:45:07Z", "2009-01-16 13:45:07.25", "2009-01-16T13:45:07.123456789Z"),
                JAN_16, JAN_16_13_45, JAN_16_13_45_07, JAN_16_13_45_07, JAN_16_13_45_07 + 0.25,
                JAN_16_13_45_07 + 0.123456789);
        // 13:45:07 at +02:00 is 11:45:07 UTC, at -05:00 it is 18:45:07 UTC: one column may mix offsets.
        assertRead(DateTimeLayout.ISO, List.of("2009-01-16T13:45:07+02:00", "2009-01-16T13:45:07+0200",
                "2009-01-16T13:45:07+02", "2009-01-16T13:45:07-05:00", "2009-01-16 13:45:07.5+05:30"),
                1232106307, 1232106307, 1232106307, 1232131507, 1232093707.5);
        assertRead(DateTimeLayout.ISO, List.of("1969-12-31T23:59:59", "2024-02-29"), -1, 1709164800);
        assertNoLayout("2009-02-29", "2009-1-16", "2009-01-16T24:00", "2009-01-16T13:45:07+2", "2009-01-16T13:45.5",
                "2009-01-16 13:45:07 +02:00", "20090116", "2009-01-16T");
    }

    @Test
    void slashedDatesAreMonthFirstUnlessAValueNeedsDayFirst() {
        assertRead(DateTimeLayout.SLASHED_MONTH_FIRST, List.of("01/16/2009", "02/01/2009", "2/1/2009"),
                JAN_16, FEB_1, FEB_1);
        // 16 cannot be a month, so the whole column is day-first and 02/01/2009 is the 2nd of January.
        assertRead(DateTimeLayout.SLASHED_DAY_FIRST, List.of("02/01/2009", "16/01/2009", "2/1/2009"),
                JAN_2, JAN_16, JAN_2);
        // Every value reads both ways: month-first, as before day-first layouts were read.
        assertRead(DateTimeLayout.SLASHED_MONTH_FIRST, List.of("01/02/2009", "12/11/2009"), JAN_2, 1260489600);
        assertRead(DateTimeLayout.SLASHED_MONTH_FIRST, List.of("01/16/2009 13:45", "01/16/2009 13:45:07",
                "01/16/2009 1:45:07"), JAN_16_13_45, JAN_16_13_45_07, 1232070307);
        assertRead(DateTimeLayout.SLASHED_DAY_FIRST, List.of("16/01/2009 13:45:07", "01/02/2009 00:15"),
                JAN_16_13_45_07, 1233447300);
        assertRead(DateTimeLayout.SLASHED_YEAR_FIRST, List.of("2009/01/16", "2009/1/16 13:45"), JAN_16, JAN_16_13_45);
        assertRead(DateTimeLayout.DOTTED_DAY_FIRST, List.of("16.01.2009", "1.2.2009 13:45"), JAN_16, FEB_1 + 49500);
        assertEquals(Optional.empty(), DateTimeLayout.detect(List.of("16/01/2009", "01/16/2009")));
        assertNoLayout("13/13/2009", "01/16/09", "01/16/2009 13", "01/16/2009 13:45:7", "01/16/2009T13:45");
    }

    @Test
    void monthNamesInEnglishInAnyCase() {
        assertRead(DateTimeLayout.MONTH_NAME_FIRST, List.of("Jan 16 2009", "January 16 2009", "Jan 16, 2009",
                "JANUARY 16,2009", "jan  16  2009", "Feb 1 2009"), JAN_16, JAN_16, JAN_16, JAN_16, JAN_16, FEB_1);
        assertRead(DateTimeLayout.DAY_MONTH_NAME, List.of("16 January 2009", "16 Jan 2009", "1 feb 2009"),
                JAN_16, JAN_16, FEB_1);
        assertRead(DateTimeLayout.DASHED_MONTH_NAME, List.of("16-Jan-2009", "16-JAN-2009", "01-February-2009"),
                JAN_16, JAN_16, FEB_1);
        assertRead(DateTimeLayout.MONTH_NAME_FIRST, List.of("Jan 16 2009 13:45", "Jan 16, 2009 13:45:07"),
                JAN_16_13_45, JAN_16_13_45_07);
        assertRead(DateTimeLayout.DAY_MONTH_NAME, List.of("16 January 2009 13:45:07"), JAN_16_13_45_07);
        assertRead(DateTimeLayout.DASHED_MONTH_NAME, List.of("16-Jan-2009 13:45"), JAN_16_13_45);
        assertNoLayout("Feb 29 2009", "Sept 16 2009", "Janu 16 2009", "16 Jan 09", "16-Jan 2009", "Jan 16 2009 1pm");
    }

    @Test
    void wordsInACategoryColumnAreNotDates() throws IOException {
        assertNoLayout("May", "March", "Jan", "May 2009", "Jan 16", "16 Jan", "Janet 16 2009", "16 Mayo 2009",
                "Maybe", "Decent 1 2000", "2009", "16");
        Table t = CsvReader.read(write("months.csv", "month,when,x\nMay,Jan 16 2009,1\nMarch,16-Jan-2009,2\n"
                + "Jan,Feb 1 2009,3\n"), CsvReadOptions.DEFAULTS, Map.of());
        assertEquals(ColumnType.CATEGORICAL, t.column("month").type());
        // a column of two layouts is not dates either
        assertEquals(ColumnType.CATEGORICAL, t.column("when").type());
    }

    @Test
    void aCsvColumnTakesTheLayoutOfAllItsValues() throws IOException {
        Table t = CsvReader.read(write("days.csv", """
                us,eu,named,stamp
                01/16/2009,02/01/2009,Jan 16 2009,2009-01-16T13:45:07+02:00
                02/01/2009 13:45,16/01/2009,16 January 2009,2009-01-16T13:45:07-05:00
                ,,,
                """), CsvReadOptions.DEFAULTS, Map.of());
        for (String c : List.of("us", "eu", "stamp")) {
            assertEquals(ColumnType.DATETIME, t.column(c).type(), c);
        }
        assertArrayEquals(new double[] {JAN_16, FEB_1 + 49500, Double.NaN},
                ((DateTimeColumn) t.column("us")).epochSeconds());
        assertArrayEquals(new double[] {JAN_2, JAN_16, Double.NaN}, ((DateTimeColumn) t.column("eu")).epochSeconds());
        assertArrayEquals(new double[] {1232106307, 1232131507, Double.NaN},
                ((DateTimeColumn) t.column("stamp")).epochSeconds());
        // "Jan 16 2009" and "16 January 2009" are two layouts: the column stays text.
        assertEquals(ColumnType.CATEGORICAL, t.column("named").type());
    }

    @Test
    void aValueNoLayoutReadsNamesItsLineAndColumn() throws IOException {
        Path f = write("bad.csv", "id,when\n1,01/16/2009\n2,02/01/2009\n3,13/13/2009\n");
        assertEquals(f + ", line 4, column 'when': '13/13/2009' is not a date/time in any of the layouts "
                + ALL_LAYOUTS + ", but the column is read as date/time.",
                errorOf(() -> CsvReader.read(f, CsvReadOptions.DEFAULTS, Map.of("when", ColumnType.DATETIME))));
        Path g = write("two.csv", "id,when\n1,Jan 16 2009\n2,Feb 1 2009\n3,16 Jan 2009\n");
        assertEquals(g + ", line 4, column 'when': '16 Jan 2009' does not match the layout MMM dd[,] yyyy[ HH:mm[:ss]]"
                + " of the column's first value 'Jan 16 2009'; a date/time column needs one layout for all its values.",
                errorOf(() -> CsvReader.read(g, CsvReadOptions.DEFAULTS, Map.of("when", ColumnType.DATETIME))));
        // The day-first run (two values) is longer than the month-first one (one): 01/16/2009 is blamed.
        Path h = write("order.csv", "id,when\n1,01/02/2009\n2,16/01/2009\n3,01/16/2009\n");
        assertEquals(h + ", line 4, column 'when': '01/16/2009' does not match the layout dd/MM/yyyy[ HH:mm[:ss]]"
                + " of the column's first value '01/02/2009'; a date/time column needs one layout for all its values.",
                errorOf(() -> CsvReader.read(h, CsvReadOptions.DEFAULTS, Map.of("when", ColumnType.DATETIME))));
    }

    // --- formats declared in an MLTable

    private Table readMLTable(String data, String conversions) throws IOException {
        return DataSource.read(writeMLTable(data, conversions));
    }

    private Path writeMLTable(String data, String conversions) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("mltable"));
        Files.writeString(folder.resolve("data.csv"), data);
        Files.writeString(folder.resolve("MLTable"), "paths:\n  - file: ./data.csv\ntransformations:\n"
                + "  - convert_column_types:\n" + conversions.lines().map(l -> "    " + l + "\n")
                .collect(java.util.stream.Collectors.joining()));
        return folder;
    }

    private String mlTableError(String data, String conversions) throws IOException {
        Path folder = writeMLTable(data, conversions);
        String message = assertThrows(InvalidInputException.class, () -> DataSource.read(folder)).getMessage();
        return message.replace(folder.resolve("MLTable").toAbsolutePath().normalize().toString(), "MLTable");
    }

    private static double[] seconds(Table t, String column) {
        return ((DateTimeColumn) t.column(column)).epochSeconds();
    }

    private static String datetime(String column, String format) {
        return "- columns: " + column + "\n  column_type:\n    datetime:\n      formats: ['" + format + "']\n";
    }

    @Test
    void percentSReadsSecondsSince1970OnlyWhenDeclared() throws IOException {
        String data = "unix,n\n1232113507,1\n1232113507.5,2\n-1.5,3\n0,4\n";
        Table t = readMLTable(data, datetime("unix", "%s"));
        assertArrayEquals(new double[] {JAN_16_13_45_07, JAN_16_13_45_07 + 0.5, -1.5, 0}, seconds(t, "unix"));
        assertEquals(ColumnType.NUMERIC, DataSource.read(writeMLTable(data, datetime("n", "%s")))
                .column("unix").type(), "undeclared, seconds are numbers");
        assertEquals("MLTable: convert_column_types, column 'unix', data row 3: '1.5e9' matches none of the formats"
                + " %s.",
                mlTableError("unix\n1232113507\n1232113508\n1.5e9\n", datetime("unix", "%s")));
    }

    @Test
    void strftimeDirectivesReadMonthNamesOffsetsAndFractions() throws IOException {
        Table t = readMLTable("""
                b,full,short_year,iso,compact,with_s
                jan 16 2009,"January 16, 2009 01:45 PM",16-Jan-09,2009-01-16T13:45:07.250+0200,20090116134507,1232113507 UTC
                FEB 01 2009,"february 1, 2009 12:15 am",01-feb-09,2009-01-16T13:45:07.5-05:00,20090201000000,-1 UTC
                Feb 1 2009,"February 1, 2009 12:15 PM",01-Feb-09,2009-01-16T13:45:07.0Z,20090201001500,0 UTC
                """, datetime("b", "%b %d %Y") + datetime("full", "%B %d, %Y %I:%M %p")
                + datetime("short_year", "%d-%b-%y") + datetime("iso", "%Y-%m-%dT%H:%M:%S.%f%z")
                + datetime("compact", "%Y%m%d%H%M%S") + datetime("with_s", "%s UTC"));
        assertArrayEquals(new double[] {JAN_16, FEB_1, FEB_1}, seconds(t, "b"));
        assertArrayEquals(new double[] {JAN_16_13_45, FEB_1 + 900, FEB_1 + 44100}, seconds(t, "full"));
        assertArrayEquals(new double[] {JAN_16, FEB_1, FEB_1}, seconds(t, "short_year"));
        assertArrayEquals(new double[] {1232106307.25, 1232131507.5, JAN_16_13_45_07}, seconds(t, "iso"));
        assertArrayEquals(new double[] {JAN_16_13_45_07, FEB_1, FEB_1 + 900}, seconds(t, "compact"));
        assertArrayEquals(new double[] {JAN_16_13_45_07, -1, 0}, seconds(t, "with_s"));
        assertEquals("MLTable: convert_column_types, column 'b', data row 2: 'Feb 30 2009' matches none of the formats"
                + " %b %d %Y.", mlTableError("b\nJan 16 2009\nFeb 30 2009\n", datetime("b", "%b %d %Y")));
        assertEquals("MLTable: convert_column_types, column 'h', data row 1: '2009-01-16 13:45 PM' matches none of"
                + " the formats %Y-%m-%d %I:%M %p.", mlTableError("h\n2009-01-16 13:45 PM\n",
                datetime("h", "%Y-%m-%d %I:%M %p")));
    }

    @Test
    void declaredDatetimeWithoutFormatsNamesTheRowThatNoLayoutReads() throws IOException {
        String conversion = "- columns: when\n  column_type: datetime\n";
        Table t = readMLTable("when\n16/01/2009\n02/01/2009\n", conversion);
        assertArrayEquals(new double[] {JAN_16, JAN_2}, seconds(t, "when"));
        assertEquals("MLTable: convert_column_types, column 'when', data row 3: 'soon' is not a date/time in any of the"
                + " layouts " + ALL_LAYOUTS + "; give its layout with column_type: {datetime: {formats: [...]}}.",
                mlTableError("when\nJan 16 2009\nFeb 1 2009\nsoon\n", conversion));
        assertEquals("MLTable: convert_column_types, column 'when', data row 2: '2009-01-16' does not match the layout"
                + " MMM dd[,] yyyy[ HH:mm[:ss]] of the column's first value 'Jan 16 2009'; a date/time column needs one"
                + " layout for all its values, or give the layouts with column_type: {datetime: {formats: [...]}}.",
                mlTableError("when\nJan 16 2009\n2009-01-16\n", conversion));
    }
}
