package dev.automl.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The date and time layouts a column can be read as, in the order they are tried; a column takes the first layout
 * that parses all of its values, so that one column never mixes day-first and month-first dates.
 */
enum DateTimeLayout {
    ISO_DATE("yyyy-MM-dd", false, dateOnly("uuuu-MM-dd")),
    ISO_DATE_TIME("yyyy-MM-dd HH:mm[:ss[.SSS]]", true, withTime("uuuu-MM-dd", ' ')),
    ISO_DATE_T_TIME("yyyy-MM-ddTHH:mm[:ss[.SSS]]", true, withTime("uuuu-MM-dd", 'T')),
    SLASHED_YEAR_FIRST("yyyy/MM/dd", false, dateOnly("uuuu/M/d")),
    US_DATE("MM/dd/yyyy", false, dateOnly("M/d/uuuu")),
    DOTTED_DAY_FIRST("dd.MM.yyyy", false, dateOnly("d.M.uuuu"));

    private final String display;
    private final boolean hasTime;
    private final DateTimeFormatter formatter;

    DateTimeLayout(String display, boolean hasTime, DateTimeFormatter formatter) {
        this.display = display;
        this.hasTime = hasTime;
        this.formatter = formatter;
    }

    /** The layout as users write it, e.g. {@code yyyy-MM-dd}. */
    String display() {
        return display;
    }

    /** Seconds since 1970-01-01T00:00, local time read as UTC; NaN when the text is not in this layout. */
    double epochSeconds(String text) {
        String t = text.strip();
        // Nearly every category value fails here, before java.time builds an exception for it.
        if (t.isEmpty() || t.charAt(0) < '0' || t.charAt(0) > '9') {
            return Double.NaN;
        }
        try {
            if (hasTime) {
                LocalDateTime dt = LocalDateTime.parse(t, formatter);
                return dt.toEpochSecond(ZoneOffset.UTC) + dt.getNano() / 1e9;
            }
            return LocalDate.parse(t, formatter).toEpochDay() * 86_400.0;
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }

    boolean parses(String text) {
        return !Double.isNaN(epochSeconds(text));
    }

    /** The first layout that parses every value, if any. */
    static Optional<DateTimeLayout> detect(List<String> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        for (DateTimeLayout layout : values()) {
            if (values.stream().allMatch(layout::parses)) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }

    /** All layouts, for error messages. */
    static String allDisplayed() {
        return Arrays.stream(values()).map(DateTimeLayout::display).collect(Collectors.joining(", "));
    }

    private static DateTimeFormatter dateOnly(String pattern) {
        return new DateTimeFormatterBuilder().appendPattern(pattern)
                .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    private static DateTimeFormatter withTime(String datePattern, char separator) {
        return new DateTimeFormatterBuilder()
                .appendPattern(datePattern).appendLiteral(separator).appendPattern("HH:mm")
                .optionalStart().appendLiteral(':').appendPattern("ss")
                .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
                .optionalEnd()
                .optionalStart().appendLiteral('Z').optionalEnd()
                .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }
}
