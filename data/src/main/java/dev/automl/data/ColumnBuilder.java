package dev.automl.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects one column's fields while a file streams by and decides the column's type at the end.
 *
 * <p>While every value so far is a number only the parsed doubles are kept, so a numeric column costs 8 bytes a row
 * and no dictionary. When a value turns out not to be a number, the column switches to dictionary codes from that
 * row on; the rows before it are then read again from the file ({@link #rescanRows()}) to recover their original
 * spelling ("007", "1.50"), which the doubles have lost.
 */
final class ColumnBuilder {

    /** A value that does not fit the type asked for; {@code problem} completes a sentence that starts with it. */
    record Rejection(int row, String value, String problem) {

        static Rejection notANumber(int row, String value) {
            return new Rejection(row, value, "is not a number, but the column is read as numeric.");
        }
    }

    private final String name;
    private final ColumnType hint;
    private final boolean emptyAsString;
    private int size;

    private GrowableDoubles numbers;
    private boolean sawNumber;
    private boolean sawBlank;

    private GrowableInts codes;
    private LevelDictionary dictionary;
    private int textFrom;
    private boolean rescanNeeded;

    private LevelDictionary rescanDictionary;
    private GrowableInts rescanCodes;

    /** A builder for a column of the given type, or of an inferred type when {@code hint} is null. */
    ColumnBuilder(String name, ColumnType hint, boolean emptyAsString) {
        this.name = name;
        this.hint = hint;
        this.emptyAsString = emptyAsString;
        if (hint == null || hint == ColumnType.NUMERIC) {
            numbers = new GrowableDoubles();
        } else {
            codes = new GrowableInts();
            dictionary = new LevelDictionary();
        }
    }

    String name() {
        return name;
    }

    /** Appends a field; false (and nothing appended) when the column must be numeric and the field is not. */
    boolean add(String field) {
        if (numbers != null) {
            if (field.isBlank()) {
                sawBlank = true;
                numbers.add(Double.NaN);
                size++;
                return true;
            }
            double v = NumberParser.parse(field);
            if (!Double.isNaN(v)) {
                sawNumber = true;
                numbers.add(v);
                size++;
                return true;
            }
            if (MissingMarkers.isMarker(field)) {
                numbers.add(Double.NaN);
                size++;
                return true;
            }
            if (hint == ColumnType.NUMERIC) {
                return false;
            }
            switchToText();
        }
        codes.add(encode(field, size, dictionary));
        size++;
        return true;
    }

    /** Appends n missing values, for rows of a file that lacks this column. */
    void addMissing(int n) {
        if (numbers != null) {
            for (int i = 0; i < n; i++) {
                numbers.add(Double.NaN);
            }
        } else {
            codes.addRepeated(CategoricalColumn.MISSING, n);
        }
        size += n;
    }

    /** Called once all rows are read: a column that never saw a number is text, not numeric. */
    void endOfData() {
        if (numbers != null && hint == null && !sawNumber) {
            switchToText();
        }
    }

    /** How many leading rows must be read again (with {@link #rescan}) before {@link #build}; usually 0. */
    int rescanRows() {
        return rescanNeeded ? textFrom : 0;
    }

    /** Feeds the next of the leading rows again; null when the row's file lacks this column. */
    void rescan(String field) {
        if (rescanDictionary == null) {
            rescanDictionary = new LevelDictionary();
            rescanCodes = new GrowableInts(textFrom);
        }
        int row = rescanCodes.size();
        rescanCodes.add(field == null ? CategoricalColumn.MISSING : encode(field, row, rescanDictionary));
        if (rescanCodes.size() == textFrom) {
            mergeRescan();
        }
    }

    /** A value the column's date/time hint cannot read, if any; checked before {@link #build}. */
    Optional<Rejection> dateTimeRejection() {
        if (hint != ColumnType.DATETIME) {
            return Optional.empty();
        }
        List<String> values = dateTimeCandidates();
        return DateTimeLayout.mismatch(values).map(m -> {
            String v = values.get(m.index());
            if (m.expected() == null) {
                return new Rejection(firstRowOf(v), v, "is not a date/time in any of the layouts "
                        + DateTimeLayout.allDisplayed() + ", but the column is read as date/time.");
            }
            return new Rejection(firstRowOf(v), v, "does not match the layout " + m.expected().display()
                    + " of the column's first value " + Quoted.of(values.get(0))
                    + "; a date/time column needs one layout for all its values.");
        });
    }

    Column build() {
        if (rescanNeeded) {
            throw new IllegalStateException("column " + name + " still needs its first " + textFrom + " rows");
        }
        if (numbers != null) {
            return new NumericColumn(name, numbers.moveToArray());
        }
        if (hint != ColumnType.CATEGORICAL) {
            Optional<DateTimeLayout> layout = DateTimeLayout.detect(dateTimeCandidates());
            if (layout.isPresent() || hint == ColumnType.DATETIME) {
                return toDateTime(layout.orElse(DateTimeLayout.ISO));
            }
        }
        return new CategoricalColumn(name, codes.moveToArray(), dictionary.levels());
    }

    private void switchToText() {
        textFrom = size;
        rescanNeeded = textFrom > 0 && (sawNumber || (emptyAsString && sawBlank));
        numbers = null;
        codes = new GrowableInts(Math.max(1024, size * 2));
        codes.addRepeated(CategoricalColumn.MISSING, size);
        dictionary = new LevelDictionary();
    }

    /** A field as a code; a blank field (empty or only spaces) is missing unless emptyAsString keeps its text. */
    private int encode(String field, int row, LevelDictionary d) {
        if (field.isBlank()) {
            return emptyAsString ? d.codeOf(field, row) : CategoricalColumn.MISSING;
        }
        if (MissingMarkers.isMarker(field)) {
            return CategoricalColumn.MISSING;
        }
        return d.codeOf(field, row);
    }

    private void mergeRescan() {
        int[] remap = rescanDictionary.append(dictionary);
        for (int i = 0; i < textFrom; i++) {
            codes.set(i, rescanCodes.get(i));
        }
        for (int i = textFrom; i < size; i++) {
            int c = codes.get(i);
            if (c != CategoricalColumn.MISSING) {
                codes.set(i, remap[c]);
            }
        }
        dictionary = rescanDictionary;
        rescanDictionary = null;
        rescanCodes = null;
        rescanNeeded = false;
    }

    /** The levels that must parse as dates for a date/time column: all but blanks (missing there, as in Azure). */
    private List<String> dateTimeCandidates() {
        List<String> out = new ArrayList<>(dictionary.size());
        for (String level : dictionary.levels()) {
            if (!level.isBlank()) {
                out.add(level);
            }
        }
        return out;
    }

    private int firstRowOf(String level) {
        return dictionary.firstRow(dictionary.levels().indexOf(level));
    }

    private DateTimeColumn toDateTime(DateTimeLayout layout) {
        List<String> levels = dictionary.levels();
        double[] seconds = new double[levels.size()];
        for (int c = 0; c < seconds.length; c++) {
            seconds[c] = levels.get(c).isBlank() ? Double.NaN : layout.epochSeconds(levels.get(c));
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            int c = codes.get(i);
            out[i] = c == CategoricalColumn.MISSING ? Double.NaN : seconds[c];
        }
        return new DateTimeColumn(name, out);
    }
}
