package dev.automl.data.series;

import dev.automl.data.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often a time series has a value, as a pandas offset alias names it ({@code H}, {@code 15min}, {@code D},
 * {@code W-THU}, {@code MS}, {@code M}, {@code QS}, {@code Q}, {@code A} ...): the grid its times lie on, how to
 * step along it, and the seasonal period a frequency usually has. Times are local date-times read as UTC, as
 * {@link dev.automl.data.DateTimeColumn} keeps them.
 *
 * @param unit     the calendar unit
 * @param multiple how many units one step is (15 for {@code 15min})
 * @param weekday  the day a weekly grid falls on ({@code W} is {@code W-SUN}); null for other units
 * @param month    the month a yearly or quarterly grid is anchored on ({@code Q} is {@code Q-DEC}, the quarter
 *                 ending in December); null for other units
 */
public record Frequency(Unit unit, int multiple, DayOfWeek weekday, Month month) {

    /** The calendar units of pandas' offset aliases that a series can be regular on. */
    public enum Unit {
        SECOND("S"), MINUTE("min"), HOUR("H"), DAY("D"), BUSINESS_DAY("B"), WEEK("W"),
        MONTH_START("MS"), MONTH_END("M"), QUARTER_START("QS"), QUARTER_END("Q"), YEAR_START("AS"), YEAR_END("A");

        private final String alias;

        Unit(String alias) {
            this.alias = alias;
        }

        /** Whether a step has a fixed length in seconds. */
        boolean fixed() {
            return ordinal() <= DAY.ordinal();
        }
    }

