package dev.automl.engine.benchmark;

import dev.automl.data.Column;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import dev.automl.data.series.Frequency;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A forecasting dataset split as the M4 competition splits it: each series' last {@code horizon} values are held
 * out, and the AutoML job trains on the rest.
 *
 * @param heldOutSeries each held-out row's series, in the order of {@code trainValues}
 * @param trainValues   each series' training values in time order, which MASE's scale and Naive2 read
 */
record SeriesHoldout(Table train, Table heldOut, int[] heldOutSeries, List<double[]> trainValues) {

    /** Whole-step times are laid on the frequency's grid from here. */
    static final LocalDateTime ORIGIN = LocalDateTime.of(2000, 1, 1, 0, 0);

    static SeriesHoldout of(Table table, String target, BenchmarkDataset.Series s) {
        table = withDates(table, s.time(), s.frequency());
        DateTimeColumn time = (DateTimeColumn) table.column(s.time());
        NumericColumn y = (NumericColumn) table.column(target);
        Map<List<String>, List<Integer>> bySeries = new LinkedHashMap<>();
        for (int r = 0; r < table.rows(); r++) {
            List<String> key = new ArrayList<>();
            for (String g : s.grains()) {
                key.add(table.column(g).text(r));
            }
            bySeries.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> heldOut = new ArrayList<>();
        List<Integer> heldOutSeries = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (List<Integer> rows : bySeries.values()) {
            rows.sort(Comparator.comparingDouble(r -> time.epochSeconds()[r]));
            int cut = rows.size() - s.horizon();
            if (cut < 2) {
                throw new InvalidInputException("A series has " + rows.size() + " rows: too few to hold out the last "
                        + s.horizon() + ".");
            }
            double[] v = new double[cut];
            for (int i = 0; i < rows.size(); i++) {
                if (i < cut) {
                    train.add(rows.get(i));
                    v[i] = y.get(rows.get(i));
                } else {
                    heldOut.add(rows.get(i));
                    heldOutSeries.add(values.size());
                }
            }
            values.add(v);
        }
        return new SeriesHoldout(table.select(ints(train)), table.select(ints(heldOut)), ints(heldOutSeries), values);
    }

    /** The table with a time column of whole steps replaced by dates on the frequency's grid. */
    static Table withDates(Table table, String timeColumn, Frequency f) {
        Column c = table.column(timeColumn);
        if (!(c instanceof NumericColumn steps)) {
            return table;
        }
        LocalDateTime origin = ORIGIN;
        while (!f.onGrid(origin)) {
            origin = origin.plusHours(1);
        }
        double[] epoch = new double[steps.size()];
        for (int r = 0; r < epoch.length; r++) {
            epoch[r] = f.plus(origin, Math.round(steps.get(r))).toEpochSecond(ZoneOffset.UTC);
        }
        return table.with(new DateTimeColumn(timeColumn, epoch));
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
