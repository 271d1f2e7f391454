package dev.automl.algorithms.boosting;

import dev.automl.algorithms.Params;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the project's hyperparameter values into the strings a library's parameter parser takes.
 */
final class LibraryParams {

    /** The project's name for the number of boosting rounds, which the learners run themselves. */
    static final String ROUNDS = "n_estimators";

    private LibraryParams() {
    }

    /** Every hyperparameter except the round count, as strings; doubles without exponents. */
    static TreeMap<String, String> fromParams(Params params) {
        TreeMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : params.values().entrySet()) {
            if (!e.getKey().equals(ROUNDS)) {
                out.put(e.getKey(), format(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    static String format(String key, Object value) {
        String s;
        if (value instanceof Double d && Double.isFinite(d)) {
            s = BigDecimal.valueOf(d).toPlainString();
        } else {
            s = value.toString();
        }
        if (s.isEmpty() || s.chars().anyMatch(c -> Character.isWhitespace(c) || c == '=')) {
            throw new IllegalArgumentException("hyperparameter '" + key + "' has a value the library cannot take: '"
                    + s + "'");
        }
        return s;
    }

    /** A seed in the range every library takes (a non-negative 32-bit int). */
    static int seed(long seed) {
        return (int) Math.floorMod(seed, (long) Integer.MAX_VALUE);
    }
}