    private static final Pattern ALIAS = Pattern.compile("(\\d*)\\s*([A-Za-z]+)(?:-([A-Za-z]{3}))?");
    private static final String[] WEEKDAYS = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
        "NOV", "DEC"};
    /** The aliases this class reads, for error messages. */
    static final String KNOWN = "S, min (or T), H, D, B, W or W-MON ... W-SUN, MS, M (or ME), QS, Q (or QE, Q-DEC ...),"
            + " AS (or YS), A (or Y, YE), each with an optional multiple such as 15min or 2H";

    public Frequency {
        if (multiple < 1) {
            throw new IllegalArgumentException("a frequency's multiple must be at least 1");
        }
        weekday = unit == Unit.WEEK ? (weekday == null ? DayOfWeek.SUNDAY : weekday) : null;
        boolean anchored = unit == Unit.QUARTER_START || unit == Unit.QUARTER_END || unit == Unit.YEAR_START
                || unit == Unit.YEAR_END;
        month = anchored ? (month == null ? defaultMonth(unit) : month) : null;
    }

    private static Month defaultMonth(Unit unit) {
        return unit == Unit.QUARTER_END || unit == Unit.YEAR_END ? Month.DECEMBER : Month.JANUARY;
    }

    /** A frequency of one unit. */
    public static Frequency of(Unit unit) {
        return new Frequency(unit, 1, null, null);
    }

    /**
     * Reads a pandas offset alias, ignoring case where pandas' meaning allows it.
     *
     * @throws InvalidInputException naming the aliases this engine reads, for an alias it does not
     */
    public static Frequency parse(String alias) {
        Matcher m = ALIAS.matcher(alias.trim());
        if (!m.matches()) {
            throw unknown(alias);
        }
        int multiple = m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1));
        String code = m.group(2);
        String anchor = m.group(3) == null ? null : m.group(3).toUpperCase(Locale.ROOT);
        Unit unit = switch (code) {
            case "S", "s" -> Unit.SECOND;
            case "T", "min", "Min", "MIN" -> Unit.MINUTE;
            case "H", "h" -> Unit.HOUR;
            case "D", "d" -> Unit.DAY;
            case "B", "b" -> Unit.BUSINESS_DAY;
            case "W", "w" -> Unit.WEEK;
            case "MS" -> Unit.MONTH_START;
            case "M", "ME" -> Unit.MONTH_END;
            case "QS" -> Unit.QUARTER_START;
            case "Q", "QE" -> Unit.QUARTER_END;
            case "AS", "YS" -> Unit.YEAR_START;
            case "A", "Y", "YE" -> Unit.YEAR_END;
            default -> throw unknown(alias);
        };
        if (multiple < 1) {
            throw unknown(alias);
        }
        DayOfWeek weekday = null;
        Month month = null;
        if (anchor != null) {
            if (unit == Unit.WEEK) {
                int d = Arrays.asList(WEEKDAYS).indexOf(anchor);
                if (d < 0) {
                    throw unknown(alias);
                }
                weekday = DayOfWeek.of(d + 1);
            } else if (unit == Unit.QUARTER_START || unit == Unit.QUARTER_END || unit == Unit.YEAR_START
                    || unit == Unit.YEAR_END) {
                int mo = Arrays.asList(MONTHS).indexOf(anchor);
                if (mo < 0) {
                    throw unknown(alias);
                }
                month = Month.of(mo + 1);
            } else {
                throw unknown(alias);
            }
        }
        return new Frequency(unit, multiple, weekday, month);
    }

    private static InvalidInputException unknown(String alias) {
        return new InvalidInputException("'" + alias + "' is not a frequency this engine reads. Use a pandas offset alias: "
                + KNOWN + ".");
    }

    /** The pandas alias, such as {@code 15min}, {@code W-THU} or {@code Q-DEC}. */
    public String alias() {
        String base = (multiple == 1 ? "" : String.valueOf(multiple)) + unit.alias;
        if (weekday != null) {
            return base + "-" + WEEKDAYS[weekday.getValue() - 1];
        }
        if (month != null && month != defaultMonth(unit)) {
            return base + "-" + MONTHS[month.getValue() - 1];
        }
        return base;
    }

    @Override
    public String toString() {
        return alias();
    }

    /** A step's length in seconds, for the units whose steps have one; 0 for calendar units. */
    long stepSeconds() {
        long unitSeconds = switch (unit) {
            case SECOND -> 1;
            case MINUTE -> 60;
            case HOUR -> 3600;
            case DAY -> 86_400;
            default -> 0;
        };
        return unitSeconds * multiple;
    }

    /**
     * A step's mean length in days, which models that read calendar time (Prophet's yearly and weekly cycles) need:
     * a month is a twelfth of a 365.25-day year, a business day 7/5 of a day.
     */
    public double meanStepDays() {
        double days = switch (unit) {
            case SECOND -> 1.0 / 86_400;
            case MINUTE -> 1.0 / 1_440;
            case HOUR -> 1.0 / 24;
            case DAY -> 1;
            case BUSINESS_DAY -> 7.0 / 5;
            case WEEK -> 7;
            case MONTH_START, MONTH_END -> 365.25 / 12;
            case QUARTER_START, QUARTER_END -> 365.25 / 4;
            case YEAR_START, YEAR_END -> 365.25;
        };
        return days * multiple;
    }

    /**
     * The seasonal period a series of this frequency usually has, in steps, as R's {@code frequency()} of a
     * {@code ts} and M4 count it: 24 hours a day, 7 days a week, 52 weeks, 12 months, 4 quarters; 1 for years. A
     * multiple divides it where it can (2H: 12 a day); a period it does not divide is 1.
     */
    public int seasonality() {
        int base = switch (unit) {
            case SECOND -> 60;
            case MINUTE -> 60 * 24;
            case HOUR -> 24;
            case DAY -> 7;
            case BUSINESS_DAY -> 5;
            case WEEK -> 52;
            case MONTH_START, MONTH_END -> 12;
            case QUARTER_START, QUARTER_END -> 4;
            case YEAR_START, YEAR_END -> 1;
        };
        return base % multiple == 0 ? Math.max(1, base / multiple) : 1;
    }

    /** Whether a time lies on this frequency's grid (the right weekday, month start or end, quarter, ...). */
    public boolean onGrid(LocalDateTime t) {
        return switch (unit) {
            case SECOND, MINUTE, HOUR, DAY -> true;
            case BUSINESS_DAY -> t.getDayOfWeek().getValue() <= 5;
            case WEEK -> t.getDayOfWeek() == weekday;
            case MONTH_START -> t.getDayOfMonth() == 1;
            case MONTH_END -> isMonthEnd(t);
            case QUARTER_START -> t.getDayOfMonth() == 1 && inQuarterOf(t.getMonth());
            case QUARTER_END -> inQuarterOf(t.getMonth())
                    && isMonthEnd(t);
            case YEAR_START -> t.getDayOfMonth() == 1 && t.getMonth() == month;
            case YEAR_END -> t.getMonth() == month
                    && isMonthEnd(t);
        };
    }

    private static boolean isMonthEnd(LocalDateTime t) {
        return t.getDayOfMonth() == t.toLocalDate().lengthOfMonth();
    }

    private boolean inQuarterOf(Month m) {
        return Math.floorMod(m.getValue() - month.getValue(), 3) == 0;
    }

    /** The time {@code steps} steps after {@code t} (before it when negative), keeping the time of day. */
    public LocalDateTime plus(LocalDateTime t, long steps) {
        long n = steps * multiple;
        return switch (unit) {
            case SECOND -> t.plusSeconds(n);
            case MINUTE -> t.plusMinutes(n);
            case HOUR -> t.plusHours(n);
            case DAY -> t.plusDays(n);
            case BUSINESS_DAY -> plusBusinessDays(t, n);
            case WEEK -> t.plusWeeks(n);
            case MONTH_START -> t.plusMonths(n).withDayOfMonth(1);
            case MONTH_END -> endOfMonth(t.plusMonths(n));
            case QUARTER_START -> t.plusMonths(3 * n).withDayOfMonth(1);
            case QUARTER_END -> endOfMonth(t.plusMonths(3 * n));
            case YEAR_START -> t.plusYears(n).withDayOfMonth(1);
            case YEAR_END -> endOfMonth(t.plusYears(n));
        };
    }

    /**
     * How many steps {@code to} lies after {@code from}, both on the grid; the nearest whole number of steps, so
     * that a series' times need not agree to the second.
     */
    public long stepsBetween(LocalDateTime from, LocalDateTime to) {
        if (unit.fixed()) {
            return Math.round(ChronoUnit.SECONDS.between(from, to) / (double) stepSeconds());
        }
        double units = switch (unit) {
            case BUSINESS_DAY -> businessDaysBetween(from.toLocalDate(), to.toLocalDate());
            case WEEK -> ChronoUnit.DAYS.between(from, to) / 7.0;
            case MONTH_START, MONTH_END -> monthsBetween(from, to);
            case QUARTER_START, QUARTER_END -> monthsBetween(from, to) / 3.0;
            default -> monthsBetween(from, to) / 12.0;
        };
        return Math.round(units / multiple);
    }

    private static long monthsBetween(LocalDateTime from, LocalDateTime to) {
        return (to.getYear() - from.getYear()) * 12L + to.getMonthValue() - from.getMonthValue();
    }

    private static LocalDateTime endOfMonth(LocalDateTime t) {
        return t.with(TemporalAdjusters.lastDayOfMonth());
    }

    private static LocalDateTime plusBusinessDays(LocalDateTime t, long n) {
        LocalDateTime out = t;
        long left = Math.abs(n);
        int dir = n < 0 ? -1 : 1;
        while (left > 0) {
            out = out.plusDays(dir);
            if (out.getDayOfWeek().getValue() <= 5) {
                left--;
            }
        }
        return out;
    }

    private static long businessDaysBetween(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        long weeks = Math.floorDiv(days, 7);
        long count = weeks * 5;
        LocalDate d = from.plusWeeks(weeks);
        while (d.isBefore(to)) {
            d = d.plusDays(1);
            if (d.getDayOfWeek().getValue() <= 5) {
                count++;
            }
        }
        return count;
    }

    /**
     * The frequency of sorted, distinct times of one series: the commonest gap between neighbours, named as the
     * unit (and multiple) it is a whole number of, anchored on the first time (its weekday, month start or end).
     * Empty when fewer than two times or no unit fits.
     */
    public static Optional<Frequency> detect(long[] sortedEpochSeconds) {
        if (sortedEpochSeconds.length < 2) {
            return Optional.empty();
        }
        long[] gaps = new long[sortedEpochSeconds.length - 1];
        for (int i = 1; i < sortedEpochSeconds.length; i++) {
            gaps[i - 1] = sortedEpochSeconds[i] - sortedEpochSeconds[i - 1];
        }
        long gap = commonest(gaps);
        if (gap <= 0) {
            return Optional.empty();
        }
        LocalDateTime first = LocalDateTime.ofEpochSecond(sortedEpochSeconds[0], 0, ZoneOffset.UTC);
        long day = 86_400;
        if (gap >= 28 * day && gap <= 31 * day || gap >= 89 * day && gap <= 92 * day || gap >= 365 * day && gap <= 366 * day) {
            boolean start = first.getDayOfMonth() == 1;
            boolean end = isMonthEnd(first);
            if (!start && !end) {
                return Optional.empty();
            }
            Month anchor = first.getMonth();
            if (gap <= 31 * day) {
                return Optional.of(of(start ? Unit.MONTH_START : Unit.MONTH_END));
            }
            if (gap <= 92 * day) {
                // A quarter ending in March, June, September or December is Q-DEC, as pandas names it.
                Month q = start ? Month.of((anchor.getValue() - 1) % 3 + 1) : Month.of((anchor.getValue() - 1) % 3 + 10);
                return Optional.of(new Frequency(start ? Unit.QUARTER_START : Unit.QUARTER_END, 1, null, q));
            }
            return Optional.of(new Frequency(start ? Unit.YEAR_START : Unit.YEAR_END, 1, null, anchor));
        }
        if (gap == day && weekdaysOnly(sortedEpochSeconds) && Arrays.stream(gaps).anyMatch(g -> g == 3 * day)) {
            return Optional.of(of(Unit.BUSINESS_DAY)); // Friday to Monday is one business day
        }
        if (gap % (7 * day) == 0) {
            return Optional.of(new Frequency(Unit.WEEK, (int) (gap / (7 * day)), first.getDayOfWeek(), null));
        }
        for (Unit u : new Unit[] {Unit.DAY, Unit.HOUR, Unit.MINUTE, Unit.SECOND}) {
            long s = of(u).stepSeconds();
            if (gap % s == 0 && gap / s <= Integer.MAX_VALUE) {
                return Optional.of(new Frequency(u, (int) (gap / s), null, null));
            }
        }
        return Optional.empty();
    }

    private static boolean weekdaysOnly(long[] epochSeconds) {
        for (long t : epochSeconds) {
            if (LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC).getDayOfWeek().getValue() > 5) {
                return false;
            }
        }
        return true;
    }

    /** The most frequent value; the smallest of equally frequent ones. */
    private static long commonest(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        long best = sorted[0];
        int bestCount = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            if (j - i > bestCount) {
                best = sorted[i];
                bestCount = j - i;
            }
            i = j;
        }
        return best;
    }
}
