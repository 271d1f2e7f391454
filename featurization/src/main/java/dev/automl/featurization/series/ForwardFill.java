package dev.automl.featurization.series;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.data.Column;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import dev.automl.data.series.SeriesTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code ffill} imputer of a forecasting job: a missing value of a numeric column takes its series' last known
 * value. New rows continue from where each series' training values left off, so a price known last week fills this
 * week's gap at prediction as it did in training. What it cannot fill (a series' steps before its first value) is
 * left to the column's numeric imputer.
 *
 * @param columns the columns filled
 * @param last    per series, each column's last known training value (NaN when it had none)
 */
public record ForwardFill(@JsonProperty("columns") List<String> columns, @JsonProperty("last") List<double[]> last) {

    public ForwardFill {
        columns = List.copyOf(columns);
        last = last.stream().map(double[]::clone).toList();
    }

    /** Fills nothing. */
    public static ForwardFill none() {
        return new ForwardFill(List.of(), List.of());
    }

    /**
     * Fits on a job's regularised training rows: each series' last known value of each column.
     *
     * @throws InvalidInputException when a column is not numeric
     */
    public static ForwardFill fit(SeriesTable table, List<String> columns) {
        for (String c : columns) {
            Column column = table.table().require(c, "featurization.transformer_params.imputer", "training_data");
            if (!(column instanceof NumericColumn)) {
                throw new InvalidInputException("The ffill imputer applies to numeric columns; '" + c + "' was read as "
                        + column.type().name().toLowerCase(java.util.Locale.ROOT) + ". Use most_frequent or constant.");
            }
        }
        List<double[]> last = new ArrayList<>();
        for (int s = 0; s < table.seriesCount(); s++) {
            int start = table.index().starts()[s];
            int end = start + table.length(s);
            double[] values = new double[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                double[] v = ((NumericColumn) table.table().column(columns.get(c))).values();
                values[c] = Double.NaN;
                for (int r = end - 1; r >= start; r--) {
                    if (!Double.isNaN(v[r])) {
                        values[c] = v[r];
                        break;
                    }
                }
            }
            last.add(values);
        }
        return new ForwardFill(columns, last);
    }

    /** The training rows, filled within each series: they come sorted by series and step. */
    public Table applyToTraining(SeriesTable table) {
        int n = table.rows();
        int[] series = new int[n];
        long[] steps = new long[n];
        for (int s = 0; s < table.seriesCount(); s++) {
            int start = table.index().starts()[s];
            for (int j = 0; j < table.length(s); j++) {
                series[start + j] = s;
                steps[start + j] = j;
            }
        }
        return apply(table.table(), series, steps, false);
    }

    /** New rows placed in their series, filled in time order from their series' last training values on. */
    public Table applyToNew(Table raw, int[] series, long[] steps) {
        return apply(raw, series, steps, true);
    }

    private Table apply(Table t, int[] series, long[] steps, boolean fromTraining) {
        if (columns.isEmpty()) {
            return t;
        }
        Integer[] order = new Integer[t.rows()];
        Arrays.setAll(order, r -> r);
        Arrays.sort(order, Comparator.<Integer>comparingInt(r -> series[r]).thenComparingLong(r -> steps[r]));
        Table out = t;
        for (int c = 0; c < columns.size(); c++) {
            Column column = t.column(columns.get(c));
            if (!(column instanceof NumericColumn numeric)) {
                continue; // absent from new rows (or not numeric there): the featurizer reports what it needs
            }
            double[] v = numeric.values().clone();
            double carried = Double.NaN;
            for (int i = 0; i < order.length; i++) {
                int r = order[i];
                if (i == 0 || series[r] != series[order[i - 1]]) {
                    carried = fromTraining && series[r] < last.size() ? last.get(series[r])[c] : Double.NaN;
                }
                if (Double.isNaN(v[r])) {
                    v[r] = carried;
                } else {
                    carried = v[r];
                }
            }
            out = out.with(new NumericColumn(column.name(), v));
        }
        return out;
    }
}
