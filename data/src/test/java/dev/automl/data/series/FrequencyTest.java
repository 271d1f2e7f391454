package dev.automl.data.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.data.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** pandas offset aliases: reading them, stepping along their grids, and finding them in a series' times. */
class FrequencyTest {

    private static LocalDateTime t(String iso) {
        return LocalDateTime.parse(iso.length() == 10 ? iso + "T00:00" : iso);
    }

    private static long[] epochs(String... iso) {
        long[] out = new long[iso.length];
        for (int i = 0; i < iso.length; i++) {
            out[i] = t(iso[i]).toEpochSecond(ZoneOffset.UTC);
        }
        return out;
    }

    @Test
    void readsTheAliasesOfAzuresExampleJobsAndPandasSpellings() {
        assertEquals(Frequency.of(Frequency.Unit.HOUR), Frequency.parse("H"));
        assertEquals(Frequency.of(Frequency.Unit.DAY), Frequency.parse("D"));
        assertEquals(new Frequency(Frequency.Unit.WEEK, 1, DayOfWeek.THURSDAY, null), Frequency.parse("W-THU"));
        assertEquals(new Frequency(Frequency.Unit.WEEK, 1, DayOfWeek.SUNDAY, null), Frequency.parse("W"));
        assertEquals(new Frequency(Frequency.Unit.MINUTE, 15, null, null), Frequency.parse("15min"));
        assertEquals(new Frequency(Frequency.Unit.MINUTE, 15, null, null), Frequency.parse("15T"));
        assertEquals(Frequency.of(Frequency.Unit.MONTH_START), Frequency.parse("MS"));
        assertEquals(Frequency.of(Frequency.Unit.MONTH_END), Frequency.parse("ME"));
        assertEquals(new Frequency(Frequency.Unit.QUARTER_END, 1, null, Month.DECEMBER), Frequency.parse("Q"));
        assertEquals(new Frequency(Frequency.Unit.QUARTER_END, 1, null, Month.NOVEMBER), Frequency.parse("Q-NOV"));
        assertEquals(Frequency.parse("A"), Frequency.parse("Y"));
        assertEquals("W-THU", Frequency.parse("w-thu").alias());
        assertEquals("15min", Frequency.parse("15min").alias());
        assertEquals("Q-NOV", Frequency.parse("Q-NOV").alias());
        assertEquals("Q", Frequency.parse("Q-DEC").alias());
    }

    @Test
    void anAliasItCannotReadIsAnErrorListingTheOnesItCan() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Frequency.parse("fortnightly"));
        assertTrue(e.getMessage().startsWith("'fortnightly' is not a frequency this engine reads. Use a pandas offset alias: S, min"),
                e.getMessage());
        assertThrows(InvalidInputException.class, () -> Frequency.parse("W-XYZ"));
        assertThrows(InvalidInputException.class, () -> Frequency.parse("H-MON"));
        assertThrows(InvalidInputException.class, () -> Frequency.parse("0H"));
    }

    @Test
    void stepsAlongCalendarGrids() {
        assertEquals(t("2024-03-31"), Frequency.parse("M").plus(t("2024-01-31"), 2));
        assertEquals(t("2024-02-29"), Frequency.parse("M").plus(t("2024-01-31"), 1));
        assertEquals(t("2024-04-01"), Frequency.parse("MS").plus(t("2024-01-01"), 3));
        assertEquals(t("2024-06-30"), Frequency.parse("Q").plus(t("2024-03-31"), 1));
        assertEquals(t("2023-12-31"), Frequency.parse("A").plus(t("2024-12-31"), -1));
        assertEquals(t("2024-01-08"), Frequency.parse("B").plus(t("2024-01-05"), 1), "Friday to Monday");
        assertEquals(t("2024-01-01T02:30"), Frequency.parse("15min").plus(t("2024-01-01T00:00"), 10));
        assertEquals(3, Frequency.parse("M").stepsBetween(t("2024-01-31"), t("2024-04-30")));
        assertEquals(4, Frequency.parse("W-THU").stepsBetween(t("2024-01-04"), t("2024-02-01")));
        assertEquals(1, Frequency.parse("B").stepsBetween(t("2024-01-05"), t("2024-01-08")));
        assertEquals(-2, Frequency.parse("2H").stepsBetween(t("2024-01-01T04:00"), t("2024-01-01T00:00")));
    }

    @Test
    void knowsWhichTimesLieOnItsGrid() {
        assertTrue(Frequency.parse("W-THU").onGrid(t("2024-01-04")));
        assertFalse(Frequency.parse("W-THU").onGrid(t("2024-01-05")));
        assertTrue(Frequency.parse("M").onGrid(t("2024-02-29")));
        assertFalse(Frequency.parse("M").onGrid(t("2024-02-28")));
        assertTrue(Frequency.parse("QS").onGrid(t("2024-07-01")));
        assertFalse(Frequency.parse("QS").onGrid(t("2024-08-01")));
        assertFalse(Frequency.parse("B").onGrid(t("2024-01-06")));
    }

    @Test
    void findsTheFrequencyOfASeriesFromItsCommonestGap() {
        assertEquals(Optional.of(Frequency.parse("H")), Frequency.detect(epochs("2024-01-01T00:00", "2024-01-01T01:00",
                "2024-01-01T03:00", "2024-01-01T04:00")), "a missing hour is a gap, not another frequency");
        assertEquals(Optional.of(Frequency.parse("W-THU")), Frequency.detect(epochs("2024-01-04", "2024-01-11", "2024-01-18")));
        assertEquals(Optional.of(Frequency.parse("MS")), Frequency.detect(epochs("1949-01-01", "1949-02-01", "1949-03-01")));
        assertEquals(Optional.of(Frequency.parse("M")), Frequency.detect(epochs("2024-01-31", "2024-02-29", "2024-03-31")));
        assertEquals(Optional.of(Frequency.parse("QS")), Frequency.detect(epochs("2024-04-01", "2024-07-01", "2024-10-01")));
        assertEquals(Optional.of(Frequency.parse("Q-NOV")), Frequency.detect(epochs("2024-02-29", "2024-05-31", "2024-08-31")));
        assertEquals(Optional.of(Frequency.parse("A")), Frequency.detect(epochs("2021-12-31", "2022-12-31", "2023-12-31")));
        assertEquals(Optional.of(Frequency.parse("15min")), Frequency.detect(epochs("2024-01-01T00:00", "2024-01-01T00:15",
                "2024-01-01T00:30")));
        assertEquals(Optional.of(Frequency.parse("B")), Frequency.detect(epochs("2024-01-04", "2024-01-05", "2024-01-08",
                "2024-01-09")));
        assertEquals(Optional.empty(), Frequency.detect(epochs("2024-01-04")));
        assertEquals(Optional.empty(), Frequency.detect(epochs("2024-01-15", "2024-02-15", "2024-03-15")),
                "monthly on the 15th is neither month start nor month end");
    }

    @Test
    void seasonalPeriodsAsRAndM4CountThem() {
        assertEquals(24, Frequency.parse("H").seasonality());
        assertEquals(12, Frequency.parse("2H").seasonality());
        assertEquals(7, Frequency.parse("D").seasonality());
        assertEquals(52, Frequency.parse("W").seasonality());
        assertEquals(12, Frequency.parse("MS").seasonality());
        assertEquals(4, Frequency.parse("Q").seasonality());
        assertEquals(1, Frequency.parse("A").seasonality());
        assertEquals(96, Frequency.parse("15min").seasonality());
        assertEquals(1, Frequency.parse("5H").seasonality(), "five hours do not divide a day");
    }
}
