package dev.automl.data.series;

import dev.automl.data.CategoricalColumn;
import dev.automl.data.Column;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.DateTimes;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A forecasting job's training rows as regular time series: sorted by series (in order of first appearance) and
 * time, one row per step of the frequency from each series' first value to its last. Gaps become rows whose
 * target is filled (carried forward from the step before by default, as Azure fills them; see {@link TargetFill})
 * and whose other columns are missing;
 * with an aggregate function, rows of one step are combined; without one, two rows of a series at one time are
 * an error naming them.
 *
 * @param table   every column of the input, rows regularised
 * @param index   where each series starts and when
 * @param repairs what regularising changed, for the guardrails
 */
public record SeriesTable(Layout layout, Table table, Frequency frequency, Index index, Repairs repairs) {

    /**
     * Which columns make the series.
     *
     * @param grainColumns the time series id columns; empty for one series
     */
    public record Layout(String timeColumn, List<String> grainColumns, String targetColumn) {
        public Layout {
            grainColumns = List.copyOf(grainColumns);
        }
    }

    /**
     * Where each series lies in the table: rows {@code starts[s]} to {@code starts[s + 1] - 1}, the first at
     * {@code firstTimes[s]} (epoch seconds, local time read as UTC).
     *
     * @param keys each series' grain values, as text, in the order of the layout's grain columns
     */
    public record Index(int[] starts, long[] firstTimes, List<List<String>> keys) {
        public Index {
            keys = List.copyOf(keys);
        }
    }

    /**
     * @param filledSteps      rows added for steps a series had no row at
     * @param imputedTargets   targets filled: the filled steps and rows whose target was missing
     * @param droppedOffGrid   rows left out because their time was off the frequency's grid
     * @param aggregatedRows   input rows combined into fewer by the aggregate function
     * @param droppedLeading   rows before a series' first target value, left out
     */
    public record Repairs(int filledSteps, int imputedTargets, int droppedOffGrid, int aggregatedRows,
                          int droppedLeading) {
    }

    /**
     * How a series' missing targets (its gaps, and rows without a target) are filled: carried forward from the step
     * before, Azure's default; a constant; or the mean or median of the series' own targets.
     *
     * @param value the constant; NaN for the other kinds
     */
    public record TargetFill(Kind kind, double value) {

        /** The ways of filling a missing target. */
        public enum Kind { FORWARD, CONSTANT, MEAN, MEDIAN }

        /** Azure's default: the previous step's target. */
        public static final TargetFill FORWARD = new TargetFill(Kind.FORWARD, Double.NaN);

        public TargetFill {
            if (kind == Kind.CONSTANT && !Double.isFinite(value)) {
                throw new IllegalArgumentException("a constant fill needs a finite value");
            }
        }

        /** The value of one series' missing steps, given its targets (NaN where missing); NaN for forward filling. */
        double of(List<Double> targets) {
            double[] known = targets.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted()
                    .toArray();
            return switch (kind) {
                case FORWARD -> Double.NaN;
                case CONSTANT -> value;
                case MEAN -> Arrays.stream(known).average().orElse(Double.NaN);
                case MEDIAN -> known.length % 2 == 1 ? known[known.length / 2]
                        : (known[known.length / 2 - 1] + known[known.length / 2]) / 2;
            };
        }
    }

    /** How {@code target_aggregate_function} combines the rows of one step. */
    public enum Aggregate {
        SUM, MAX, MIN, MEAN;

