package dev.automl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MLTable's convert_column_types: each Azure column type, its options, and errors that name the value and row. */
class ConvertColumnTypesTest {

    @TempDir
    Path tmp;

    private static final String DATA = "code,n,price,flag,when,label\n"
            + "007,1,1.5,yes,03/01/2024 14:05,1\n"
            + "012,2,2,no,15/02/2023 09:30,0\n"
            + "007,,3.25,,,1\n";

    private Table read(String conversions) throws IOException {
        return DataSource.read(write(conversions));
    }

    private Path write(String conversions) throws IOException {
        Files.writeString(tmp.resolve("data.csv"), DATA);
        Files.writeString(tmp.resolve("MLTable"), "paths:\n  - file: ./data.csv\ntransformations:\n"
                + "  - convert_column_types:\n" + conversions.lines().map(l -> "    " + l + "\n")
                .collect(java.util.stream.Collectors.joining()));
        return tmp;
    }

    private String error(String conversions) throws IOException {
        Path folder = write(conversions);
        String message = assertThrows(InvalidInputException.class, () -> DataSource.read(folder)).getMessage();
        return message.replace(folder.resolve("MLTable").toAbsolutePath().normalize().toString(), "MLTable");
    }

    @Test
    void eachTypeReadsAsAzureDescribes() throws IOException {
        Table t = read("""
                      - columns: [code, label]
                        column_type: string
                      - columns: n
                        column_type: int
                      - columns: price
                        column_type: float
                      - columns: flag
                        column_type:
                          boolean:
                            true_values: ['yes']
                            false_values: ['no']
                      - columns: when
                        column_type:
                          datetime:
                            formats: ['%Y-%m-%d', '%d/%m/%Y %H:%M']
                """);
        CategoricalColumn code = (CategoricalColumn) t.column("code");
        assertEquals(List.of("007", "012"), code.levels(), "a string keeps its leading zeros");
        assertEquals(List.of("1", "0"), ((CategoricalColumn) t.column("label")).levels());
        NumericColumn n = (NumericColumn) t.column("n");
        assertEquals(2.0, n.get(1));
        assertTrue(n.isMissing(2));
        assertEquals(3.25, ((NumericColumn) t.column("price")).get(2));
        CategoricalColumn flag = (CategoricalColumn) t.column("flag");
        assertEquals(List.of("true", "false"), flag.levels());
        assertEquals("false", flag.get(1));
        assertTrue(flag.isMissing(2));
        DateTimeColumn when = (DateTimeColumn) t.column("when");
        assertEquals(LocalDateTime.of(2024, 1, 3, 14, 5), when.get(0), "day first, as the format says");
        assertEquals(LocalDateTime.of(2023, 2, 15, 9, 30), when.get(1));
        assertTrue(when.isMissing(2));
    }

    @Test
    void aCallersHintWinsOverAConversion() throws IOException {
        // The engine reads a classification target as text whatever the MLTable says.
        Table t = DataSource.read(write("  - columns: label\n    column_type: int\n"), Map.of("label", ColumnType.CATEGORICAL));
        assertEquals(List.of("1", "0"), ((CategoricalColumn) t.column("label")).levels());
    }

    @Test
    void valuesThatDoNotConvertAreErrorsNamingValueAndRow() throws IOException {
        assertEquals("MLTable: convert_column_types, column 'price', data row 1: 1.5 is not a whole number, but"
                + " convert_column_types reads the column as int.", error("  - columns: price\n    column_type: int\n"));
        assertEquals("MLTable: convert_column_types, column 'flag', data row 1: 'yes' is neither a true value (1, TRUE,"
                + " True, true) nor a false value (0, FALSE, False, false); set mismatch_as to true, false or null to"
                + " accept it.", error("  - columns: flag\n    column_type:\n      boolean:\n"
                + "        true_values: ['1', 'true', 'True', 'TRUE']\n"
                + "        false_values: ['0', 'false', 'False', 'FALSE']\n"));
        assertEquals("MLTable: convert_column_types, column 'when', data row 2: '15/02/2023 09:30' matches none of the"
                + " formats %m/%d/%Y %H:%M.", error("  - columns: when\n    column_type:\n      datetime:\n"
                + "        formats: ['%m/%d/%Y %H:%M']\n"));
    }

    @Test
    void mismatchAsNullMakesOtherValuesMissing() throws IOException {
        Table t = read("  - columns: code\n    column_type:\n      boolean:\n        true_values: ['007']\n"
                + "        false_values: ['008']\n        mismatch_as: 'null'\n");
        CategoricalColumn code = (CategoricalColumn) t.column("code");
        assertEquals("true", code.get(0));
        assertTrue(code.isMissing(1));
    }

    @Test
    void badEntriesAreErrorsNamingTheKey() throws IOException {
        assertEquals("MLTable: transformation 1 (convert_column_types), entry 1, column_type: unknown type 'integer'."
                + " Valid types: string, int, float, boolean, datetime (boolean and datetime may carry options, e.g."
                + " datetime: {formats: ['%Y-%m-%d']}).", error("  - columns: n\n    column_type: integer\n"));
        assertEquals("MLTable: transformation 1 (convert_column_types), entry 1, column_type, datetime: unknown option"
                + " 'format'. Valid options: formats.",
                error("  - columns: when\n    column_type:\n      datetime:\n        format: '%Y'\n"));
        assertEquals("MLTable: transformation 1 (convert_column_types), entry 1, column_type, datetime, formats:"
                + " datetime format '%Y-%Q': %Q is not supported; use %Y, %y, %m, %d, %H, %I, %M, %S, %f, %p, %b, %B,"
                + " %j, %z, %s or %%.", error("  - columns: when\n    column_type:\n      datetime:\n        formats: ['%Y-%Q']\n"));
        assertEquals("MLTable: transformation 1 (convert_column_types), entry 1: unknown key 'type'. Valid keys:"
                + " columns, column_type.", error("  - columns: n\n    type: int\n"));
        assertEquals("MLTable: convert_column_types names a column that is not in the data: cost. Columns: code, n,"
                + " price, flag, when, label.", error("  - columns: cost\n    column_type: float\n"));
    }

    @Test
    void strftimeFormatsCoverTheCommonDirectives() {
        var f = ColumnConversion.formatter("%d %b %Y, %I:%M:%S %p");
        assertEquals(LocalDateTime.of(2021, 7, 4, 15, 2, 9), LocalDateTime.from(f.parse("04 Jul 2021, 03:02:09 PM")));
        assertEquals(2068, ColumnConversion.formatter("%y").parse("68").get(java.time.temporal.ChronoField.YEAR));
        assertEquals(1969, ColumnConversion.formatter("%y").parse("69").get(java.time.temporal.ChronoField.YEAR));
    }
}
