package dev.automl.data;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The date and time layouts a column can be read as, in the order they are tried; a column takes the first layout
 * that parses all of its values, so that one column never mixes day-first and month-first dates.
 *
 * <p>That order decides {@code 01/02/2009}: a column whose values all read both as {@code MM/dd/yyyy} and as
 * {@code dd/MM/yyyy} is month-first (January 2), while one value with a day above 12 in the first field (
 * {@code 16/01/2009}) makes the whole column day-first. Month names ({@code MMM}) are English, full or their first
 * three letters, in any case; a layout always needs the day, month and year, so that words such as {@code May} or
 * {@code Jan} in a category column are never dates. A time is read as UTC, less its offset when it has one (ISO
 * only); without an offset the local time is read as UTC.
 *
 * <p>Values are read by hand rather than with java.time: detection tries every text column's distinct values, and
 * a failed java.time parse costs an exception each.
 */
enum DateTimeLayout {
    ISO("yyyy-MM-dd[(T| )HH:mm[:ss[.SSS]][Z|+hh:mm]]") {
        @Override
        double read(Scan s) {
            int y = s.digits(4, 4);
            s.expect('-');
            int m = s.digits(2, 2);
            s.expect('-');
            int d = s.digits(2, 2);
            if (s.skip('T') || s.skip(' ')) {
                s.time(2, true);
                s.offset();
            }
            return s.epochSeconds(y, m, d);
        }
    },
    SLASHED_YEAR_FIRST("yyyy/MM/dd[ HH:mm[:ss]]") {
        @Override
        double read(Scan s) {
            int y = s.digits(4, 4);
            s.expect('/');
            int m = s.digits(1, 2);
            s.expect('/');
            int d = s.digits(1, 2);
            s.optionalTime();
            return s.epochSeconds(y, m, d);
        }
    },
    SLASHED_MONTH_FIRST("MM/dd/yyyy[ HH:mm[:ss]]") {
        @Override
        double read(Scan s) {
            int m = s.digits(1, 2);
            s.expect('/');
            int d = s.digits(1, 2);
            s.expect('/');
            int y = s.digits(4, 4);
            s.optionalTime();
            return s.epochSeconds(y, m, d);
        }
    },
    SLASHED_DAY_FIRST("dd/MM/yyyy[ HH:mm[:ss]]") {
        @Override
        double read(Scan s) {
            return dayMonthYear(s, '/');
        }
    },
    DOTTED_DAY_FIRST("dd.MM.yyyy[ HH:mm[:ss]]") {
        @Override
        double read(Scan s) {
            return dayMonthYear(s, '.');
        }
    },
    MONTH_NAME_FIRST("MMM dd[,] yyyy[ HH:mm[:ss]]") {
        @Override
        boolean mayRead(String t) {
            return Scan.startsWithMonth(t);
        }

        @Override
        double read(Scan s) {
            int m = s.monthName();
            s.spaces();
            int d = s.digits(1, 2);
            if (s.skip(',')) {
                s.optionalSpaces();
            } else {
                s.spaces();
            }
            int y = s.digits(4, 4);
            s.optionalTime();
            return s.epochSeconds(y, m, d);
        }
    },
    DAY_MONTH_NAME("dd MMM yyyy[ HH:mm[:ss]]") {
        @Override
        boolean mayRead(String t) {
            return Scan.dayThenMonth(t, ' ');
        }

        @Override
        double read(Scan s) {
            int d = s.digits(1, 2);
            s.spaces();
            int m = s.monthName();
            s.spaces();
            int y = s.digits(4, 4);
            s.optionalTime();
            return s.epochSeconds(y, m, d);
        }
    },
    DASHED_MONTH_NAME("dd-MMM-yyyy[ HH:mm[:ss]]") {
        @Override
        boolean mayRead(String t) {
            return Scan.dayThenMonth(t, '-');
        }

        @Override
        double read(Scan s) {
            int d = s.digits(1, 2);
            s.expect('-');
            int m = s.monthName();
            s.expect('-');
            int y = s.digits(4, 4);
            s.optionalTime();
            return s.epochSeconds(y, m, d);
        }
    };

    /** A value that shares no layout with the values before it: its index, and their layout (null: none reads it). */
    record Mismatch(int index, DateTimeLayout expected) {
    }

    private final String display;

    DateTimeLayout(String display) {
        this.display = display;
    }

    /** The layout as users write it, e.g. {@code yyyy-MM-dd}. */
    String display() {
        return display;
    }

    /** Seconds since 1970-01-01T00:00 UTC; NaN when the text is not in this layout. */
    double epochSeconds(String text) {
        String t = text.strip();
        // Nearly every category value fails here, before anything is scanned.
        if (t.isEmpty() || !mayRead(t)) {
            return Double.NaN;
        }
        return read(new Scan(t));
    }

    boolean parses(String text) {
        return !Double.isNaN(epochSeconds(text));
    }

    /** A cheap test that rules out most texts not in this layout: here, a leading digit. */
    boolean mayRead(String t) {
        char c = t.charAt(0);
        return c >= '0' && c <= '9';
    }

    /** The seconds of the text the scan holds, or NaN. */
    abstract double read(Scan s);

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