        double apply(double[] values, int n) {
            double out = this == SUM || this == MEAN ? 0 : this == MAX ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                out = switch (this) {
                    case SUM, MEAN -> out + values[i];
                    case MAX -> Math.max(out, values[i]);
                    case MIN -> Math.min(out, values[i]);
                };
            }
            return this == MEAN ? out / n : out;
        }
    }

    /** Azure keeps a frequency whose grid holds at least this share of the times, leaving out the others. */
    static final double ON_GRID_SHARE = 0.9;

    public int seriesCount() {
        return index.starts().length - 1;
    }

    public int rows() {
        return table.rows();
    }

    /** How many steps series {@code s} has. */
    public int length(int s) {
        return index.starts()[s + 1] - index.starts()[s];
    }

    /** The series of a row. */
    public int seriesOf(int row) {
        int s = Arrays.binarySearch(index.starts(), row);
        return s >= 0 ? Math.min(s, seriesCount() - 1) : -s - 2;
    }

    /** A row's step within its series, from 0. */
    public int stepOf(int row) {
        return row - index.starts()[seriesOf(row)];
    }

    /** The time of step {@code step} of series {@code s}; steps past the series' end are its future. */
    public LocalDateTime timeAt(int s, long step) {
        return frequency.plus(LocalDateTime.ofEpochSecond(index.firstTimes()[s], 0, ZoneOffset.UTC), step);
    }

    /** The target of every row, gaps filled. */
    public double[] target() {
        return ((NumericColumn) table.column(layout.targetColumn())).values();
    }

    /** A series' grain values, {@code Store=2, Brand=dominicks}; the empty string for the only series. */
    public String describe(int s) {
        List<String> parts = new ArrayList<>();
        for (int g = 0; g < layout.grainColumns().size(); g++) {
            parts.add(layout.grainColumns().get(g) + "=" + index.keys().get(s).get(g));
        }
        return String.join(", ", parts);
    }

    /** The table with only the given series (ascending indices), renumbered from 0 in the same order. */
    public SeriesTable keep(int[] kept) {
        List<Integer> rows = new ArrayList<>();
        int[] starts = new int[kept.length + 1];
        long[] firsts = new long[kept.length];
        List<List<String>> keys = new ArrayList<>();
        for (int i = 0; i < kept.length; i++) {
            int s = kept[i];
            starts[i] = rows.size();
            firsts[i] = index.firstTimes()[s];
            keys.add(index.keys().get(s));
            for (int r = index.starts()[s]; r < index.starts()[s + 1]; r++) {
                rows.add(r);
            }
        }
        starts[kept.length] = rows.size();
        return new SeriesTable(layout, table.select(rows.stream().mapToInt(Integer::intValue).toArray()), frequency,
                new Index(starts, firsts, keys), repairs);
    }

    /**
     * Regularises a table of training rows.
     *
     * @param frequency the job's frequency, or null to find it in the times
     * @param aggregate combines the rows of a step, or null when a step may have one row only
     * @throws InvalidInputException naming the column, row or series at fault
     */
    public static SeriesTable of(Table input, Layout layout, Frequency frequency, Aggregate aggregate) {
        return of(input, layout, frequency, aggregate, TargetFill.FORWARD);
    }

    /**
     * Regularises a table of training rows, filling missing targets as {@code fill} says.
     *
     * @see #of(Table, Layout, Frequency, Aggregate)
     */
    public static SeriesTable of(Table input, Layout layout, Frequency frequency, Aggregate aggregate,
                                 TargetFill fill) {
        return new Builder(input, layout, aggregate, fill).build(frequency);
    }

    /** The steps of one series: its grid times and, for each, the input rows at that step. */
    private record Steps(long[] times, List<int[]> rows) {
    }

    private static final class Builder {
        private final Table input;
        private final Layout layout;
        private final Aggregate aggregate;
        private final TargetFill fill;
        private final DateTimeColumn time;
        private final NumericColumn target;
        private final List<List<String>> keys = new ArrayList<>();
        private final List<List<Integer>> rowsOf = new ArrayList<>();
        private int droppedOffGrid;
        private int aggregated;

        Builder(Table input, Layout layout, Aggregate aggregate, TargetFill fill) {
            this.input = input;
            this.fill = fill;
            this.layout = layout;
            this.aggregate = aggregate;
            this.time = timeColumn(input, layout.timeColumn());
            Column t = input.require(layout.targetColumn(), "target_column_name", "training_data");
            if (!(t instanceof NumericColumn n)) {
                throw new InvalidInputException("The target column '" + layout.targetColumn() + "' of a forecasting job"
                        + " must hold numbers; it was read as " + t.type().name().toLowerCase(Locale.ROOT) + ".");
            }
            this.target = n;
            for (String g : layout.grainColumns()) {
                input.require(g, "forecasting.time_series_id_column_names", "training_data");
            }
        }

        SeriesTable build(Frequency given) {
            if (aggregate != null && given == null) {
                throw new InvalidInputException("forecasting.target_aggregate_function needs forecasting.frequency: the"
                        + " frequency to combine the rows to.");
            }
            groupBySeries();
            Frequency f = given != null ? given : detect();
            List<Steps> series = new ArrayList<>();
            for (int s = 0; s < keys.size(); s++) {
                series.add(steps(s, f));
            }
            return assemble(f, series);
        }

        private void groupBySeries() {
            Map<List<String>, Integer> seen = new HashMap<>();
            for (int r = 0; r < input.rows(); r++) {
                if (time.isMissing(r)) {
                    throw new InvalidInputException("Row " + (r + 1) + " has no time in the time column '"
                            + layout.timeColumn() + "': every row of a forecasting job needs one.");
                }
                List<String> key = new ArrayList<>();
                for (String g : layout.grainColumns()) {
                    key.add(input.column(g).text(r));
                }
                Integer s = seen.get(key);
                if (s == null) {
                    s = keys.size();
                    seen.put(key, s);
                    keys.add(List.copyOf(key));
                    rowsOf.add(new ArrayList<>());
                }
                rowsOf.get(s).add(r);
            }
            if (keys.isEmpty()) {
                throw new InvalidInputException("training_data has no rows to forecast from.");
            }
        }

        /** The frequency most series show; an error asking for forecasting.frequency when none shows one. */
        private Frequency detect() {
            Map<Frequency, Integer> votes = new LinkedHashMap<>();
            for (List<Integer> rows : rowsOf) {
                long[] times = rows.stream().mapToLong(r -> epoch(time.epochSeconds()[r])).sorted().distinct().toArray();
                Frequency.detect(times).ifPresent(f -> votes.merge(f, 1, Integer::sum));
            }
            Optional<Map.Entry<Frequency, Integer>> best = votes.entrySet().stream()
                    .reduce((a, b) -> b.getValue() > a.getValue() ? b : a);
            return best.map(Map.Entry::getKey).orElseThrow(() -> new InvalidInputException("Cannot tell how often the"
                    + " time column '" + layout.timeColumn() + "' has a value (no series has two times a regular step"
                    + " apart). Name it with forecasting.frequency, as a pandas offset alias: " + Frequency.KNOWN + "."));
        }

        private Steps steps(int s, Frequency f) {
            List<Integer> rows = rowsOf.get(s);
            long[] gridTimes = new long[rows.size()];
            boolean[] keep = new boolean[rows.size()];
            int kept = 0;
            LocalDateTime origin = null;
            for (int i = 0; i < rows.size(); i++) {
                LocalDateTime t = at(epoch(time.epochSeconds()[rows.get(i)]));
                LocalDateTime g = aggregate != null ? snap(f, t) : t;
                if (f.onGrid(g) && (origin == null || g.isBefore(origin))) {
                    origin = g;
                }
                gridTimes[i] = g.toEpochSecond(ZoneOffset.UTC);
            }
            for (int i = 0; i < rows.size() && origin != null; i++) {
                LocalDateTime g = at(gridTimes[i]);
                keep[i] = f.onGrid(g) && f.plus(origin, f.stepsBetween(origin, g)).equals(g);
                kept += keep[i] ? 1 : 0;
            }
            if (kept < ON_GRID_SHARE * rows.size()) {
                int bad = 0;
                while (keep[bad]) {
                    bad++;
                }
                throw new InvalidInputException(where(s) + "only " + kept + " of " + rows.size() + " times lie on the "
                        + f.alias() + " grid (row " + (rows.get(bad) + 1) + " has " + at(gridTimes[bad]) + "). Set"
                        + " forecasting.frequency to the data's own, or give target_aggregate_function to combine rows.");
            }
            droppedOffGrid += rows.size() - kept;
            // Steps in time order; the rows of a step in input order.
            TreeMap<Long, List<Integer>> byStep = new TreeMap<>();
            for (int i = 0; i < rows.size(); i++) {
                if (keep[i]) {
                    byStep.computeIfAbsent(f.stepsBetween(origin, at(gridTimes[i])), k -> new ArrayList<>()).add(rows.get(i));
                }
            }
            long last = byStep.lastKey();
            long[] times = new long[(int) last + 1];
            List<int[]> stepRows = new ArrayList<>();
            for (long k = 0; k <= last; k++) {
                times[(int) k] = f.plus(origin, k).toEpochSecond(ZoneOffset.UTC);
                List<Integer> at = byStep.getOrDefault(k, List.of());
                if (at.size() > 1 && aggregate == null) {
                    throw new InvalidInputException(where(s) + "rows " + (at.get(0) + 1) + " and " + (at.get(1) + 1)
                            + " have the same time " + at(times[(int) k]) + ". Each series needs one row per time; give"
                            + " forecasting.target_aggregate_function (sum, max, min or mean) to combine them.");
                }
                aggregated += Math.max(0, at.size() - 1);
                stepRows.add(at.stream().mapToInt(Integer::intValue).toArray());
            }
            return new Steps(times, stepRows);
        }

        private SeriesTable assemble(Frequency f, List<Steps> series) {
            List<Integer> starts = new ArrayList<>();
            List<Long> firsts = new ArrayList<>();
            List<List<String>> kept = new ArrayList<>();
            List<int[]> sources = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            int filled = 0;
            int imputed = 0;
            int leading = 0;
            double[] buffer = new double[16];
            for (int s = 0; s < series.size(); s++) {
                Steps st = series.get(s);
                int first = 0;
                while (first < st.rows().size() && Double.isNaN(targetOf(st.rows().get(first), buffer))) {
                    leading += st.rows().get(first).length;
                    first++;
                }
                if (first == st.rows().size()) {
                    continue; // no target at all: nothing to learn from or forecast
                }
                starts.add(y.size());
                firsts.add(st.times()[first]);
                kept.add(keys.get(s));
                List<Double> targets = new ArrayList<>();
                for (int k = first; k < st.rows().size(); k++) {
                    targets.add(targetOf(st.rows().get(k), buffer));
                }
                double missing = fill.of(targets);
                double previous = Double.NaN;
                for (int k = first; k < st.rows().size(); k++) {
                    int[] rows = st.rows().get(k);
                    double v = targets.get(k - first);
                    if (rows.length == 0) {
                        filled++;
                    }
                    if (Double.isNaN(v)) {
                        v = fill.kind() == TargetFill.Kind.FORWARD ? previous : missing;
                        imputed++;
                    }
                    previous = v;
                    y.add(v);
                    times.add(st.times()[k]);
                    sources.add(rows);
                }
            }
            if (kept.isEmpty()) {
                throw new InvalidInputException("The target column '" + layout.targetColumn() + "' has no values.");
            }
            starts.add(y.size());
            List<Column> columns = new ArrayList<>();
            for (Column c : input.columns()) {
                if (c.name().equals(layout.timeColumn())) {
                    columns.add(new DateTimeColumn(c.name(), times.stream().mapToDouble(Long::doubleValue).toArray()));
                } else if (c.name().equals(layout.targetColumn())) {
                    columns.add(new NumericColumn(c.name(), y.stream().mapToDouble(Double::doubleValue).toArray()));
                } else if (layout.grainColumns().contains(c.name())) {
                    columns.add(grain(c, sources, starts));
                } else {
                    columns.add(combined(c, sources));
                }
            }
            Index index = new Index(starts.stream().mapToInt(Integer::intValue).toArray(),
                    firsts.stream().mapToLong(Long::longValue).toArray(), kept);
            return new SeriesTable(layout, new Table(columns), f, index,
                    new Repairs(filled, imputed, droppedOffGrid, aggregated, leading));
        }

        /** The target of a step: its row's, or its rows' combined; NaN for none. */
        private double targetOf(int[] rows, double[] buffer) {
            int n = 0;
            double[] values = rows.length <= buffer.length ? buffer : new double[rows.length];
            for (int r : rows) {
                double v = target.get(r);
                if (!Double.isNaN(v)) {
                    values[n++] = v;
                }
            }
            if (n == 0) {
                return Double.NaN;
            }
            return aggregate == null ? values[0] : aggregate.apply(values, n);
        }

        /** A grain column: every row of a series, filled steps too, holds the series' value. */
        private Column grain(Column c, List<int[]> sources, List<Integer> starts) {
            int[] from = new int[sources.size()];
            for (int s = 0; s + 1 < starts.size(); s++) {
                int any = -1;
                for (int r = starts.get(s); r < starts.get(s + 1) && any < 0; r++) {
                    any = sources.get(r).length > 0 ? sources.get(r)[0] : -1;
                }
                for (int r = starts.get(s); r < starts.get(s + 1); r++) {
                    from[r] = any;
                }
            }
            return c.select(from);
        }

        /** Another column: a step's row's value, or its rows' mean (numbers), commonest (categories) or earliest (dates). */
        private static Column combined(Column c, List<int[]> sources) {
            int n = sources.size();
            if (c instanceof NumericColumn num) {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = mean(num.values(), sources.get(i));
                }
                return new NumericColumn(c.name(), out);
            }
            if (c instanceof DateTimeColumn d) {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    double min = Double.NaN;
                    for (int r : sources.get(i)) {
                        double v = d.epochSeconds()[r];
                        min = Double.isNaN(min) || v < min ? v : min;
                    }
                    out[i] = min;
                }
                return new DateTimeColumn(c.name(), out);
            }
            CategoricalColumn k = (CategoricalColumn) c;
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = commonest(k.codes(), sources.get(i));
            }
            return new CategoricalColumn(c.name(), out, k.levels());
        }

        private static double mean(double[] values, int[] rows) {
            double sum = 0;
            int n = 0;
            for (int r : rows) {
                if (!Double.isNaN(values[r])) {
                    sum += values[r];
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }

        private static int commonest(int[] codes, int[] rows) {
            int best = CategoricalColumn.MISSING;
            int bestCount = 0;
            for (int i = 0; i < rows.length; i++) {
                int code = codes[rows[i]];
                if (code == CategoricalColumn.MISSING) {
                    continue;
                }
                int count = 0;
                for (int r : rows) {
                    count += codes[r] == code ? 1 : 0;
                }
                if (count > bestCount) {
                    best = code;
                    bestCount = count;
                }
            }
            return best;
        }

        private String where(int s) {
            List<String> parts = new ArrayList<>();
            for (int g = 0; g < layout.grainColumns().size(); g++) {
                parts.add(layout.grainColumns().get(g) + "=" + keys.get(s).get(g));
            }
            return parts.isEmpty() ? "In the time column '" + layout.timeColumn() + "', "
                    : "In the series " + String.join(", ", parts) + ", ";
        }
    }

    /**
     * The grid time of the period a time falls in: the period's start for fixed units (an hour, a day) and
     * start-anchored ones (a month's first day), its end for end-anchored ones (pandas labels a week by the day it
     * ends on, a month by its last day).
     */
    static LocalDateTime snap(Frequency f, LocalDateTime t) {
        long step = f.stepSeconds();
        if (step > 0) {
            return at(Math.floorDiv(t.toEpochSecond(ZoneOffset.UTC), step) * step);
        }
        boolean end = f.unit() == Frequency.Unit.WEEK || f.unit() == Frequency.Unit.MONTH_END
                || f.unit() == Frequency.Unit.QUARTER_END || f.unit() == Frequency.Unit.YEAR_END;
        LocalDateTime day = t.toLocalDate().atStartOfDay();
        for (int i = 0; i <= 366; i++) {
            LocalDateTime candidate = end ? day.plusDays(i) : day.minusDays(i);
            if (f.onGrid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + f.alias() + " grid day within a year of " + t);
    }

    private static LocalDateTime at(long epochSeconds) {
        return LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
    }

    private static long epoch(double epochSeconds) {
        return Math.round(epochSeconds);
    }

    private static DateTimeColumn timeColumn(Table input, String name) {
        Column c = input.require(name, "forecasting.time_column_name", "training_data");
        if (c instanceof DateTimeColumn d) {
            return d;
        }
        int bad = DateTimes.firstUnreadable(c);
        throw new InvalidInputException("The time column '" + name + "' was not read as dates or times"
                + (bad < 0 ? " (its values mix layouts)" : ": row " + (bad + 1) + " holds '" + c.text(bad) + "'")
                + ". Write its times in one of the layouts " + DateTimes.layouts() + ", or give their layout in the MLTable"
                + " with convert_column_types (column_type: datetime, formats).");
    }
}
