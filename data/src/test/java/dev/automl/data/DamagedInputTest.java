package dev.automl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.jerolba.carpet.CarpetWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files damaged on the way to the reader (cut short, wrong encoding, wrong delimiter, out-of-range numbers) say so. */
class DamagedInputTest {

    @TempDir
    Path tmp;

    private static String errorOf(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).getMessage();
    }

    @Test
    void aNumberBeyondTheRangeOfDoublesIsNamedWithItsLine() throws IOException {
        Path csv = Files.writeString(tmp.resolve("a.csv"), "x,y\n1,2\n3,-1e400\n5,6\n");
        assertEquals(csv + ", line 3, column 'y': '-1e400' is beyond the range of numbers (about 1.8e308 either way)."
                + " Write a number in range, or leave the field empty for a missing value.",
                errorOf(() -> DataSource.read(csv)));
    }

    @Test
    void aGzipFileCutShortSaysSo() throws IOException {
        Path gz = tmp.resolve("a.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("x,y\n1,2\n3,4\n".repeat(200).getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(gz + ": the gzip-compressed data ends early: the file is cut short. Compress the data again, or"
                + " give the uncompressed file.", errorOf(() -> DataSource.read(gz)));
    }

    @Test
    void aUtf16FileReadAsUtf8IsRecognised() throws IOException {
        Path csv = Files.write(tmp.resolve("a.csv"), "x,y\n1,2\n".getBytes(StandardCharsets.UTF_16));
        assertEquals(csv + ": the file starts with a UTF-16 byte order mark, so it is UTF-16 text, not utf8. Read it"
                + " through an MLTable file with read_delimited: {encoding: utf16}, or save it as UTF-8.",
                errorOf(() -> DataSource.read(csv)));
    }

    @Test
    void aHeaderReadWithTheWrongDelimiterIsPointedOut() throws IOException {
        Table t = DataSource.read(Files.writeString(tmp.resolve("a.csv"), "x;y;label\n1;2;a\n"));
        assertEquals("The column 'label' named by target_column_name is not in training_data. Its columns are:"
                + " x;y;label. The header seems to be delimited by ';', not by commas: read the file through an MLTable"
                + " file with read_delimited: {delimiter: ';'}.",
                errorOf(() -> t.require("label", "target_column_name", "training_data")));
    }

    @Test
    void theWordsThatMakeANumericColumnTextAreFound() {
        CategoricalColumn c = new CategoricalColumn("size", new int[] {0, 1, 2, 3}, List.of("1.5", "inf", "NA", "2"));
        assertEquals(List.of("inf"), c.levelsThatAreNotNumbers(5));
    }

    @Test
    void anMLTableFileThatIsNotUtf8NamesItsLine() throws IOException {
        Path mltable = Files.write(tmp.resolve("MLTable"), "paths:\n  - file: ./K\u00f6ln.csv\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(mltable + ", line 2: this line holds bytes that are not UTF-8 text (the file may be saved as"
                + " Latin-1 or UTF-16); save the MLTable file as UTF-8.", errorOf(() -> DataSource.read(tmp)));
    }

    /** One Parquet column of doubles. */
    record Reading(Double value) {
    }

    @Test
    void anInfiniteParquetValueIsRefused() throws IOException {
        Path file = tmp.resolve("a.parquet");
        try (OutputStream out = Files.newOutputStream(file);
             CarpetWriter<Reading> w = new CarpetWriter.Builder<>(out, Reading.class).build()) {
            w.write(List.of(new Reading(1.0), new Reading(Double.NEGATIVE_INFINITY)));
        }
        assertEquals(file + ": row 2, column 'value': -Infinity is not a finite number. Replace it, or write a null for"
                + " a missing value.", errorOf(() -> DataSource.read(file)));
    }
}
