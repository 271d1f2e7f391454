package dev.automl.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A column of strings stored as codes into a dictionary of levels; code -1 marks a missing value.
 * Levels are in order of first appearance, so codes depend only on the data, never on hashing.
 */
public record CategoricalColumn(String name, int[] codes, List<String> levels) implements Column {

    public static final int MISSING = -1;

    public CategoricalColumn {
        levels = List.copyOf(levels);
    }

    @Override
    public ColumnType type() {
        return ColumnType.CATEGORICAL;
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] == MISSING;
    }

    /** The level of a row, or null when missing. */
    public String get(int row) {
        int c = codes[row];
        return c == MISSING ? null : levels.get(c);
    }

    @Override
    public CategoricalColumn select(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = codes[rows[i]];
        }
        return new CategoricalColumn(name, out, levels);
    }

    @Override
    public String text(int row) {
        String s = get(row);
        return s == null ? "" : s;
    }

    /**
     * The levels that are not numbers (nor missing-value markers), in level order, at most {@code limit} of them:
     * when these are few, the column is numbers read as text because of them.
     */
    public List<String> levelsThatAreNotNumbers(int limit) {
        List<String> out = new ArrayList<>();
        for (String level : levels) {
            if (Double.isNaN(NumberParser.parse(level)) && !MissingMarkers.isMarker(level)) {
                out.add(level);
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    /** Levels new to this column are added after its own, so that its codes stay as they were. */
    @Override
    public CategoricalColumn append(Column below) {
        CategoricalColumn other = (CategoricalColumn) below;
        List<String> merged = new ArrayList<>(levels);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            index.put(levels.get(i), i);
        }
        int[] out = Arrays.copyOf(codes, codes.length + other.codes.length);
        for (int i = 0; i < other.codes.length; i++) {
            String level = other.get(i);
            out[codes.length + i] = level == null ? MISSING : index.computeIfAbsent(level, l -> {
                merged.add(l);
                return merged.size() - 1;
            });
        }
        return new CategoricalColumn(name, out, merged);
    }
}
