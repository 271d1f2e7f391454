package dev.automl.featurization.series;

import dev.automl.data.CategoricalColumn;
import dev.automl.data.Column;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;
import dev.automl.data.series.Frequency;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Holiday features from the US calendar, checked against the federal holidays of 2011 and 2012. */
class HolidayFeaturesTest {

    private static final HolidayFeatures US = new HolidayFeatures("us");

    private static DateTimeColumn at(String... days) {
        double[] v = new double[days.length];
        for (int i = 0; i < days.length; i++) {
            v[i] = days[i] == null ? Double.NaN : LocalDate.parse(days[i]).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        }
        return new DateTimeColumn("day", v);
    }

    /** Thanksgiving 2012 is 22 November; Christmas 2011 fell on a Sunday, so the day off was Monday the 26th. */
    @Test
    void dailyRowsGetTheHolidayAndItsName() {
        List<Column> cols = US.derive(at("2012-11-21", "2012-11-22", "2011-12-25", "2011-12-26", null),
                Frequency.parse("D"));
        assertEquals(List.of(HolidayFeatures.HOLIDAY_COLUMN, HolidayFeatures.NAME_COLUMN), US.columns(Frequency.parse("D")));
        double[] holiday = ((NumericColumn) cols.get(0)).values();
        assertArrayEquals(new double[] {0, 1, 0, 1, Double.NaN}, holiday);
        CategoricalColumn names = (CategoricalColumn) cols.get(1);
        assertEquals("(none)", names.text(0));
        assertEquals("Thanksgiving Day", names.text(1));
        assertEquals("(none)", names.text(2));
        assertEquals("Christmas", names.text(3));
        assertTrue(names.isMissing(4));
        assertEquals("US", US.country());
    }

    /**
     * Longer steps count their holidays: January 2012 holds New Year's day off (Monday the 2nd) and Martin Luther King
     * Jr. Day (the 16th); the week of Thanksgiving one; March none.
     */
    @Test
    void longerStepsCountTheirHolidays() {
        Frequency monthly = Frequency.parse("MS");
        assertEquals(List.of(HolidayFeatures.HOLIDAY_COLUMN), US.columns(monthly));
        List<Column> months = US.derive(at("2012-01-01", "2012-03-01", "2012-12-01"), monthly);
        assertArrayEquals(new double[] {2, 0, 1}, ((NumericColumn) months.get(0)).values());
        List<Column> weeks = US.derive(at("2012-11-19", "2012-11-26"), Frequency.parse("W-MON"));
        assertArrayEquals(new double[] {1, 0}, ((NumericColumn) weeks.get(0)).values());
    }

    @Test
    void anUnknownCountryIsNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new HolidayFeatures("Atlantis"));
        assertTrue(e.getMessage().startsWith("forecasting.country_or_region_for_holidays 'Atlantis' is not a country or"
                + " region with a holiday calendar here. Use one of: "), e.getMessage());
        assertTrue(e.getMessage().contains(" US,"), e.getMessage());
        assertTrue(!e.getMessage().contains("NYSE"), e.getMessage());
    }
}
