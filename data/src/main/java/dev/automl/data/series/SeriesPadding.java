package dev.automl.data.series;

import dev.automl.data.CategoricalColumn;
import dev.automl.data.Column;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Rows that lengthen short series at their start, as Azure's {@code short_series_handling_config: pad} does: each
 * padded step holds the series' median target with a little noise (a standard deviation of 5e-5 of the median, and
 * never below 0 for a series whose median is not), 0 in the other numeric columns, the earliest time in other time
 * columns, and no value in the categorical ones.
 */
public final class SeriesPadding {

    /** Azure's noise, relative to the median, so that a padded stretch is not exactly constant. */
    static final double NOISE = 5e-5;

    private SeriesPadding() {
    }

    /**
     * The rows to add before each series shorter than {@code length} steps, in the table's columns; an empty table
     * when none is short. The noise is seeded by each series' position, so a job pads the same way every run.
     */
    public static Table rows(SeriesTable table, int length) {
        SeriesTable.Layout layout = table.layout();
        List<int[]> padded = new ArrayList<>(); // {series, steps to add}
        int total = 0;
        for (int s = 0; s < table.seriesCount(); s++) {
            int missing = length - table.length(s);
            if (missing > 0) {
                padded.add(new int[] {s, missing});
                total += missing;
            }
        }
        double[] target = table.target();
        List<Column> columns = new ArrayList<>();
        for (Column c : table.table().columns()) {
            String name = c.name();
            int grain = layout.grainColumns().indexOf(name);
            if (name.equals(layout.timeColumn())) {
                double[] times = new double[total];
                int r = 0;
                for (int[] p : padded) {
                    for (int k = p[1]; k >= 1; k--) {
                        LocalDateTime t = table.timeAt(p[0], -k);
                        times[r++] = t.toEpochSecond(ZoneOffset.UTC);
                    }
                }
                columns.add(new DateTimeColumn(name, times));
            } else if (grain >= 0) {
                columns.add(grainColumn(c, padded, total, table.index().keys(), grain));
            } else if (name.equals(layout.targetColumn())) {
                double[] v = new double[total];
                int r = 0;
                for (int[] p : padded) {
                    int start = table.index().starts()[p[0]];
                    double median = median(Arrays.copyOfRange(target, start, start + table.length(p[0])));
                    double sd = median == 0 ? NOISE : Math.abs(median) * NOISE;
                    Random noise = new Random(0x5EED_0000L + p[0]);
                    for (int k = 0; k < p[1]; k++) {
                        double x = median + sd * noise.nextGaussian();
                        v[r++] = median >= 0 ? Math.max(0, x) : x;
                    }
                }
                columns.add(new NumericColumn(name, v));
            } else if (c instanceof NumericColumn) {
                columns.add(new NumericColumn(name, new double[total]));
            } else if (c instanceof DateTimeColumn d) {
                double earliest = Arrays.stream(d.epochSeconds()).filter(x -> !Double.isNaN(x)).min().orElse(Double.NaN);
                double[] v = new double[total];
                Arrays.fill(v, earliest);
                columns.add(new DateTimeColumn(name, v));
            } else {
                int[] codes = new int[total];
                Arrays.fill(codes, CategoricalColumn.MISSING);
                columns.add(new CategoricalColumn(name, codes, List.of()));
            }
        }
        return new Table(columns);
    }

    /** A grain column of the padded rows: each row its series' value, typed as the column was read. */
    private static Column grainColumn(Column c, List<int[]> padded, int total, List<List<String>> keys, int grain) {
        if (c instanceof NumericColumn) {
            double[] v = new double[total];
            int r = 0;
            for (int[] p : padded) {
                String key = keys.get(p[0]).get(grain);
                for (int k = 0; k < p[1]; k++) {
                    v[r++] = key.isEmpty() ? Double.NaN : Double.parseDouble(key);
                }
            }
            return new NumericColumn(c.name(), v);
        }
        List<String> levels = new ArrayList<>();
        int[] codes = new int[total];
        int r = 0;
        for (int[] p : padded) {
            String key = keys.get(p[0]).get(grain);
            int code = levels.indexOf(key);
            if (code < 0) {
                levels.add(key);
                code = levels.size() - 1;
            }
            for (int k = 0; k < p[1]; k++) {
                codes[r++] = code;
            }
        }
        return new CategoricalColumn(c.name(), codes, levels);
    }

    private static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return 0;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
