package dev.automl.engine.explain;

import java.util.List;

/**
 * Each raw column's contribution to each row's outputs: the row's output is its base plus the row's contributions.
 *
 * @param outputs how many outputs per row: 1 for regression and for a binary model's log-odds, else one per class
 * @param columns the raw columns
 * @param values  row-major: column {@code c}'s contribution to output {@code k} of row {@code r} at
 *                {@code (r * outputs + k) * columns + c}
 * @param base    each output's base value, which every row's contributions start from
 * @param method  how they were computed: exact (SHAP, in the model's margin) or sampled (in its probabilities or
 *                values)
 */
public record RawContributions(int rows, int outputs, List<String> columns, double[] values, double[] base,
                               Explanation.Method method) {

    public RawContributions {
        columns = List.copyOf(columns);
        if ((long) rows * outputs * columns.size() != values.length || base.length != outputs) {
            throw new IllegalArgumentException("expected " + (long) rows * outputs * columns.size()
                    + " contributions and " + outputs + " base values, got " + values.length + " and "
                    + base.length);
        }
    }

    public double value(int row, int output, int column) {
        return values[(row * outputs + output) * columns.size() + column];
    }

    /**
     * A row's contributions towards one class (or the value, for regression): for a binary model with one output
     * (the log-odds of the second class) the first class's are its negation.
     */
    public double[] towards(int row, int classIndex) {
        int k = outputs == 1 ? 0 : classIndex;
        double sign = outputs == 1 && classIndex == 0 && method == Explanation.Method.SHAP ? -1 : 1;
        double[] out = new double[columns.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = sign * value(row, k, c);
        }
        return out;
    }
}
