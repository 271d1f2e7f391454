package dev.automl.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one or more delimited text files, one after the other, into a {@link Table}: streaming, one
 * {@link ColumnBuilder} per column, each column's type inferred unless a hint fixes it.
 */
public final class CsvReader {

    /** Where each field of one file's rows goes; computed while the file's header is read on the first pass. */
    private record FileLayout(boolean hasHeader, int fieldCount, int[] columnOfField, int[] absentColumns) {

        /** The field of a column in this file, or -1 when the file lacks it. */
        int fieldOf(int column) {
            for (int f = 0; f < columnOfField.length; f++) {
                if (columnOfField[f] == column) {
                    return f;
                }
            }
            return -1;
        }
    }

    /** What to do with each data row; false stops the scan. */
    private interface RowVisitor {
        boolean visit(int row, CSVRecord record, FileLayout layout, CsvRecordStream in);
    }

    private final List<Path> files;
    private final CsvReadOptions options;
    private final Map<String, ColumnType> hints;
    private final RowWindow window;
    private final List<ColumnBuilder> builders = new ArrayList<>();
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final List<FileLayout> layouts = new ArrayList<>();
    /** With include_path_column: the index of the file each kept row came from. */
    private final GrowableInts fileOfRow;
    private final Map<Path, Integer> fileIndex = new HashMap<>();

