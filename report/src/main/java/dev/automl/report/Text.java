package dev.automl.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the report writes values read from the run folder as text: numbers to a few digits, lists and objects inline. */
final class Text {

    private Text() {
    }

    /** A JSON value as one line: numbers rounded for reading, arrays joined, objects as key: value pairs. */
    static String of(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "";
        }
        if (v.isNumber()) {
            return number(v.asDouble());
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(e -> parts.add(of(e)));
            return String.join(", ", parts);
        }
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            v.fields().forEachRemaining(e -> parts.add(e.getKey() + ": " + of(e.getValue())));
            return String.join("; ", parts);
        }
        return v.asText();
    }

    /** Whole numbers as they are, others to 4 significant digits (or 4 decimals between 1 and 10,000). */
    static String number(double x) {
        if (!Double.isFinite(x)) {
            return "";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.valueOf((long) x);
        }
        double a = Math.abs(x);
        if (a >= 1e4 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.4g", x);
        }
        return String.format(Locale.ROOT, "%.4f", x);
    }

    /** A CSV cell: numbers as {@link #number}, other text as it is. */
    static String cell(String raw) {
        try {
            return number(Double.parseDouble(raw));
        } catch (NumberFormatException e) {
            return raw;
        }
    }
}