    /** Whether any layout reads the text. */
    static boolean readsAny(String text) {
        for (DateTimeLayout layout : values()) {
            if (layout.parses(text)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value to blame when no layout parses all values, if so. The layout that reads the longest run of leading
     * values is taken as the one meant, and the value ending that run is blamed.
     */
    static Optional<Mismatch> mismatch(List<String> values) {
        if (values.isEmpty() || detect(values).isPresent()) {
            return Optional.empty();
        }
        DateTimeLayout meant = null;
        int run = 0;
        for (DateTimeLayout layout : values()) {
            int n = layout.leadingRun(values);
            if (n > run) {
                meant = layout;
                run = n;
            }
        }
        return Optional.of(new Mismatch(run, readsAny(values.get(run)) ? meant : null));
    }

    /** All layouts, for error messages. */
    static String allDisplayed() {
        return Arrays.stream(values()).map(DateTimeLayout::display).collect(Collectors.joining(", "))
                + " (MMM: Jan or January)";
    }

    private int leadingRun(List<String> values) {
        int n = 0;
        while (n < values.size() && parses(values.get(n))) {
            n++;
        }
        return n;
    }

    private static double dayMonthYear(Scan s, char separator) {
        int d = s.digits(1, 2);
        s.expect(separator);
        int m = s.digits(1, 2);
        s.expect(separator);
        int y = s.digits(4, 4);
        s.optionalTime();
        return s.epochSeconds(y, m, d);
    }

    /**
     * Reads a text from left to right. A read that does not fit marks the scan failed and returns -1; later reads
     * then do nothing, so that a layout reads its fields in a row and checks once, in {@link #epochSeconds}.
     */
    static final class Scan {

        private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
                "august", "september", "october", "november", "december"};

        private final String text;
        private int pos;
        private boolean failed;
        private int secondOfDay;
        private int nanos;
        private int offsetSeconds;

        Scan(String text) {
            this.text = text;
        }

        /** A number of min to max digits. */
        int digits(int min, int max) {
            int start = pos;
            int value = 0;
            while (!failed && pos < text.length() && pos - start < max && isDigit(text.charAt(pos))) {
                value = value * 10 + text.charAt(pos++) - '0';
            }
            return check(pos - start >= min) ? value : -1;
        }

        void expect(char c) {
            check(skip(c));
        }

        /** Steps over c if it comes next; false (and no failure) if not. */
        boolean skip(char c) {
            if (!failed && pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        /** One or more spaces. */
        void spaces() {
            check(skip(' '));
            optionalSpaces();
        }

        void optionalSpaces() {
            while (skip(' ')) {
                // any further spaces
            }
        }

        /** A month's English name or its first three letters, in any case, as 1 to 12. */
        int monthName() {
            int start = pos;
            while (!failed && pos < text.length() && isLetter(text.charAt(pos))) {
                pos++;
            }
            int length = pos - start;
            for (int m = 0; m < MONTHS.length && !failed; m++) {
                boolean named = length == 3 || length == MONTHS[m].length();
                if (named && text.regionMatches(true, start, MONTHS[m], 0, length)) {
                    return m + 1;
                }
            }
            check(false);
            return -1;
        }

        /** HH:mm[:ss], the hour in minHourDigits to 2 digits, and [.S...] after the seconds when withFraction. */
        void time(int minHourDigits, boolean withFraction) {
            int h = digits(minHourDigits, 2);
            expect(':');
            int m = digits(2, 2);
            int s = 0;
            if (skip(':')) {
                s = digits(2, 2);
                if (withFraction) {
                    fraction();
                }
            }
            if (check(h <= 23 && m <= 59 && s <= 59)) {
                secondOfDay = h * 3600 + m * 60 + s;
            }
        }

        /** [ HH:mm[:ss]] after a date. */
        void optionalTime() {
            if (!failed && pos < text.length()) {
                spaces();
                time(1, false);
            }
        }

        /** [.S...], 1 to 9 digits of a second. */
        private void fraction() {
            if (!skip('.')) {
                return;
            }
            int start = pos;
            int value = digits(1, 9);
            for (int i = pos - start; i < 9 && !failed; i++) {
                value *= 10;
            }
            nanos = Math.max(value, 0);
        }

        /** [Z|+hh[[:]mm]|-hh[[:]mm]]. */
        void offset() {
            if (skip('Z')) {
                return;
            }
            int sign = skip('+') ? 1 : skip('-') ? -1 : 0;
            if (sign == 0) {
                return;
            }
            int h = digits(2, 2);
            int m = skip(':') || (pos < text.length() && isDigit(text.charAt(pos))) ? digits(2, 2) : 0;
            if (check(h <= 18 && m <= 59)) {
                offsetSeconds = sign * (h * 3600 + m * 60);
            }
        }

        /** The instant read, or NaN when a read failed, text is left over or the date does not exist. */
        double epochSeconds(int year, int month, int day) {
            if (failed || pos != text.length() || year < 0 || month < 1 || month > 12 || day < 1
                    || day > Month.of(month).length(Year.isLeap(year))) {
                return Double.NaN;
            }
            long whole = LocalDate.of(year, month, day).toEpochDay() * 86_400L + secondOfDay - offsetSeconds;
            return whole + nanos / 1e9;
        }

        /** Whether t starts with the first three letters of a month's name. */
        static boolean startsWithMonth(String t) {
            if (t.length() < 3 || !isLetter(t.charAt(0))) {
                return false;
            }
            for (String month : MONTHS) {
                if (t.regionMatches(true, 0, month, 0, 3)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether t starts with a day of 1 or 2 digits, the separator and a letter. */
        static boolean dayThenMonth(String t, char separator) {
            int i = 0;
            while (i < 2 && i < t.length() && isDigit(t.charAt(i))) {
                i++;
            }
            return i > 0 && i + 1 < t.length() && t.charAt(i) == separator && isLetter(t.charAt(i + 1));
        }

        private boolean check(boolean fits) {
            failed |= !fits;
            return !failed;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
    }
}
