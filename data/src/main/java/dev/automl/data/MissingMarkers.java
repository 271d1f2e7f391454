package dev.automl.data;

import java.util.List;
import java.util.Set;

/** The field values that mean "missing": the empty field and the markers pandas' read_csv treats as NaN by default. */
final class MissingMarkers {

    static final List<String> PANDAS_DEFAULTS = List.of("NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "None",
            "#N/A", "<NA>", "-NaN", "-nan", "1.#IND", "1.#QNAN", "#NA", "#N/A N/A", "-1.#IND", "-1.#QNAN");

    private static final Set<String> MARKERS = Set.copyOf(PANDAS_DEFAULTS);
    private static final int LONGEST = PANDAS_DEFAULTS.stream().mapToInt(String::length).max().orElseThrow();

    private MissingMarkers() {
    }

    /** Whether a non-empty field is one of the markers; the empty field is handled by the caller (see emptyAsString). */
    static boolean isMarker(String field) {
        // The length test keeps long category values from being hashed a second time.
        return field.length() <= LONGEST && MARKERS.contains(field);
    }
}
