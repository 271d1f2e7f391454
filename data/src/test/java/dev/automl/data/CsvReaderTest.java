package dev.automl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    @TempDir
    Path tmp;

    private Path write(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static Table read(Path p) {
        return CsvReader.read(p, CsvReadOptions.DEFAULTS, Map.of());
    }

    private static String errorOf(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).getMessage();
    }

    private static double day(int y, int m, int d) {
        return LocalDate.of(y, m, d).toEpochDay() * 86_400.0;
    }

    private static double at(int y, int mo, int d, int h, int mi, int s) {
        return LocalDateTime.of(y, mo, d, h, mi, s).toEpochSecond(ZoneOffset.UTC);
    }

    // --- fixtures in testdata/errors

    @Test
    void rowWithTooManyFieldsNamesFileLineAndCounts() {
        Path f = TestData.path("errors/too_many_fields.csv");
        assertEquals(f + ", line 4: 5 fields, expected 4 as in the header. Check the delimiters and quotes on that line.",
                errorOf(() -> read(f)));
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereTheQuoteOpens() {
        Path f = TestData.path("errors/unterminated_quote.csv");
        assertEquals(f + ", line 3: a quoted field starts here but its closing quote (\") is missing, so the rest of"
                + " the file would be one field. Close the quote; a quote inside a quoted field is written twice (\"\").",
                errorOf(() -> read(f)));
    }

    @Test
    void latin1FileReadsWithItsEncodingAndFailsClearlyAsUtf8() {
        Path f = TestData.path("errors/latin1.csv");
        Table t = CsvReader.read(f, CsvReadOptions.DEFAULTS.withEncoding(CsvEncoding.LATIN1), Map.of());
        CategoricalColumn city = (CategoricalColumn) t.column("city");
        assertEquals(List.of("Zürich", "Köln", "São Paulo"), city.levels());
        assertEquals("Straße", t.column("note").text(1));
        assertEquals(f + ", line 2: the bytes of field 1 are not valid utf8 text. Set the encoding of the file"
                + " (read_delimited: encoding: in the MLTable file), one of: utf8, iso88591, latin1, ascii, utf16,"
                + " utf32, utf8bom, windows1252.", errorOf(() -> read(f)));
    }

    @Test
    void datesAreInferredPerColumnWithOneLayout() {
        Table t = read(TestData.path("errors/dates.csv"));
        assertEquals(4, t.rows());
        assertEquals(ColumnType.NUMERIC, t.column("id").type());
        for (String c : List.of("day", "stamp", "stamp_t", "us_day", "eu_day", "slash_day")) {
            assertEquals(ColumnType.DATETIME, t.column(c).type(), c);
        }
        assertArrayEquals(new double[] {day(2024, 1, 31), day(2024, 2, 29), Double.NaN, day(2024, 12, 24)},
                ((DateTimeColumn) t.column("day")).epochSeconds());
        assertArrayEquals(new double[] {at(2024, 1, 31, 8, 30, 0), at(2024, 2, 29, 17, 5, 9),
                        at(2024, 3, 1, 0, 0, 0) + 0.5, Double.NaN},
                ((DateTimeColumn) t.column("stamp")).epochSeconds());
        assertArrayEquals(new double[] {at(2024, 1, 31, 8, 30, 15), at(2024, 2, 29, 17, 5, 9) + 0.25, Double.NaN,
                        at(2024, 12, 24, 23, 59, 0)},
                ((DateTimeColumn) t.column("stamp_t")).epochSeconds());
        double[] sameDays = {day(2024, 1, 31), day(2024, 2, 29), day(2024, 3, 1), day(2024, 12, 24)};
        assertArrayEquals(sameDays, ((DateTimeColumn) t.column("us_day")).epochSeconds());
        assertArrayEquals(sameDays, ((DateTimeColumn) t.column("eu_day")).epochSeconds());
        assertArrayEquals(sameDays, ((DateTimeColumn) t.column("slash_day")).epochSeconds());
        assertEquals("2024-03-01T00:00:00.500", t.column("stamp").text(2));
        // two layouts in one column: text, not dates
        CategoricalColumn mixed = (CategoricalColumn) t.column("mixed");
        assertEquals(List.of("2024-01-31", "31.01.2024", "2024-12-24"), mixed.levels());
        assertTrue(mixed.isMissing(2));
        // numeric until row 3, then text: the earlier rows keep their spelling
        CategoricalColumn code = (CategoricalColumn) t.column("code");
        assertEquals(List.of("0042", "0043", "A7", "0045"), code.levels());
        assertArrayEquals(new int[] {0, 1, 2, 3}, code.codes());
    }

    @Test
    void dateTimeHintRejectsAValueInAnotherLayout() {
        Path f = TestData.path("errors/dates.csv");
        assertEquals(f + ", line 3, column 'mixed': '31.01.2024' does not match the layout"
                + " yyyy-MM-dd[(T| )HH:mm[:ss[.SSS]][Z|+hh:mm]] of the"
                + " column's first value '2024-01-31'; a date/time column needs one layout for all its values.",
                errorOf(() -> CsvReader.read(f, CsvReadOptions.DEFAULTS, Map.of("mixed", ColumnType.DATETIME))));
        assertEquals(f + ", line 2, column 'code': '0042' is not a date/time in any of the layouts"
                + " yyyy-MM-dd[(T| )HH:mm[:ss[.SSS]][Z|+hh:mm]], yyyy/MM/dd[ HH:mm[:ss]], MM/dd/yyyy[ HH:mm[:ss]],"
                + " dd/MM/yyyy[ HH:mm[:ss]], dd.MM.yyyy[ HH:mm[:ss]], MMM dd[,] yyyy[ HH:mm[:ss]],"
                + " dd MMM yyyy[ HH:mm[:ss]], dd-MMM-yyyy[ HH:mm[:ss]] (MMM: Jan or January), but the column is read as"
                + " date/time.",
                errorOf(() -> CsvReader.read(f, CsvReadOptions.DEFAULTS, Map.of("code", ColumnType.DATETIME))));
    }

    @Test
    void numericHintRejectsTextWithItsLine() {
        Path f = TestData.path("errors/dates.csv");
        assertEquals(f + ", line 4, column 'code': 'A7' is not a number, but the column is read as numeric.",
                errorOf(() -> CsvReader.read(f, CsvReadOptions.DEFAULTS, Map.of("code", ColumnType.NUMERIC))));
    }

    // --- hand-written files

    @Test
    void categoricalHintKeepsTheSpellingOfNumbers() throws IOException {
        Path f = write("labels.csv", "x,label\n1.0,2\n2.50,1\n3,2\n4,03\n");
        Table t = CsvReader.read(f, CsvReadOptions.DEFAULTS,
                Map.of("label", ColumnType.CATEGORICAL, "x", ColumnType.CATEGORICAL, "absent", ColumnType.NUMERIC));
        assertEquals(List.of("2", "1", "03"), ((CategoricalColumn) t.column("label")).levels());
        assertEquals(List.of("1.0", "2.50", "3", "4"), ((CategoricalColumn) t.column("x")).levels());
        Table inferred = read(f);
        assertArrayEquals(new double[] {2, 1, 2, 3}, ((NumericColumn) inferred.column("label")).values());
    }

    @Test
    void columnThatTurnsToTextLateIsReadAgainWithItsOriginalSpelling() throws IOException {
        StringBuilder csv = new StringBuilder("n,zip,v\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(i).append(',').append(String.format("%05d", i % 37)).append(i == 10 ? ",NA" : ",").append('\n');
        }
        csv.append("5000,AB-12,\n5001,00001,x\n");
        Table t = read(write("late.csv", csv.toString()));
        assertEquals(5002, t.rows());
        assertEquals(ColumnType.NUMERIC, t.column("n").type());
        CategoricalColumn zip = (CategoricalColumn) t.column("zip");
        assertEquals(38, zip.levels().size());
        assertEquals("00000", zip.levels().get(0));
        assertEquals("00036", zip.levels().get(36));
        assertEquals("AB-12", zip.levels().get(37));
        assertEquals("00001", zip.get(5001));
        assertEquals(1, zip.codes()[5001]);
        CategoricalColumn v = (CategoricalColumn) t.column("v");
        assertEquals(List.of("x"), v.levels());
        assertEquals(5001, v.missingCount());
    }

    @Test
    void missingMarkersAreMissingInNumericAndTextColumns() throws IOException {
        StringBuilder csv = new StringBuilder("num,text\n");
        for (String m : MissingMarkers.PANDAS_DEFAULTS) {
            csv.append('"').append(m).append("\",\"").append(m).append("\"\n");
        }
        csv.append(" 1.5 ,a\n,\n");
        Table t = read(write("markers.csv", csv.toString()));
        NumericColumn num = (NumericColumn) t.column("num");
        assertEquals(20, t.rows());
        assertEquals(19, num.missingCount());
        assertEquals(1.5, num.get(18));
        CategoricalColumn text = (CategoricalColumn) t.column("text");
        assertEquals(List.of("a"), text.levels());
        assertEquals(19, text.missingCount());
    }

    @Test
    void blanksAroundNumbersAreToleratedAndBlankFieldsAreMissing() throws IOException {
        Table t = read(write("blanks.csv", "n,s\n 1 , x \n   ,  \n2.5\t,y\n"));
        assertArrayEquals(new double[] {1, Double.NaN, 2.5}, ((NumericColumn) t.column("n")).values());
        CategoricalColumn s = (CategoricalColumn) t.column("s");
        assertEquals(List.of(" x ", "y"), s.levels());
        assertTrue(s.isMissing(1));
    }

    @Test
    void infinityWordsAndJavaSuffixesAreText() throws IOException {
        Table t = read(write("inf.csv", "a,b,c\n1,1,1\ninf,Infinity,2d\n"));
        assertEquals(ColumnType.CATEGORICAL, t.column("a").type());
        assertEquals(ColumnType.CATEGORICAL, t.column("b").type());
        assertEquals(List.of("1", "2d"), ((CategoricalColumn) t.column("c")).levels());
    }

    @Test
    void columnWithoutValuesIsCategoricalWithNoLevels() throws IOException {
        Table t = read(write("empty_col.csv", "a,b\n1,\n2,NA\n"));
        CategoricalColumn b = (CategoricalColumn) t.column("b");
        assertEquals(List.of(), b.levels());
        assertEquals(2, b.missingCount());
        Table headerOnly = read(write("header_only.csv", "a,b\n"));
        assertEquals(0, headerOnly.rows());
        assertEquals(List.of("a", "b"), headerOnly.columnNames());
        assertEquals(ColumnType.CATEGORICAL, headerOnly.column("a").type());
    }

    @Test
    void emptyAsStringMakesEmptyACategoryButNotANumber() throws IOException {
        Path f = write("empty.csv", "n,s,d\n1,,2024-01-01\n,x,\n3,NA,2024-01-03\n");
        Table t = CsvReader.read(f, CsvReadOptions.DEFAULTS.withEmptyAsString(true), Map.of());
        assertArrayEquals(new double[] {1, Double.NaN, 3}, ((NumericColumn) t.column("n")).values());
        CategoricalColumn s = (CategoricalColumn) t.column("s");
        assertEquals(List.of("", "x"), s.levels());
        assertTrue(s.isMissing(2));
        assertEquals(ColumnType.DATETIME, t.column("d").type());
        assertTrue(t.column("d").isMissing(1));
        Table plain = read(f);
        assertEquals(List.of("x"), ((CategoricalColumn) plain.column("s")).levels());
    }

    @Test
    void emptyAsStringOnALateTextColumnKeepsEarlierEmptyFields() throws IOException {
        Path f = write("late_empty.csv", "k,s\na,\nb,1\nc,abc\n");
        Table t = CsvReader.read(f, CsvReadOptions.DEFAULTS.withEmptyAsString(true), Map.of());
        assertEquals(List.of("", "1", "abc"), ((CategoricalColumn) t.column("s")).levels());
    }

    @Test
    void headerProblems() throws IOException {
        Path dup = write("dup.csv", "a,b,a,c,b\n1,2,3,4,5\n");
        assertEquals(dup + ", line 1: the header repeats column names: 'a' (columns 1, 3), 'b' (columns 2, 5)."
                + " Rename the columns so that each name is unique.", errorOf(() -> read(dup)));
        Table unnamed = read(write("unnamed.csv", ",a,\n1,2,3\n"));
        assertEquals(List.of("Unnamed: 0", "a", "Unnamed: 2"), unnamed.columnNames());
        Path empty = write("empty_file.csv", "");
        assertEquals(empty + " is empty: it has no header row.", errorOf(() -> read(empty)));
        Path blank = write("blank_file.csv", "\n\n");
        assertEquals(blank + " is empty: it has no header row.", errorOf(() -> read(blank)));
        Path missing = tmp.resolve("nope.csv");
        assertEquals("File not found: " + missing.toAbsolutePath().normalize(), errorOf(() -> read(missing)));
    }

    @Test
    void byteOrderMarkTabsAndGzipAreHandled() throws IOException {
        Path bom = tmp.resolve("bom.csv");
        Files.write(bom, ("\uFEFFid,name\n1,a\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("id", "name"), read(bom).columnNames());
        Path tsv = write("data.tsv", "a\tb\n1\tx,y\n");
        Table t = DataSource.read(tsv);
        assertEquals("x,y", t.column("b").text(0));
        Path gz = tmp.resolve("packed.csv");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("a,b\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(2, read(gz).rows());
    }

    @Test
    void lineNumbersCountQuotedLineBreaksAndBlankLines() throws IOException {
        Path f = write("multi.csv", "a,b\n\"one\ntwo\",1\n\n3,4\n5\n");
        assertEquals(f + ", line 6: 1 field, expected 2 as in the header. Check the delimiters and quotes on that"
                + " line.", errorOf(() -> read(f)));
        Path g = write("multi_ok.csv", "a,b\r\n\"one\r\ntwo\",1\r\n   \r\n3,4\r\n");
        Table t = read(g);
        assertEquals(2, t.rows());
        assertEquals("one\r\ntwo", t.column("a").text(0));
        Path h = write("bad_number.csv", "a,b\n\"x\ny\",1\n\"z\",oops\n");
        assertEquals(h + ", line 4, column 'b': 'oops' is not a number, but the column is read as numeric.",
                errorOf(() -> CsvReader.read(h, CsvReadOptions.DEFAULTS, Map.of("b", ColumnType.NUMERIC))));
    }

    @Test
    void quoteFollowedByTextIsAClearError() throws IOException {
        Path f = write("after_quote.csv", "a,b\n1,2\n\"3\"x,4\n");
        assertEquals(f + ", line 3: a quoted field is followed by other characters before the next delimiter. A quote"
                + " inside a quoted field is written twice (\"\").", errorOf(() -> read(f)));
    }

    @Test
    void asciiFileWithOtherBytesIsAnError() throws IOException {
        Path f = tmp.resolve("not_ascii.csv");
        Files.write(f, "a,b\n1,x\n2,caf\u00e9\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(errorOf(() -> CsvReader.read(f, CsvReadOptions.DEFAULTS.withEncoding(CsvEncoding.ASCII), Map.of()))
                .startsWith(f + ", line 3: the bytes of field 2 are not valid ascii text."));
    }

    @Test
    void headerModesAcrossFiles() throws IOException {
        Path a = write("a.csv", "x,y\n1,p\n2,q\n");
        Path b = write("b.csv", "x,y\n3,r\n");
        Path c = write("c.csv", "y,z\ns,9\n");
        Path noHeader = write("d.csv", "4,t\n");
        Table same = CsvReader.read(List.of(a, b), CsvReadOptions.DEFAULTS, Map.of());
        assertArrayEquals(new double[] {1, 2, 3}, ((NumericColumn) same.column("x")).values());
        assertEquals(c.toAbsolutePath() + ", line 1: the header (y, z) differs from the header of " + a.toAbsolutePath()
                + " (x, y). With header: all_files_same_headers every file needs the same columns in the same order;"
                + " use header: all_files_different_headers to combine files whose columns differ.",
                errorOf(() -> CsvReader.read(List.of(a, c), CsvReadOptions.DEFAULTS, Map.of())));
        Table different = CsvReader.read(List.of(a, c, b),
                CsvReadOptions.DEFAULTS.withHeader(HeaderMode.ALL_FILES_DIFFERENT_HEADERS), Map.of());
        assertEquals(List.of("x", "y", "z"), different.columnNames());
        assertArrayEquals(new double[] {1, 2, Double.NaN, 3}, ((NumericColumn) different.column("x")).values());
        assertEquals(List.of("p", "q", "s", "r"), ((CategoricalColumn) different.column("y")).levels());
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 9, Double.NaN},
                ((NumericColumn) different.column("z")).values());
        Table first = CsvReader.read(List.of(a, noHeader),
                CsvReadOptions.DEFAULTS.withHeader(HeaderMode.FROM_FIRST_FILE), Map.of());
        assertEquals(3, first.rows());
        assertEquals("t", first.column("y").text(2));
        Table none = CsvReader.read(List.of(a), CsvReadOptions.DEFAULTS.withHeader(HeaderMode.NO_HEADER), Map.of());
        assertEquals(List.of("Column1", "Column2"), none.columnNames());
        assertEquals(List.of("x", "1", "2"), ((CategoricalColumn) none.column("Column1")).levels());
    }

    @Test
    void inferColumnTypesOffReadsText() throws IOException {
        Path f = write("plain.csv", "a,b\n1,2024-01-01\n");
        Table t = CsvReader.read(f, CsvReadOptions.DEFAULTS.withInferColumnTypes(false), Map.of("a", ColumnType.NUMERIC));
        assertEquals(ColumnType.NUMERIC, t.column("a").type());
        assertEquals(ColumnType.CATEGORICAL, t.column("b").type());
    }

    @Test
    void maxRowsStopsBeforeLaterProblems() throws IOException {
        Path f = write("bad_tail.csv", "a,b\n1,2\n3,4\n5,6,7\n");
        assertEquals(2, CsvReader.read(List.of(f), CsvReadOptions.DEFAULTS, Map.of(), new RowWindow(0, 2)).rows());
        assertThrows(InvalidInputException.class, () -> read(f));
    }

    @Test
    void dictionaryKeepsFirstAppearanceOrderAcrossManyLevels() throws IOException {
        List<String> expected = new ArrayList<>();
        StringBuilder csv = new StringBuilder("k\n");
        for (int i = 0; i < 3000; i++) {
            String level = "L" + ((i * 7919) % 1000);
            if (!expected.contains(level)) {
                expected.add(level);
            }
            csv.append(level).append('\n');
        }
        assertEquals(expected, ((CategoricalColumn) read(write("levels.csv", csv.toString())).column("k")).levels());
    }
}
