package dev.automl.featurization.series;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import dev.automl.data.CategoricalColumn;
import dev.automl.data.Column;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;
import dev.automl.data.series.Frequency;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The holiday features of {@code country_or_region_for_holidays}, from Jollyday's public holiday calendars: for a
 * series at most daily, whether a row's day is a holiday (the observed day off, such as the Monday after a Sunday
 * Christmas) and which one; for longer steps, how many holidays the step holds.
 *
 * @param country the calendar's code, such as {@code US} or {@code GB}
 */
public record HolidayFeatures(@JsonProperty("country") String country) {

    /** The derived column counting a row's holidays: 0 or 1 for a day or shorter, up to a step's for longer steps. */
    public static final String HOLIDAY_COLUMN = "_holiday";
    /** The derived column naming a daily or shorter row's holiday; {@link #NO_HOLIDAY} on other days. */
    public static final String NAME_COLUMN = "_holiday_name";
    /** The holiday name of a day that is none: a level of its own, so that no holiday's name stands in for it. */
    public static final String NO_HOLIDAY = "(none)";

    public HolidayFeatures {
        String code = country == null ? "" : country.trim().toUpperCase(Locale.ROOT);
        Set<String> known = new TreeSet<>(HolidayManager.getSupportedCalendarCodes());
        known.removeIf(c -> c.length() != 2); // exchange calendars (NYSE, TARGET, ...) are not countries
        if (!known.contains(code)) {
            throw new InvalidInputException("forecasting.country_or_region_for_holidays '" + country + "' is not a"
                    + " country or region with a holiday calendar here. Use one of: " + String.join(", ", known) + ".");
        }
        country = code;
    }

    /** The columns {@link #derive} adds for a series of this frequency. */
    @JsonIgnore
    public List<String> columns(Frequency frequency) {
        return daily(frequency) ? List.of(HOLIDAY_COLUMN, NAME_COLUMN) : List.of(HOLIDAY_COLUMN);
    }

    /** The holiday columns of rows at the given times (missing times give missing features). */
    public List<Column> derive(DateTimeColumn times, Frequency frequency) {
        int n = times.size();
        LocalDate first = null;
        LocalDate last = null;
        for (int r = 0; r < n; r++) {
            if (!times.isMissing(r)) {
                LocalDate d = date(times.epochSeconds()[r]);
                first = first == null || d.isBefore(first) ? d : first;
                last = last == null || d.isAfter(last) ? d : last;
            }
        }
        Map<LocalDate, String> holidays = new HashMap<>();
        if (first != null) {
            LocalDate end = daily(frequency) ? last
                    : frequency.plus(last.atStartOfDay(), 1).toLocalDate().minusDays(1);
            HolidayManager calendar = HolidayManager.getInstance(ManagerParameters.create(country));
            for (Holiday h : new TreeSet<>(calendar.getHolidays(first, end))) {
                holidays.merge(h.getDate(), h.getDescription(Locale.ENGLISH), (a, b) -> a + " / " + b);
            }
        }
        double[] count = new double[n];
        List<String> levels = new ArrayList<>(List.of(NO_HOLIDAY));
        levels.addAll(new TreeSet<>(holidays.values()));
        int[] names = new int[n];
        for (int r = 0; r < n; r++) {
            names[r] = CategoricalColumn.MISSING;
            if (times.isMissing(r)) {
                count[r] = Double.NaN;
                continue;
            }
            LocalDate d = date(times.epochSeconds()[r]);
            if (daily(frequency)) {
                String name = holidays.get(d);
                count[r] = name == null ? 0 : 1;
                names[r] = levels.indexOf(name == null ? NO_HOLIDAY : name);
            } else {
                LocalDate next = frequency.plus(d.atStartOfDay(), 1).toLocalDate();
                for (LocalDate day = d; day.isBefore(next); day = day.plusDays(1)) {
                    count[r] += holidays.containsKey(day) ? 1 : 0;
                }
            }
        }
        List<Column> out = new ArrayList<>(List.of(new NumericColumn(HOLIDAY_COLUMN, count)));
        if (daily(frequency)) {
            out.add(new CategoricalColumn(NAME_COLUMN, names, levels));
        }
        return out;
    }

    private static boolean daily(Frequency frequency) {
        return frequency.meanStepDays() <= 1
                || frequency.unit() == Frequency.Unit.BUSINESS_DAY && frequency.multiple() == 1;
    }

    private static LocalDate date(double epochSeconds) {
        return LocalDateTime.ofEpochSecond((long) epochSeconds, 0, ZoneOffset.UTC).toLocalDate();
    }
}
