package dev.automl.data;

import java.util.List;

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
}
