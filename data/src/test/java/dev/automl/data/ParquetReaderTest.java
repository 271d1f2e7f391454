package dev.automl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jerolba.carpet.CarpetWriter;
import com.jerolba.carpet.annotation.PrecisionScale;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet files written by carpet-record read back with the types the file declares, in every common codec. */
class ParquetReaderTest {

    @TempDir
    Path tmp;

    /** One row of every kind of column the reader takes. */
    record Visit(String city, Integer visits, Long id, Double spend, @PrecisionScale(precision = 9, scale = 2) BigDecimal price,
                 Boolean member, LocalDate day, LocalDateTime at) {
    }

    record Nested(String name, Visit visit) {
    }

    private static final List<Visit> VISITS = List.of(
            new Visit("Oslo", 3, 10L, 2.5, new BigDecimal("19.99"), true, LocalDate.of(2024, 1, 2),
                    LocalDateTime.of(2024, 1, 2, 13, 30)),
            new Visit("Lima", null, 11L, null, null, false, null, null),
            new Visit("", 1, 12L, -1.0, new BigDecimal("0.50"), null, LocalDate.of(1970, 1, 1),
                    LocalDateTime.of(1970, 1, 1, 0, 0, 1)),
            new Visit("Oslo", 7, 13L, 0.0, new BigDecimal("100.00"), true, LocalDate.of(2024, 3, 1),
                    LocalDateTime.of(2024, 3, 1, 23, 59, 59)));

