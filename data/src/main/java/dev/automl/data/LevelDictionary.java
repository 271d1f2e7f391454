package dev.automl.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The distinct text values of a column in order of first appearance, each with the row it first appeared on. */
final class LevelDictionary {

    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> levels = new ArrayList<>();
    private final GrowableInts firstRows = new GrowableInts(16);

    /** The code of a value, adding it as a new level first seen at this row if it is new. */
    int codeOf(String value, int row) {
        Integer code = codes.get(value);
        if (code != null) {
            return code;
        }
        int c = levels.size();
        codes.put(value, c);
        levels.add(value);
        firstRows.add(row);
        return c;
    }

    List<String> levels() {
        return levels;
    }

    int firstRow(int code) {
        return firstRows.get(code);
    }

    int size() {
        return levels.size();
    }

    /**
     * Adds the levels of a dictionary built over later rows, keeping first-appearance order, and returns the new
     * code of each of its codes.
     */
    int[] append(LevelDictionary later) {
        int[] remap = new int[later.size()];
        for (int c = 0; c < remap.length; c++) {
            remap[c] = codeOf(later.levels.get(c), later.firstRow(c));
        }
        return remap;
    }
}
