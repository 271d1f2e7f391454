package dev.automl.data;

import com.jerolba.carpet.CarpetReader;
import com.jerolba.carpet.CloseableIterator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads Parquet files (one, or several with the same columns, one after the other) into a {@link Table} through
 * carpet-record, streaming row by row into primitive columns. Types come from the file, not from inference:
 * strings, enums, UUIDs and booleans become categorical; dates and timestamps date-time (UTC); whole numbers,
 * floating point and decimals numeric. Nulls and empty strings are missing, as an empty CSV field is. A hint of
 * CATEGORICAL keeps a number's text (a class label 1 reads as "1", as from CSV); a hint of NUMERIC parses text.
 */
public final class ParquetReader {

    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    private ParquetReader() {
    }

    /** Reads the files in order; {@code hints} fix the type of the columns they name (others follow the file). */
    public static Table read(List<Path> files, Map<String, ColumnType> hints) {
        return read(files, hints, false);
    }

    /** As {@link #read(List, Map)}; with {@code includePathColumn} a last column says which file each row came from. */
    public static Table read(List<Path> files, Map<String, ColumnType> hints, boolean includePathColumn) {
        if (files.isEmpty()) {
            throw new InvalidInputException("No Parquet files to read.");
        }
        List<ColumnSink> sinks = null;
        List<String> names = null;
        int row = 0;
        GrowableInts fileOfRow = new GrowableInts();
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            MessageType schema = schemaOf(file);
            if (sinks == null) {
                names = schema.getFields().stream().map(Type::getName).toList();
                sinks = new ArrayList<>();
                for (Type field : schema.getFields()) {
                    Kind kind = kindOf(file, field); // its errors name the file already
                    try {
                        sinks.add(ColumnSink.of(field.getName(), kind, hints.get(field.getName())));
                    } catch (InvalidInputException e) {
                        throw new InvalidInputException(file + ": " + e.getMessage(), e);
                    }
                }
            } else {
                requireSameColumns(files.get(0), names, sinks, file, schema);
            }
            int before = row;
            row = readRows(file, names, sinks, row);
            if (includePathColumn) {
                fileOfRow.addRepeated(f, row - before);
            }
        }
        List<Column> columns = new ArrayList<>();
        for (ColumnSink s : sinks) {
            columns.add(s.build());
        }
        if (includePathColumn) {
            columns.add(PathColumn.of(files, fileOfRow.moveToArray()));
        }
        return new Table(columns);
    }

    private static MessageType schemaOf(Path file) {
        requireParquetFrame(file);
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getFooter().getFileMetaData().getSchema();
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(file + ": the Parquet file's footer (its list of columns) is damaged"
                    + readerReason(e) + ". Write the file again.", e);
        }
    }

    /**
     * A Parquet file starts and ends with the bytes PAR1; checked here because the library's own messages name its
     * classes and print byte values rather than say that a file is empty, cut short or not Parquet at all.
     */
    private static void requireParquetFrame(Path file) {
        byte[] head = new byte[4];
        byte[] tail = new byte[4];
        long size;
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            size = c.size();
            if (size >= 12) {
                c.read(ByteBuffer.wrap(head), 0);
                c.read(ByteBuffer.wrap(tail), size - 4);
            }
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read the file: " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new InvalidInputException(file + " is empty (0 bytes), so it holds no Parquet data.");
        }
        if (size < 12) {
            throw new InvalidInputException(file + " has only " + size + " bytes, too few for a Parquet file.");
        }
        if (!Arrays.equals(head, MAGIC)) {
            throw new InvalidInputException(file + " is not a Parquet file: it does not start with PAR1, as Parquet"
                    + " files do. If it is delimited text, name it .csv.");
        }
        if (!Arrays.equals(tail, MAGIC)) {
            throw new InvalidInputException(file + " is cut short or damaged: a Parquet file ends with PAR1, and this"
                    + " one does not. Copy or write the file again.");
        }
    }

    /** The library's reason, without the class names and object ids it puts in ("LocalInputFile@2e570ded"). */
    static String readerReason(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "";
        }
        String cleaned = m.replaceAll("\\b(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:@[0-9a-f]+)?:?", "")
                .replaceAll("\\s+", " ").replaceAll("^[\\s:,.]+", "").strip();
        return cleaned.isEmpty() ? "" : " (" + (cleaned.length() > 200 ? cleaned.substring(0, 200) + "..." : cleaned) + ")";
    }

    /** What a Parquet column holds, as the engine's column types see it. */
    enum Kind {
        NUMBER, TEXT, DATETIME
    }

    static Kind kindOf(Path file, Type field) {
        if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
            throw new InvalidInputException(file + ": column '" + field.getName() + "' is a nested or repeated field "
                    + "(a struct, list or map); only flat columns can be read. Flatten it, or drop it before saving.");
        }
        PrimitiveType p = field.asPrimitiveType();
        LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
            return Kind.DATETIME;
        }
        if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
            return Kind.TEXT;
        }
        return switch (p.getPrimitiveTypeName()) {
            case BOOLEAN -> Kind.TEXT;
            case INT32, INT64, FLOAT, DOUBLE -> Kind.NUMBER;
            case FIXED_LEN_BYTE_ARRAY, BINARY -> {
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
                    yield Kind.NUMBER;
                }
                throw new InvalidInputException(file + ": column '" + field.getName() + "' holds raw bytes ("
                        + p.getPrimitiveTypeName() + " without a string or decimal type); only numbers, text, "
                        + "booleans, decimals, dates and timestamps can be read.");
            }
            case INT96 -> throw new InvalidInputException(file + ": column '" + field.getName() + "' is an INT96 "
                    + "timestamp, a legacy type; write it as a TIMESTAMP (e.g. pandas' default, or Spark with "
                    + "spark.sql.parquet.outputTimestampType=TIMESTAMP_MICROS).");
        };
    }

    private static void requireSameColumns(Path first, List<String> names, List<ColumnSink> sinks, Path file,
                                           MessageType schema) {
        List<String> fileNames = schema.getFields().stream().map(Type::getName).toList();
        if (!fileNames.equals(names)) {
            throw new InvalidInputException(file + " has the columns " + String.join(", ", fileNames)
                    + "; the first file, " + first + ", has " + String.join(", ", names)
                    + ". Files read together must have the same columns in the same order.");
        }
        for (int i = 0; i < names.size(); i++) {
            Kind kind = kindOf(file, schema.getFields().get(i));
            if (kind != sinks.get(i).kind()) {
                throw new InvalidInputException(file + ": column '" + names.get(i) + "' holds "
                        + kind.name().toLowerCase(java.util.Locale.ROOT) + " values, but "
                        + sinks.get(i).kind().name().toLowerCase(java.util.Locale.ROOT) + " values in " + first + ".");
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int readRows(Path file, List<String> names, List<ColumnSink> sinks, int firstRow) {
        int row = firstRow;
        try (CloseableIterator<Map> it = new CarpetReader<>(file.toFile(), Map.class).iterator()) {
            while (it.hasNext()) {
                Map<String, Object> values = it.next();
                for (int c = 0; c < sinks.size(); c++) {
                    sinks.get(c).add(values.get(names.get(c)), row);
                }
                row++;
            }
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(file + ": the Parquet data is damaged after row " + (row - firstRow)
                    + readerReason(e) + ". Write the file again.", e);
        }
        return row;
    }

    /** Seconds since 1970-01-01T00:00 UTC of a Parquet date or timestamp value. */
    static double epochSeconds(Object v) {
        if (v instanceof LocalDate d) {
            return d.toEpochDay() * 86_400.0;
        }
        if (v instanceof LocalDateTime t) {
            return t.toEpochSecond(ZoneOffset.UTC) + t.getNano() / 1e9;
        }
        if (v instanceof Instant i) {
            return i.getEpochSecond() + i.getNano() / 1e9;
        }
        if (v instanceof OffsetDateTime o) {
            return epochSeconds(o.toInstant());
        }
        if (v instanceof ZonedDateTime z) {
            return epochSeconds(z.toInstant());
        }
        throw new IllegalStateException("unexpected date-time value " + v.getClass().getSimpleName());
    }

    /** The text of a value in a column read as categorical: numbers as CSV would write them. */
    static String text(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        if (v instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        if (v instanceof LocalTime t) {
            return t.toString();
        }
        return v.toString();
    }

    /** One column under construction. */
    private abstract static class ColumnSink {

        final String name;
        final Kind kind;

        ColumnSink(String name, Kind kind) {
            this.name = name;
            this.kind = kind;
        }

        static ColumnSink of(String name, Kind kind, ColumnType hint) {
            ColumnType type = hint != null ? hint : switch (kind) {
                case NUMBER -> ColumnType.NUMERIC;
                case TEXT -> ColumnType.CATEGORICAL;
                case DATETIME -> ColumnType.DATETIME;
            };
            return switch (type) {
                case NUMERIC -> {
                    if (kind == Kind.DATETIME) {
                        throw new InvalidInputException("column '" + name + "' holds dates or timestamps where a "
                                + "number is expected.");
                    }
                    yield new NumberSink(name, kind);
                }
                case CATEGORICAL -> new TextSink(name, kind);
                case DATETIME -> {
                    if (kind != Kind.DATETIME) {
                        throw new InvalidInputException("column '" + name + "' holds " + (kind == Kind.NUMBER
                                ? "numbers" : "text") + " where dates are expected; store it as a Parquet DATE or"
                                + " TIMESTAMP.");
                    }
                    yield new DateTimeSink(name);
                }
            };
        }

        Kind kind() {
            return kind;
        }

        abstract void add(Object value, int row);

        abstract Column build();
    }

    private static final class NumberSink extends ColumnSink {
        private final GrowableDoubles values = new GrowableDoubles();

        NumberSink(String name, Kind kind) {
            super(name, kind);
        }

        @Override
        void add(Object v, int row) {
            if (v == null) {
                values.add(Double.NaN);
            } else if (v instanceof Number n) {
                double d = n.doubleValue();
                if (Double.isInfinite(d)) {
                    // Only floating-point columns hold infinities; no learner or metric can use one.
                    throw new InvalidInputException("row " + (row + 1) + ", column '" + name + "': " + d + " is not"
                            + " a finite number. Replace it, or write a null for a missing value.");
                }
                values.add(d);
            } else if (v instanceof Boolean) {
                throw new InvalidInputException("column '" + name + "' holds booleans where a number is expected.");
            } else {
                String s = v.toString().strip();
                double d = s.isEmpty() || MissingMarkers.isMarker(s) ? Double.NaN : NumberParser.parse(s);
                if (Double.isNaN(d) && !s.isEmpty() && !MissingMarkers.isMarker(s)) {
                    throw new InvalidInputException("row " + (row + 1) + ", column '" + name + "': " + Quoted.of(s)
                            + " is not a number.");
                }
                if (Double.isInfinite(d)) {
                    throw new InvalidInputException("row " + (row + 1) + ", column '" + name + "': " + Quoted.of(s)
                            + " is beyond the range of numbers (about 1.8e308 either way).");
                }
                values.add(d);
            }
        }

        @Override
        Column build() {
            return new NumericColumn(name, values.moveToArray());
        }
    }

    private static final class TextSink extends ColumnSink {
        private final GrowableInts codes = new GrowableInts();
        private final LevelDictionary levels = new LevelDictionary();

        TextSink(String name, Kind kind) {
            super(name, kind);
        }

        @Override
        void add(Object v, int row) {
            String s = v == null ? "" : text(v);
            codes.add(s.isEmpty() ? CategoricalColumn.MISSING : levels.codeOf(s, row));
        }

        @Override
        Column build() {
            return new CategoricalColumn(name, codes.moveToArray(), levels.levels());
        }
    }

    private static final class DateTimeSink extends ColumnSink {
        private final GrowableDoubles seconds = new GrowableDoubles();

        DateTimeSink(String name) {
            super(name, Kind.DATETIME);
        }

        @Override
        void add(Object v, int row) {
            seconds.add(v == null ? Double.NaN : epochSeconds(v));
        }

        @Override
        Column build() {
            return new DateTimeColumn(name, seconds.moveToArray());
        }
    }
}