    private CsvReader(List<Path> files, CsvReadOptions options, Map<String, ColumnType> hints, RowWindow window) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files to read");
        }
        this.files = files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.options = options;
        this.hints = Map.copyOf(hints);
        this.window = window;
        this.fileOfRow = options.includePathColumn() ? new GrowableInts() : null;
        for (int i = 0; i < this.files.size(); i++) {
            fileIndex.putIfAbsent(this.files.get(i), i);
        }
    }

    /** Reads one file; {@code hints} fixes the type of the columns it names (names not in the file are ignored). */
    public static Table read(Path file, CsvReadOptions options, Map<String, ColumnType> hints) {
        return read(List.of(file), options, hints);
    }

    /** Reads several files as one table, their rows in the order of the list; see {@link HeaderMode}. */
    public static Table read(List<Path> files, CsvReadOptions options, Map<String, ColumnType> hints) {
        return read(files, options, hints, RowWindow.ALL);
    }

    /** Reads only the data rows in the window; the rows before it are checked for their number of fields only. */
    public static Table read(List<Path> files, CsvReadOptions options, Map<String, ColumnType> hints,
                             RowWindow window) {
        return new CsvReader(files, options, hints, window).read();
    }

    private Table read() {
        scan(window.count(), this::addRow);
        builders.forEach(ColumnBuilder::endOfData);
        rescanLeadingRows();
        List<Column> columns = new ArrayList<>(builders.size());
        for (ColumnBuilder b : builders) {
            Optional<ColumnBuilder.Rejection> bad = b.dateTimeRejection();
            if (bad.isPresent()) {
                throw rejected(locate(bad.get().row()), b.name(), bad.get());
            }
            columns.add(b.build());
        }
        requireFiniteNumbers(columns);
        if (fileOfRow != null) {
            columns.add(PathColumn.of(files, fileOfRow.moveToArray()));
        }
        return new Table(columns);
    }

    private boolean addRow(int row, CSVRecord record, FileLayout layout, CsvRecordStream in) {
        int[] columnOfField = layout.columnOfField();
        for (int f = 0; f < columnOfField.length; f++) {
            ColumnBuilder b = builders.get(columnOfField[f]);
            String field = record.get(f);
            if (!b.add(field)) {
                throw rejected(in.where(in.lineOf(record)), b.name(), ColumnBuilder.Rejection.notANumber(row, field));
            }
        }
        for (int c : layout.absentColumns()) {
            builders.get(c).addMissing(1);
        }
        if (fileOfRow != null) {
            fileOfRow.add(fileIndex.get(in.file()));
        }
        return true;
    }

    /** Reads the leading rows again for the columns that turned out to be text after starting as numbers. */
    private void rescanLeadingRows() {
        int[] rows = builders.stream().mapToInt(ColumnBuilder::rescanRows).toArray();
        int longest = Arrays.stream(rows).max().orElse(0);
        if (longest == 0) {
            return;
        }
        int[] columns = IntStream.range(0, rows.length).filter(c -> rows[c] > 0).toArray();
        Map<FileLayout, int[]> fieldsByLayout = new IdentityHashMap<>();
        scan(longest, (row, record, layout, in) -> {
            int[] fieldOfColumn = fieldsByLayout.computeIfAbsent(layout,
                    l -> Arrays.stream(columns).map(l::fieldOf).toArray());
            for (int i = 0; i < columns.length; i++) {
                if (row < rows[columns[i]]) {
                    int f = fieldOfColumn[i];
                    builders.get(columns[i]).rescan(f < 0 ? null : record.get(f));
                }
            }
            return true;
        });
    }

    /**
     * A number beyond a double's range, such as 1e400, parses to infinity, which no learner or metric can use; it is
     * refused with its line, as a word in a numeric column is.
     */
    private void requireFiniteNumbers(List<Column> columns) {
        for (int c = 0; c < builders.size(); c++) {
            if (columns.get(c) instanceof NumericColumn n) {
                double[] v = n.values();
                for (int row = 0; row < v.length; row++) {
                    if (Double.isInfinite(v[row])) {
                        String[] at = locateField(row, c);
                        throw new InvalidInputException(at[0] + ", column " + Quoted.of(n.name()) + ": "
                                + Quoted.of(at[1]) + " is beyond the range of numbers (about 1.8e308 either way). Write"
                                + " a number in range, or leave the field empty for a missing value.");
                    }
                }
            }
        }
    }

    /** "file, line n" of a data row and the text of one of its columns there, found by reading the files again. */
    private String[] locateField(int target, int column) {
        String[] found = {files.get(0).toString(), ""};
        scan((long) target + 1, (row, record, layout, in) -> {
            if (row == target) {
                found[0] = in.where(in.lineOf(record));
                int f = layout.fieldOf(column);
                found[1] = f < 0 ? "" : record.get(f);
                return false;
            }
            return true;
        });
        return found;
    }

    /** "file, line n" of a data row, found by reading the files again; only needed for error messages. */
    private String locate(int target) {
        String[] where = {files.get(0).toString()};
        scan((long) target + 1, (row, record, layout, in) -> {
            if (row == target) {
                where[0] = in.where(in.lineOf(record));
                return false;
            }
            return true;
        });
        return where[0];
    }

    /**
     * Visits the data rows of the window, in file order, up to {@code limit} of them. The first scan reads the
     * headers and records each file's layout; later scans reuse the layouts so that row numbers always agree.
     */
    private void scan(long limit, RowVisitor visitor) {
        long dataRow = 0;
        for (int fileIndex = 0; fileIndex < files.size(); fileIndex++) {
            try (CsvRecordStream in = CsvRecordStream.open(files.get(fileIndex), options)) {
                CSVRecord first = in.next();
                if (first == null) {
                    throw new InvalidInputException(in.file() + " is empty"
                            + (headerExpected(fileIndex) ? ": it has no header row." : "."));
                }
                FileLayout layout;
                if (fileIndex < layouts.size()) {
                    layout = layouts.get(fileIndex);
                } else {
                    int rowsSoFar = (int) Math.max(0, dataRow - window.start());
                    layout = headerExpected(fileIndex) ? layoutFromHeader(first, in, rowsSoFar)
                            : layoutWithoutHeader(first);
                    layouts.add(layout);
                }
                CSVRecord record = layout.hasHeader() ? in.next() : first;
                for (; record != null; record = in.next()) {
                    long row = dataRow - window.start();
                    if (row >= limit) {
                        return;
                    }
                    if (record.size() != layout.fieldCount()) {
                        if (isBlankLine(record)) {
                            continue;
                        }
                        throw fieldCountError(record, layout, in);
                    }
                    if (row >= 0 && !visitor.visit((int) row, record, layout, in)) {
                        return;
                    }
                    dataRow++;
                }
            }
        }
    }

    private boolean headerExpected(int fileIndex) {
        return switch (options.header()) {
            case NO_HEADER -> false;
            case FROM_FIRST_FILE -> fileIndex == 0;
            case ALL_FILES_SAME_HEADERS, ALL_FILES_DIFFERENT_HEADERS -> true;
        };
    }

    private FileLayout layoutWithoutHeader(CSVRecord first) {
        if (builders.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= first.size(); i++) {
                names.add("Column" + i);
            }
            names.forEach(this::addColumn);
        }
        return new FileLayout(false, builders.size(), identity(builders.size()), new int[0]);
    }

    private FileLayout layoutFromHeader(CSVRecord header, CsvRecordStream in, int rowsSoFar) {
        List<String> names = headerNames(header, in);
        if (builders.isEmpty()) {
            names.forEach(this::addColumn);
            return new FileLayout(true, names.size(), identity(names.size()), new int[0]);
        }
        if (options.header() == HeaderMode.ALL_FILES_SAME_HEADERS) {
            List<String> expected = builders.stream().map(ColumnBuilder::name).toList();
            if (!names.equals(expected)) {
                throw new InvalidInputException(in.where(in.lineOf(header)) + ": the header (" + String.join(", ", names)
                        + ") differs from the header of " + files.get(0) + " (" + String.join(", ", expected)
                        + "). With header: all_files_same_headers every file needs the same columns in the same"
                        + " order; use header: all_files_different_headers to combine files whose columns differ.");
            }
            return new FileLayout(true, names.size(), identity(names.size()), new int[0]);
        }
        int existing = builders.size();
        int[] columnOfField = new int[names.size()];
        boolean[] present = new boolean[existing];
        for (int f = 0; f < names.size(); f++) {
            Integer c = columnIndex.get(names.get(f));
            if (c == null) {
                c = addColumn(names.get(f));
                builders.get(c).addMissing(rowsSoFar);
            } else {
                present[c] = true;
            }
            columnOfField[f] = c;
        }
        int[] absent = IntStream.range(0, existing).filter(c -> !present[c]).toArray();
        return new FileLayout(true, names.size(), columnOfField, absent);
    }

    /** The header's names; an empty name becomes "Unnamed: i" as in pandas, a repeated name is an error. */
    private static List<String> headerNames(CSVRecord header, CsvRecordStream in) {
        List<String> names = new ArrayList<>(header.size());
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).isEmpty() ? "Unnamed: " + i : header.get(i);
            names.add(name);
            positions.computeIfAbsent(name, k -> new ArrayList<>()).add(i + 1);
        }
        String repeated = positions.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> Quoted.of(e.getKey()) + " (columns " + e.getValue().stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
        if (!repeated.isEmpty()) {
            throw new InvalidInputException(in.where(in.lineOf(header)) + ": the header repeats column names: "
                    + repeated + ". Rename the columns so that each name is unique.");
        }
        return names;
    }

    private int addColumn(String name) {
        ColumnType hint = hints.get(name);
        if (hint == null && !options.inferColumnTypes()) {
            hint = ColumnType.CATEGORICAL;
        }
        int index = builders.size();
        builders.add(new ColumnBuilder(name, hint, options.emptyAsString()));
        columnIndex.put(name, index);
        return index;
    }

    /** A line holding only blanks, which commons-csv reads as one field; skipped like an empty line. */
    private static boolean isBlankLine(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    private static InvalidInputException fieldCountError(CSVRecord record, FileLayout layout, CsvRecordStream in) {
        int found = record.size();
        return new InvalidInputException(in.where(in.lineOf(record)) + ": " + found + (found == 1 ? " field" : " fields")
                + ", expected " + layout.fieldCount() + (layout.hasHeader() ? " as in the header" : " as in the first row")
                + ". Check the delimiters and quotes on that line.");
    }

    private static InvalidInputException rejected(String where, String column, ColumnBuilder.Rejection r) {
        return new InvalidInputException(where + ", column " + Quoted.of(column) + ": " + Quoted.of(r.value()) + " "
                + r.problem());
    }

    private static int[] identity(int n) {
        return IntStream.range(0, n).toArray();
    }
}
