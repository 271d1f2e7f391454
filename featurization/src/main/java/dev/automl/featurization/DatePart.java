package dev.automl.featurization;

import java.time.LocalDateTime;
import java.time.temporal.IsoFields;

/** One calendar component extracted from a date or timestamp column. */
public enum DatePart {
    YEAR,
    MONTH,
    DAY,
    DAY_OF_WEEK,
    DAY_OF_YEAR,
    QUARTER,
    WEEK_OF_YEAR,
    HOUR,
    MINUTE,
    SECOND;

    public double of(LocalDateTime t) {
        return switch (this) {
            case YEAR -> t.getYear();
            case MONTH -> t.getMonthValue();
            case DAY -> t.getDayOfMonth();
            case DAY_OF_WEEK -> t.getDayOfWeek().getValue() - 1; // Monday = 0, as pandas
            case DAY_OF_YEAR -> t.getDayOfYear();
            case QUARTER -> (t.getMonthValue() - 1) / 3 + 1;
            case WEEK_OF_YEAR -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case HOUR -> t.getHour();
            case MINUTE -> t.getMinute();
            case SECOND -> t.getSecond();
        };
    }

    public String suffix() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
