package dev.automl.data;

import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

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
        double[] secondsOfLevel = formats.isEmpty() ? detectedSeconds(k) : formattedSeconds(k);
        double[] out = new double[k.size()];
        for (int i = 0; i < out.length; i++) {
            int c = k.codes()[i];
            out[i] = c == CategoricalColumn.MISSING ? Double.NaN : secondsOfLevel[c];
        }
        return new DateTimeColumn(k.name(), out);
    }

    /** The seconds of each level in the one layout that reads them all, as when the reader detects dates. */
    private static double[] detectedSeconds(CategoricalColumn k) {
        List<String> levels = k.levels();
        Optional<DateTimeLayout> layout = DateTimeLayout.detect(levels);
        if (layout.isEmpty() && !levels.isEmpty()) {
            throw new InvalidInputException(layoutError(k, DateTimeLayout.mismatch(levels).orElseThrow()));
        }
        double[] seconds = new double[levels.size()];
        for (int c = 0; c < seconds.length; c++) {
            seconds[c] = layout.get().epochSeconds(levels.get(c));
        }
        return seconds;
    }

    private static String layoutError(CategoricalColumn k, DateTimeLayout.Mismatch bad) {
        String at = "column " + Quoted.of(k.name()) + ", data row " + (firstRow(k, bad.index()) + 1) + ": "
                + Quoted.of(k.levels().get(bad.index()));
        String formatsHint = "column_type: {datetime: {formats: [...]}}";
        if (bad.expected() == null) {
            return at + " is not a date/time in any of the layouts " + DateTimeLayout.allDisplayed()
                    + "; give its layout with " + formatsHint + ".";
        }
        return at + " does not match the layout " + bad.expected().display() + " of the column's first value "
                + Quoted.of(k.levels().get(0)) + "; a date/time column needs one layout for all its values, or give"
                + " the layouts with " + formatsHint + ".";
    }

    /** The seconds of each level in the first of the formats that reads it. */
    private double[] formattedSeconds(CategoricalColumn k) {
        List<ToDoubleFunction<String>> readers = formats.stream().map(ColumnConversion::reader).toList();
        double[] seconds = new double[k.levels().size()];
        for (int c = 0; c < seconds.length; c++) {
            String text = k.levels().get(c).strip();
            seconds[c] = Double.NaN;
            for (int f = 0; f < readers.size() && Double.isNaN(seconds[c]); f++) {
                seconds[c] = readers.get(f).applyAsDouble(text);
            }
            if (Double.isNaN(seconds[c])) {
                throw new InvalidInputException("column '" + k.name() + "', data row " + (firstRow(k, c) + 1)
                        + ": " + Quoted.of(k.levels().get(c)) + " matches none of the formats "
                        + String.join(", ", formats) + ".");
            }
        }
        return seconds;
    }

    private static int firstRow(CategoricalColumn k, int code) {
        for (int i = 0; i < k.size(); i++) {
            if (k.codes()[i] == code) {
                return i;
            }
        }
        return -1;
    }

    /**
     * How one strftime format reads a stripped value: seconds since 1970-01-01T00:00 UTC, or NaN. A format of
     * {@code %s} alone also takes a fraction of a second and a minus sign before 1970.
     */
    private static ToDoubleFunction<String> reader(String strftime) {
        if (strftime.equals("%s")) {
            return ColumnConversion::unixSeconds;
        }
        DateTimeFormatter f = formatter(strftime);
        return text -> {
            // parseUnresolved reports a mismatch in the position where parse would throw; most values of a column
            // that lists several formats fail all but one.
            ParsePosition p = new ParsePosition(0);
            TemporalAccessor fields = f.parseUnresolved(text, p);
            return fields == null || p.getErrorIndex() >= 0 || p.getIndex() != text.length()
                    ? Double.NaN : seconds(fields);
        };
    }

    /** The fields a format read as seconds since 1970 UTC; NaN when they name no time, such as February 30. */
    private static double seconds(TemporalAccessor t) {
        if (t.isSupported(ChronoField.INSTANT_SECONDS)) {
            long whole = t.getLong(ChronoField.INSTANT_SECONDS);
            double fraction = field(t, ChronoField.NANO_OF_SECOND, 0) / 1e9;
            return whole < 0 ? whole - fraction : whole + fraction;
        }
        if (!t.isSupported(ChronoField.YEAR)) {
            return Double.NaN;
        }
        long day = epochDay(t);
        long hour = t.isSupported(ChronoField.HOUR_OF_DAY) ? t.getLong(ChronoField.HOUR_OF_DAY)
                // Python reads %I without %p as a morning hour.
                : field(t, ChronoField.CLOCK_HOUR_OF_AMPM, 12) % 12 + 12 * field(t, ChronoField.AMPM_OF_DAY, 0);
        long minute = field(t, ChronoField.MINUTE_OF_HOUR, 0);
        long second = field(t, ChronoField.SECOND_OF_MINUTE, 0);
        long nanos = field(t, ChronoField.NANO_OF_SECOND, 0);
        if (day == Long.MIN_VALUE || !ChronoField.HOUR_OF_DAY.range().isValidValue(hour)
                || !ChronoField.CLOCK_HOUR_OF_AMPM.range().isValidValue(field(t, ChronoField.CLOCK_HOUR_OF_AMPM, 12))
                || !ChronoField.MINUTE_OF_HOUR.range().isValidValue(minute)
                || !ChronoField.SECOND_OF_MINUTE.range().isValidValue(second)) {
            return Double.NaN;
        }
        long whole = day * 86_400 + hour * 3600 + minute * 60 + second - field(t, ChronoField.OFFSET_SECONDS, 0);
        return whole + nanos / 1e9;
    }

    /** The day since 1970 of the fields' year, month and day (or day of the year); Long.MIN_VALUE if none. */
    private static long epochDay(TemporalAccessor t) {
        int year = (int) t.getLong(ChronoField.YEAR);
        if (t.isSupported(ChronoField.DAY_OF_YEAR)) {
            long dayOfYear = t.getLong(ChronoField.DAY_OF_YEAR);
            return dayOfYear >= 1 && dayOfYear <= Year.of(year).length()
                    ? LocalDate.ofYearDay(year, (int) dayOfYear).toEpochDay() : Long.MIN_VALUE;
        }
        long month = field(t, ChronoField.MONTH_OF_YEAR, 1);
        long day = field(t, ChronoField.DAY_OF_MONTH, 1);
        if (month < 1 || month > 12 || day < 1 || day > Month.of((int) month).length(Year.isLeap(year))) {
            return Long.MIN_VALUE;
        }
        return LocalDate.of(year, (int) month, (int) day).toEpochDay();
    }

    private static long field(TemporalAccessor t, ChronoField f, long absent) {
        return t.isSupported(f) ? t.getLong(f) : absent;
    }

    /** Seconds since 1970 written as a number, [-]digits[.digits], as {@code %s} alone reads them; else NaN. */
    private static double unixSeconds(String t) {
        boolean negative = t.startsWith("-");
        int i = negative || t.startsWith("+") ? 1 : 0;
        int start = i;
        long whole = 0;
        // 18 digits cannot overflow a long, and no time needs more.
        while (i < t.length() && i - start < 18 && isAsciiDigit(t.charAt(i))) {
            whole = whole * 10 + t.charAt(i++) - '0';
        }
        if (i == start) {
            return Double.NaN;
        }
        long nanos = 0;
        if (i < t.length() && t.charAt(i) == '.') {
            int fractionStart = ++i;
            for (long scale = 100_000_000; i < t.length() && isAsciiDigit(t.charAt(i)); scale /= 10) {
                nanos += (t.charAt(i++) - '0') * scale;
            }
            if (i == fractionStart) {
                return Double.NaN;
            }
        }
        if (i != t.length()) {
            return Double.NaN;
        }
        double seconds = whole + nanos / 1e9;
        return negative ? -seconds : seconds;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A parser for a Python strftime format (%Y, %m, %d, %H, %M, %S, %f, %y, %b, %B, %I, %p, %j, %z, %s, %%); any
     * other text must appear as written. Month names and AM/PM are English in any case; %z takes Z, +hh, +hhmm or
     * +hh:mm; %s takes whole seconds since 1970 (a format of %s alone is read by {@link #unixSeconds} instead).
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
                case 'm' -> b.appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, SignStyle.NOT_NEGATIVE);
                case 'd' -> b.appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE);
                case 'H' -> b.appendValue(ChronoField.HOUR_OF_DAY, 1, 2, SignStyle.NOT_NEGATIVE);
                case 'I' -> b.appendValue(ChronoField.CLOCK_HOUR_OF_AMPM, 1, 2, SignStyle.NOT_NEGATIVE);
                // Two digits, so that %H%M reads 930 as 9:30, as Python does.
                case 'M' -> b.appendValue(ChronoField.MINUTE_OF_HOUR, 2);
                case 'S' -> b.appendValue(ChronoField.SECOND_OF_MINUTE, 2);
                case 'f' -> b.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, false);
                case 'p' -> b.appendText(ChronoField.AMPM_OF_DAY);
                case 'b' -> b.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.SHORT);
                case 'B' -> b.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.FULL);
                case 'j' -> b.appendValue(ChronoField.DAY_OF_YEAR, 1, 3, SignStyle.NOT_NEGATIVE);
                // Lenient, an offset's minutes are optional and its colon may be left out, as Python's %z allows.
                case 'z' -> b.parseLenient().appendOffset("+HH", "Z").parseStrict();
                case 's' -> b.appendValue(ChronoField.INSTANT_SECONDS, 1, 18, SignStyle.NORMAL);
                case '%' -> b.appendLiteral('%');
                default -> throw new InvalidInputException("datetime format " + Quoted.of(strftime) + ": %" + d
                        + " is not supported; use %Y, %y, %m, %d, %H, %I, %M, %S, %f, %p, %b, %B, %j, %z, %s or"
                        + " %%.");
            }
        }
        return b.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }
}
