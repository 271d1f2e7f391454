package dev.automl.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of an MLTable's {@code convert_column_types}: the columns to read as {@code int}, {@code float},
 * {@code string}, {@code boolean} or {@code datetime}. Strings, integers and floats are fixed while the file is
 * read (a hint, so "007" keeps its zeros as a string and a non-number is an error naming its line); booleans and
 * dates are read as text and converted afterwards, value by distinct value.
 *
 * @param formats     datetime only: Python strftime formats tried in order (as Azure's), or empty to detect the
 *                    layout
 * @param trueValues  boolean only: the texts that mean true
 * @param falseValues boolean only: the texts that mean false
 * @param mismatchAs  boolean only: what another text becomes: "error", "true", "false" or "null" (missing)
 */
public record ColumnConversion(List<String> columns, Type type, List<String> formats, Set<String> trueValues,
                               Set<String> falseValues, String mismatchAs) {

    /** Azure's column types. */
    public enum Type {
        STRING, INT, FLOAT, BOOLEAN, DATETIME
    }

    /** Azure's defaults for a boolean conversion. */
    public static final Set<String> DEFAULT_TRUE = Set.of("true", "True", "TRUE", "1", "yes", "Yes", "YES");
    public static final Set<String> DEFAULT_FALSE = Set.of("false", "False", "FALSE", "0", "no", "No", "NO");

    public ColumnConversion {
        columns = List.copyOf(columns);
        formats = List.copyOf(formats);
        trueValues = Set.copyOf(trueValues);
        falseValues = Set.copyOf(falseValues);
    }

    /** How the reader should read these columns. */
    ColumnType readAs() {
        return type == Type.INT || type == Type.FLOAT ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
    }

    /**
     * The column after conversion. A column the caller made another type (a class label kept as text, say) is
     * left as it is: the caller's type wins.
     */
    Column apply(Column c) {
        return switch (type) {
            case STRING, FLOAT -> c;
            case INT -> c instanceof NumericColumn n ? requireWhole(n) : c;
            case BOOLEAN -> c instanceof CategoricalColumn k ? toBoolean(k) : c;
            case DATETIME -> c instanceof CategoricalColumn k ? toDateTime(k) : c;
        };
    }

    private NumericColumn requireWhole(NumericColumn n) {
        double[] v = n.values();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i]) && v[i] != Math.rint(v[i])) {
                throw new InvalidInputException("column '" + n.name() + "', data row " + (i + 1) + ": " + n.text(i)
                        + " is not a whole number, but convert_column_types reads the column as int.");
            }
        }
        return n;
    }

    private CategoricalColumn toBoolean(CategoricalColumn k) {
        List<String> levels = List.of("true", "false");
        int[] codeOfLevel = new int[k.levels().size()];
        for (int c = 0; c < codeOfLevel.length; c++) {
            String v = k.levels().get(c);
            if (trueValues.contains(v)) {
                codeOfLevel[c] = 0;
            } else if (falseValues.contains(v)) {
                codeOfLevel[c] = 1;
            } else {
                codeOfLevel[c] = switch (mismatchAs) {
                    case "true" -> 0;
                    case "false" -> 1;
                    case "null" -> CategoricalColumn.MISSING;
                    default -> throw new InvalidInputException("column '" + k.name() + "', data row "
                            + (firstRow(k, c) + 1) + ": " + Quoted.of(v) + " is neither a true value ("
                            + String.join(", ", new java.util.TreeSet<>(trueValues)) + ") nor a false value ("
                            + String.join(", ", new java.util.TreeSet<>(falseValues)) + "); set mismatch_as to"
                            + " true, false or null to accept it.");
                };
            }
        }
        int[] codes = new int[k.size()];
        for (int i = 0; i < codes.length; i++) {
            int c = k.codes()[i];
            codes[i] = c == CategoricalColumn.MISSING ? c : codeOfLevel[c];
        }
        return new CategoricalColumn(k.name(), codes, levels);
    }

    private DateTimeColumn toDateTime(CategoricalColumn k) {
        double[] secondsOfLevel = new double[k.levels().size()];
        if (formats.isEmpty()) {
            Optional<DateTimeLayout> layout = DateTimeLayout.detect(k.levels());
            if (layout.isEmpty()) {
                throw new InvalidInputException("column '" + k.name() + "': the values are not dates in any one of"
                        + " the layouts " + DateTimeLayout.allDisplayed() + "; give the layout with"
                        + " column_type: {datetime: {formats: [...]}}.");
            }
            for (int c = 0; c < secondsOfLevel.length; c++) {
                secondsOfLevel[c] = layout.get().epochSeconds(k.levels().get(c));
            }
        } else {
            List<DateTimeFormatter> parsers = formats.stream().map(ColumnConversion::formatter).toList();
            for (int c = 0; c < secondsOfLevel.length; c++) {
                secondsOfLevel[c] = parse(k.levels().get(c).strip(), parsers);
                if (Double.isNaN(secondsOfLevel[c])) {
                    throw new InvalidInputException("column '" + k.name() + "', data row " + (firstRow(k, c) + 1)
                            + ": " + Quoted.of(k.levels().get(c)) + " matches none of the formats "
                            + String.join(", ", formats) + ".");
                }
            }
        }
        double[] out = new double[k.size()];
        for (int i = 0; i < out.length; i++) {
            int c = k.codes()[i];
            out[i] = c == CategoricalColumn.MISSING ? Double.NaN : secondsOfLevel[c];
        }
        return new DateTimeColumn(k.name(), out);
    }

    private static int firstRow(CategoricalColumn k, int code) {
        for (int i = 0; i < k.size(); i++) {
            if (k.codes()[i] == code) {
                return i;
            }
        }
        return -1;
    }

    private static double parse(String text, List<DateTimeFormatter> parsers) {
        for (DateTimeFormatter f : parsers) {
            try {
                TemporalAccessor t = f.parse(text);
                LocalDate date = LocalDate.of(t.get(ChronoField.YEAR), t.isSupported(ChronoField.MONTH_OF_YEAR)
                        ? t.get(ChronoField.MONTH_OF_YEAR) : 1, t.isSupported(ChronoField.DAY_OF_MONTH)
                        ? t.get(ChronoField.DAY_OF_MONTH) : 1);
                LocalDateTime dt = date.atStartOfDay()
                        .plusHours(t.isSupported(ChronoField.HOUR_OF_DAY) ? t.get(ChronoField.HOUR_OF_DAY) : 0)
                        .plusMinutes(t.isSupported(ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0)
                        .plusSeconds(t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0)
                        .plusNanos(t.isSupported(ChronoField.NANO_OF_SECOND) ? t.get(ChronoField.NANO_OF_SECOND) : 0);
                return dt.toEpochSecond(ZoneOffset.UTC) + dt.getNano() / 1e9;
            } catch (java.time.DateTimeException e) {
                // try the next format
            }
        }
        return Double.NaN;
    }

    /**
     * A parser for a Python strftime format (%Y, %m, %d, %H, %M, %S, %f, %y, %b, %B, %I, %p, %j, %%); any other
     * text must appear as written.
     */
    static DateTimeFormatter formatter(String strftime) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
        for (int i = 0; i < strftime.length(); i++) {
            char ch = strftime.charAt(i);
            if (ch != '%' || i + 1 == strftime.length()) {
                b.appendLiteral(ch);
                continue;
            }
            char d = strftime.charAt(++i);
            switch (d) {
                case 'Y' -> b.appendValue(ChronoField.YEAR, 4);
                // Python's %y: 69-99 are 1969-1999, 00-68 are 2000-2068.
                case 'y' -> b.appendValueReduced(ChronoField.YEAR, 2, 2, 1969);
                case 'm' -> b.appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'd' -> b.appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'H' -> b.appendValue(ChronoField.HOUR_OF_DAY, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'I' -> b.appendValue(ChronoField.CLOCK_HOUR_OF_AMPM, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'M' -> b.appendValue(ChronoField.MINUTE_OF_HOUR, 2);
                case 'S' -> b.appendValue(ChronoField.SECOND_OF_MINUTE, 2);
                case 'f' -> b.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, false);
                case 'p' -> b.appendText(ChronoField.AMPM_OF_DAY);
                case 'b' -> b.appendText(ChronoField.MONTH_OF_YEAR, java.time.format.TextStyle.SHORT);
                case 'B' -> b.appendText(ChronoField.MONTH_OF_YEAR, java.time.format.TextStyle.FULL);
                case 'j' -> b.appendValue(ChronoField.DAY_OF_YEAR, 3);
                case '%' -> b.appendLiteral('%');
                default -> throw new InvalidInputException("datetime format " + Quoted.of(strftime) + ": %" + d
                        + " is not supported; use %Y, %y, %m, %d, %H, %I, %M, %S, %f, %p, %b, %B, %j or %%.");
            }
        }
        return b.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }
}
