package dev.automl.algorithms;

/**
 * Additive per-feature contributions to a model's predictions (SHAP values), in the model's margin: for each row
 * and output, the base value plus the row's contributions is the margin the model gives it (the raw score before a
 * link: log-odds of class 1 for a binary booster, each class's score for a multiclass one, each class's
 * probability for a forest, which averages probabilities, the value for regression).
 *
 * @param rows     how many rows
 * @param features how many features (the columns of the matrix explained)
 * @param outputs  how many margins per row: 1 for regression and binary classification, the classes otherwise;
 *                 forests, whose margin is each class's probability, give every class, binary included
 * @param values   row-major: the contribution of feature {@code j} to output {@code k} of row {@code r} at
 *                 {@code (r * outputs + k) * features + j}
 * @param base     each output's expected margin, which every row's contributions start from
 */
public record Contributions(int rows, int features, int outputs, double[] values, double[] base) {

    public Contributions {
        if ((long) rows * outputs * features != values.length || base.length != outputs) {
            throw new IllegalArgumentException("expected " + (long) rows * outputs * features + " contributions and "
                    + outputs + " base values, got " + values.length + " and " + base.length);
        }
    }

    public double value(int row, int output, int feature) {
        return values[(row * outputs + output) * features + feature];
    }

    /** The margin a row's contributions add up to for an output. */
    public double margin(int row, int output) {
        double sum = base[output];
        for (int j = 0; j < features; j++) {
            sum += value(row, output, j);
        }
        return sum;
    }
}
