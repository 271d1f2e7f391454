package dev.automl.algorithms;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable set of hyperparameter values (numbers, strings, booleans, or lists of them, as an ensemble's
 * members and weights) keyed by the learner's own names,
 * kept sorted so that its JSON form and its equality do not depend on insertion order.
 */
public record Params(SortedMap<String, Object> values) {

    private static final Params EMPTY = new Params(new TreeMap<>());

    public Params {
        TreeMap<String, Object> copy = new TreeMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            copy.put(e.getKey(), normalise(e.getKey(), e.getValue()));
        }
        values = Collections.unmodifiableSortedMap(copy);
    }

    public static Params empty() {
        return EMPTY;
    }

    /** Params from alternating keys and values: {@code Params.of("num_leaves", 31, "learning_rate", 0.05)}. */
    public static Params of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate");
        }
        TreeMap<String, Object> m = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Params(m);
    }

    public static Params of(Map<String, ?> map) {
        return new Params(new TreeMap<>(map));
    }

    private static Object normalise(String key, Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float) {
            return ((Float) v).doubleValue();
        }
        if (v instanceof Long || v instanceof Double || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof java.util.List<?> list) {
            return list.stream().map(item -> {
                if (item instanceof java.util.List<?>) {
                    throw new IllegalArgumentException("hyperparameter '" + key + "' has a nested list");
                }
                return normalise(key, item);
            }).toList();
        }
        throw new IllegalArgumentException("hyperparameter '" + key + "' has unsupported value " + v);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** A copy with one value set. */
    public Params with(String key, Object value) {
        TreeMap<String, Object> m = new TreeMap<>(values);
        m.put(key, value);
        return new Params(m);
    }

    /** A copy where the other's values override these. */
    public Params merge(Params other) {
        TreeMap<String, Object> m = new TreeMap<>(values);
        m.putAll(other.values);
        return new Params(m);
    }

    public int getInt(String key, int dflt) {
        Object v = values.get(key);
        return v == null ? dflt : (int) Math.round(((Number) v).doubleValue());
    }

    public double getDouble(String key, double dflt) {
        Object v = values.get(key);
        return v == null ? dflt : ((Number) v).doubleValue();
    }

    public String getString(String key, String dflt) {
        Object v = values.get(key);
        return v == null ? dflt : v.toString();
    }

    public boolean getBoolean(String key, boolean dflt) {
        Object v = values.get(key);
        return v == null ? dflt : (Boolean) v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