    private <T> Path write(String name, Class<T> type, List<T> rows, CompressionCodecName codec) throws IOException {
        Path file = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
             CarpetWriter<T> w = new CarpetWriter.Builder<>(out, type).withCompressionCodec(codec).build()) {
            w.write(rows);
        }
        return file;
    }

    @Test
    void everyColumnKindReadsWithItsDeclaredTypeInEveryCodec() throws IOException {
        for (CompressionCodecName codec : List.of(CompressionCodecName.SNAPPY, CompressionCodecName.ZSTD,
                CompressionCodecName.GZIP, CompressionCodecName.UNCOMPRESSED)) {
            Table t = DataSource.read(write("visits-" + codec + ".parquet", Visit.class, VISITS, codec));
            assertEquals(4, t.rows(), codec.name());
            assertEquals(List.of("city", "visits", "id", "spend", "price", "member", "day", "at"), t.columnNames());

            CategoricalColumn city = (CategoricalColumn) t.column("city");
            assertEquals(List.of("Oslo", "Lima"), city.levels());
            assertEquals("Oslo", city.get(3));
            assertTrue(city.isMissing(2), "an empty string is missing, as an empty CSV field");

            NumericColumn visits = (NumericColumn) t.column("visits");
            assertEquals(3.0, visits.get(0));
            assertTrue(visits.isMissing(1));
            assertEquals(13.0, ((NumericColumn) t.column("id")).get(3));
            assertEquals(-1.0, ((NumericColumn) t.column("spend")).get(2));
            NumericColumn price = (NumericColumn) t.column("price");
            assertEquals(19.99, price.get(0), 1e-12);
            assertEquals(0.5, price.get(2), 1e-12);
            assertTrue(price.isMissing(1));

            CategoricalColumn member = (CategoricalColumn) t.column("member");
            assertEquals(List.of("true", "false"), member.levels());
            assertTrue(member.isMissing(2));

            DateTimeColumn day = (DateTimeColumn) t.column("day");
            assertEquals(LocalDateTime.of(2024, 1, 2, 0, 0), day.get(0));
            assertEquals(0.0, day.epochSeconds()[2]);
            assertTrue(day.isMissing(1));
            DateTimeColumn at = (DateTimeColumn) t.column("at");
            assertEquals(LocalDateTime.of(2024, 3, 1, 23, 59, 59), at.get(3));
            assertEquals(1.0, at.epochSeconds()[2], 1e-9);
        }
    }

    @Test
    void aCategoricalHintKeepsNumbersAsTheirText() throws IOException {
        Path file = write("visits.parquet", Visit.class, VISITS, CompressionCodecName.SNAPPY);
        Table t = DataSource.read(file, Map.of("visits", ColumnType.CATEGORICAL, "spend", ColumnType.CATEGORICAL));
        assertEquals(List.of("3", "1", "7"), ((CategoricalColumn) t.column("visits")).levels());
        assertEquals(List.of("2.5", "-1", "0"), ((CategoricalColumn) t.column("spend")).levels());
    }

    @Test
    void severalFilesReadOneAfterTheOtherThroughAnMLTable() throws IOException {
        write("a.parquet", Visit.class, VISITS.subList(0, 2), CompressionCodecName.SNAPPY);
        write("b.parquet", Visit.class, VISITS.subList(2, 4), CompressionCodecName.ZSTD);
        Files.writeString(tmp.resolve("MLTable"), "paths:\n  - pattern: ./*.parquet\ntransformations:\n"
                + "  - read_parquet:\n      include_path_column: true\n  - skip: 1\n  - drop_columns: [at]\n");
        Table t = DataSource.read(tmp);
        assertEquals(3, t.rows());
        CategoricalColumn path = (CategoricalColumn) t.column("Path");
        assertEquals(List.of(tmp.resolve("a.parquet").toString(), tmp.resolve("b.parquet").toString(),
                tmp.resolve("b.parquet").toString()), List.of(path.get(0), path.get(1), path.get(2)));
        assertEquals(List.of(11.0, 12.0, 13.0), List.of(((NumericColumn) t.column("id")).get(0),
                ((NumericColumn) t.column("id")).get(1), ((NumericColumn) t.column("id")).get(2)));
        assertTrue(t.find("at").isEmpty());
    }

    @Test
    void filesWithDifferentColumnsAreAnErrorNamingBoth() throws IOException {
        Path a = write("a.parquet", Visit.class, VISITS, CompressionCodecName.SNAPPY);
        Path b = write("b.parquet", Nested.class, List.of(new Nested("x", VISITS.get(0))), CompressionCodecName.SNAPPY);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ParquetReader.read(List.of(a, b), Map.of()));
        assertEquals(b + " has the columns name, visit; the first file, " + a + ", has city, visits, id, spend, price, "
                + "member, day, at. Files read together must have the same columns in the same order.", e.getMessage());
    }

    @Test
    void nestedColumnsAndBrokenFilesAreClearErrors() throws IOException {
        Path nested = write("nested.parquet", Nested.class, List.of(new Nested("x", VISITS.get(0))), CompressionCodecName.SNAPPY);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DataSource.read(nested));
        assertEquals(nested + ": column 'visit' is a nested or repeated field (a struct, list or map); only flat columns"
                + " can be read. Flatten it, or drop it before saving.", e.getMessage());

        Path text = Files.writeString(tmp.resolve("fake.parquet"), "a,b\n1,2\n");
        e = assertThrows(InvalidInputException.class, () -> DataSource.read(text));
        assertEquals(text + " has only 8 bytes, too few for a Parquet file.", e.getMessage());

        Path csv = Files.writeString(tmp.resolve("data.parquet"), "a,b\n1,2\n3,4\n5,6\n");
        e = assertThrows(InvalidInputException.class, () -> DataSource.read(csv));
        assertEquals(csv + " is not a Parquet file: it does not start with PAR1, as Parquet files do. If it is"
                + " delimited text, name it .csv.", e.getMessage());

        Path whole = write("whole.parquet", Visit.class, VISITS, CompressionCodecName.SNAPPY);
        Path cut = tmp.resolve("cut.parquet");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        e = assertThrows(InvalidInputException.class, () -> DataSource.read(cut));
        assertEquals(cut + " is cut short or damaged: a Parquet file ends with PAR1, and this one does not. Copy or"
                + " write the file again.", e.getMessage());

        // A damaged footer length: the file still ends with PAR1, and the message names no class of the library.
        bytes[bytes.length - 5] = 0x7f;
        Path footer = Files.write(tmp.resolve("footer.parquet"), bytes);
        e = assertThrows(InvalidInputException.class, () -> DataSource.read(footer));
        assertTrue(e.getMessage().startsWith(footer + ": the Parquet file's footer (its list of columns) is damaged"),
                e.getMessage());
        assertFalse(e.getMessage().matches("(?s).*\\b(org|java)\\.[a-z]+\\..*"), e.getMessage());
    }

    @Test
    void aDateHintOnTextIsAnErrorNamingTheColumn() throws IOException {
        Path file = write("visits.parquet", Visit.class, VISITS, CompressionCodecName.SNAPPY);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DataSource.read(file, Map.of("city", ColumnType.DATETIME)));
        assertEquals(file + ": column 'city' holds text where dates are expected; store it as a Parquet DATE or"
                + " TIMESTAMP.", e.getMessage());
    }
}
