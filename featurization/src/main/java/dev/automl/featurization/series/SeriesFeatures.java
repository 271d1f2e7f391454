package dev.automl.featurization.series;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.data.CategoricalColumn;
import dev.automl.data.Column;
import dev.automl.data.ColumnType;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import dev.automl.data.series.Frequency;
import dev.automl.data.series.SeriesTable;
import dev.automl.featurization.ColumnPurpose;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The columns a forecasting job derives from its series, for its training rows and for new rows: each row's series
 * and step, and the target's lags and rolling mean. Every derived value reaches back at least {@code horizon} steps,
 * so all features of a forecast up to {@code horizon} steps ahead are known at its origin, and validation rows
 * never see their own window's targets. It keeps each series' last values, which new rows' lags read.
 *
 * @param frequency the series' frequency, as its pandas alias
 * @param lags      the lags, in steps back from the row (each at least {@code horizon})
 * @param window    the rolling mean's width in steps, ending {@code horizon} steps back; 0 for none
 * @param series    each series: its key and where its training values end
 * @param fill      the columns the job's {@code ffill} imputer carries forward within each series
 * @param holidays  the holiday calendar whose features rows get; null for none
 * @param covariates the lags of numeric covariates ({@code feature_lags}, {@code features_unknown_at_forecast_time})
 * @param relative  whether the target's lags and rolling mean are given relative to the row's anchor (its series'
 *                  value {@code horizon} steps back) in units of its series' scale, with the anchor and scale as
 *                  columns of their own, so that a global model learns changes that hold across series of any size
 *                  and level instead of levels it cannot extrapolate
 * @param stl       the target's season and trend features ({@code use_stl}); null for none
 */
public record SeriesFeatures(@JsonProperty("layout") Layout layout, @JsonProperty("frequency") String frequency,
                             @JsonProperty("horizon") int horizon, @JsonProperty("lags") List<Integer> lags,
                             @JsonProperty("window") int window, @JsonProperty("series") List<History> series,
                             @JsonProperty("forward_fill") ForwardFill fill,
                             @JsonProperty("holidays") HolidayFeatures holidays,
                             @JsonProperty("covariate_lags") CovariateLags covariates,
                             @JsonProperty("relative") boolean relative,
                             @JsonProperty("stl") StlFeatures stl) {

    /** The derived column holding a row's series index, 0 for the first series of the training data. */
    public static final String SERIES_COLUMN = "_series_index";
    /** The derived column holding a row's step within its series, 0 for the series' first training time. */
    public static final String STEP_COLUMN = "_series_step";
    /**
     * The derived column holding a row's actual value where the data to forecast gives it (a rolling forecast's
     * context), for the series models to take in before forecasting the rows after it; empty in training.
     */
    public static final String KNOWN_COLUMN = "_series_known";
    /** The derived column holding a row's anchor: its series' last value known {@code horizon} steps back. */
    public static final String ANCHOR_COLUMN = "_series_anchor";
    /** The derived column holding a row's series' scale: the mean absolute step of its early training values. */
    public static final String SCALE_COLUMN = "_series_scale";

    /**
     * Which columns make the series.
     *
     * @param grainColumns the time series id columns; empty for one series
     */
    public record Layout(@JsonProperty("time") String timeColumn, @JsonProperty("grains") List<String> grainColumns,
                         @JsonProperty("target") String targetColumn) {
        public Layout {
            grainColumns = List.copyOf(grainColumns);
        }
    }

    /**
     * One series as training left it.
     *
     * @param key       its grain values, as text, in the layout's order
     * @param firstTime its first training time, epoch seconds of the local time read as UTC
     * @param lastStep  the step of its last training value
     * @param tail      its last training values, the last one at {@code lastStep}
     * @param scale     the unit its relative lags are given in (see {@link #relative})
     */
    public record History(@JsonProperty("key") List<String> key, @JsonProperty("first_time") long firstTime,
                          @JsonProperty("last_step") long lastStep, @JsonProperty("tail") double[] tail,
                          @JsonProperty("scale") double scale) {
        public History {
            key = List.copyOf(key);
        }

        /** The training value at a step, or NaN when it is older than the tail or in the future. */
        double valueAt(long step) {
            long back = lastStep - step;
            return back < 0 || back >= tail.length ? Double.NaN : tail[(int) (tail.length - 1 - back)];
        }
    }

    public SeriesFeatures {
        fill = fill == null ? ForwardFill.none() : fill; // models saved before ffill existed
        covariates = covariates == null ? CovariateLags.none() : covariates;
        lags = List.copyOf(lags);
        series = List.copyOf(series);
        for (int k : lags) {
            if (k < horizon) {
                throw new IllegalArgumentException("lag " + k + " is shorter than the horizon " + horizon);
            }
        }
    }

    /**
     * The lags {@code target_lags: auto} means: the three steps just far enough back for the horizon, and the first
     * three of the season's steps at least that far back, so a seasonal series sees the same point of its last
     * seasons (on M4 hourly, lags 72 and 96 beside 48-50 took the global models' validation NRMSE from 0.088 to 0.081).
     */
    public static List<Integer> autoLags(int horizon, int seasonality) {
        TreeSet<Integer> lags = new TreeSet<>(List.of(horizon, horizon + 1, horizon + 2));
        if (seasonality > 1) {
            int first = (horizon + seasonality - 1) / seasonality * seasonality;
            for (int k = 0; k < 3; k++) {
                lags.add(first + k * seasonality);
            }
        }
        return List.copyOf(lags);
    }

    /**
     * The lags a job's {@code target_lags} list means: Azure counts a lag back from the forecast's origin, so lag
     * {@code k} of a row {@code horizon} steps ahead lies {@code k + horizon - 1} steps back from the row.
     */
    public static List<Integer> fromOrigin(List<Integer> lags, int horizon) {
        return lags.stream().map(k -> k + horizon - 1).distinct().sorted().toList();
    }

    /** Fits on a job's regularised training rows, keeping as many of each series' last values as lags reach back. */
    public static SeriesFeatures fit(SeriesTable table, int horizon, List<Integer> lags, int window) {
        return fit(table, horizon, lags, window, List.of(), null, List.of(), false, 0, null);
    }

    /**
     * Fits as {@link #fit(SeriesTable, int, List, int)}, with the numeric columns the job's {@code ffill} imputer
     * names, the holiday calendar, if any, and the numeric covariates to lag (at the target's lags, or the horizon
     * without them).
     *
     * @param relative whether lags are relative to each row's anchor (see {@link #relative}); only with lags or a
     *                 rolling mean
     * @param reserved how many of each series' last values validation holds out: the scale is measured before them
     * @param stl      the season and trend features; null for none
     */
    public static SeriesFeatures fit(SeriesTable table, int horizon, List<Integer> lags, int window,
                                     List<String> forwardFilled, HolidayFeatures holidays, List<String> lagged,
                                     boolean relative, int reserved, StlFeatures stl) {
        int depth = Math.max(lags.stream().mapToInt(Integer::intValue).max().orElse(0), window == 0 ? 0 : horizon + window - 1);
        double[] y = table.target();
        List<History> series = new ArrayList<>();
        for (int s = 0; s < table.seriesCount(); s++) {
            int start = table.index().starts()[s];
            int n = table.length(s);
            int keep = Math.min(depth, n);
            series.add(new History(table.index().keys().get(s), table.index().firstTimes()[s], n - 1L,
                    Arrays.copyOfRange(y, start + n - keep, start + n), scale(y, start, Math.max(2, n - reserved))));
        }
        SeriesTable.Layout l = table.layout();
        return new SeriesFeatures(new Layout(l.timeColumn(), l.grainColumns(), l.targetColumn()),
                table.frequency().alias(), horizon, lags, window, series, ForwardFill.fit(table, forwardFilled),
                holidays, CovariateLags.fit(table, lagged, lags.isEmpty() ? List.of(horizon) : lags),
                relative && (!lags.isEmpty() || window > 0), stl);
    }

    /**
     * A series' unit for its relative lags: the mean absolute step between its first {@code n} known values, or their
     * mean absolute value when they never move, or 1 when they are all 0 or unknown.
     */
    static double scale(double[] y, int start, int n) {
        double steps = 0;
        int stepCount = 0;
        double level = 0;
        int levelCount = 0;
        double previous = Double.NaN;
        for (int t = start; t < Math.min(y.length, start + n); t++) {
            if (Double.isNaN(y[t])) {
                continue;
            }
            level += Math.abs(y[t]);
            levelCount++;
            if (!Double.isNaN(previous)) {
                steps += Math.abs(y[t] - previous);
                stepCount++;
            }
            previous = y[t];
        }
        if (stepCount > 0 && steps > 0) {
            return steps / stepCount;
        }
        return levelCount > 0 && level > 0 ? level / levelCount : 1;
    }

    /** The derived columns made from the target's own history: the anchor, lags, rolling window and STL parts. */
    @JsonIgnore
    public List<String> targetHistoryColumns() {
        List<String> derived = derivedColumns();
        List<String> out = new ArrayList<>();
        if (relative) {
            out.add(ANCHOR_COLUMN);
        }
        for (int k : lags) {
            out.add(lagName(k));
        }
        if (window > 0) {
            out.add(windowName());
        }
        if (stl != null) {
            out.addAll(stl.columns());
        }
        out.retainAll(derived);
        return out;
    }

    /** The derived columns' names, in the order {@link #derive} adds them. */
    @JsonIgnore
    public List<String> derivedColumns() {
        List<String> out = new ArrayList<>(List.of(SERIES_COLUMN, STEP_COLUMN, KNOWN_COLUMN));
        if (relative) {
            out.addAll(List.of(ANCHOR_COLUMN, SCALE_COLUMN));
        }
        for (int k : lags) {
            if (!(relative && k == horizon)) { // relative to the anchor, the lag at the horizon is 0
                out.add(lagName(k));
            }
        }
        if (window > 0) {
            out.add(windowName());
        }
        if (stl != null) {
            out.addAll(stl.columns());
        }
        if (holidays != null) {
            out.addAll(holidays.columns(parsedFrequency()));
        }
        out.addAll(covariates.names());
        return out;
    }

    /** What the featurizer must do with each derived column. */
    @JsonIgnore
    public Map<String, ColumnPurpose> purposes() {
        Map<String, ColumnPurpose> out = new LinkedHashMap<>();
        out.put(SERIES_COLUMN, ColumnPurpose.SERIES_INDEX);
        out.put(STEP_COLUMN, ColumnPurpose.SERIES_STEP);
        out.put(KNOWN_COLUMN, ColumnPurpose.SERIES_KNOWN);
        int own = 3;
        if (relative) {
            out.put(ANCHOR_COLUMN, ColumnPurpose.SERIES_BASE);
            out.put(SCALE_COLUMN, ColumnPurpose.SERIES_BASE);
            own = 5;
        }
        // Holiday features and covariates' lags are ordinary features: a running number's lag is still an ID.
        for (String c : derivedColumns().subList(own, derivedColumns().size())) {
            if ((holidays == null || !holidays.columns(parsedFrequency()).contains(c)) && !covariates.names().contains(c)) {
                out.put(c, ColumnPurpose.TARGET_HISTORY);
            }
        }
        return out;
    }

    /** Whether new rows need the target's recent values: a model with lags or a rolling mean forecasts from them. */
    @JsonIgnore
    public boolean readsRecentValues() {
        return !lags.isEmpty() || window > 0;
    }

    @JsonIgnore
    public Frequency parsedFrequency() {
        return Frequency.parse(frequency);
    }

    private String lagName(int k) {
        return layout.targetColumn() + "_lag" + k;
    }

    private String windowName() {
        return layout.targetColumn() + "_mean" + window + "_lag" + horizon;
    }

    /** The training table with the derived columns added after its own. */
    public Table derive(SeriesTable table) {
        int n = table.rows();
        double[] y = table.target();
        double[] index = new double[n];
        double[] step = new double[n];
        for (int s = 0; s < table.seriesCount(); s++) {
            int start = table.index().starts()[s];
            for (int j = 0; j < table.length(s); j++) {
                index[start + j] = s;
                step[start + j] = j;
            }
        }
        double[] scales = series.stream().mapToDouble(History::scale).toArray();
        double[] known = new double[n];
        Arrays.fill(known, Double.NaN); // a validation row's model must not see its fold's values
        double[][] decomposed = stl == null ? null : stl.training(table);
        return withDerived(fill.applyToTraining(table), index, step, known, covariates.training(table), scales, decomposed,
                (row, back) -> {
            int s = (int) index[row];
            long at = (long) step[row] - back;
            return at < 0 ? Double.NaN : y[table.index().starts()[s] + (int) at];
        });
    }

    /**
     * New rows (test data, data to forecast) with the derived columns added. A row's lags read its series' training
     * values and, after them, the target values the rows themselves hold (the context a rolling forecast gives).
     *
     * @throws InvalidInputException naming the row: its series is unknown, its time is missing, off the grid or not
     *                               after the training data, or its lags reach values that are neither in training
     *                               nor in the rows given
     */
    public Table derive(Table raw) {
        Placement p = place(raw);
        if (readsRecentValues()) {
            checkReach(raw, p);
        }
        double[] index = new double[p.series().length];
        double[] step = new double[index.length];
        for (int r = 0; r < index.length; r++) {
            index[r] = p.series()[r];
            step[r] = p.steps()[r];
        }
        long[] lastSteps = series.stream().mapToLong(History::lastStep).toArray();
        Table filled = fill.applyToNew(raw, p.series(), p.steps());
        double[] scales = series.stream().mapToDouble(History::scale).toArray();
        double[] known = new double[index.length];
        for (int r = 0; r < known.length; r++) {
            known[r] = p.context().getOrDefault(p.series()[r], Map.of()).getOrDefault(p.steps()[r], Double.NaN);
        }
        double[][] decomposed = stl == null ? null : stl.forNew(p.series(), p.steps());
        return withDerived(filled, index, step, known, covariates.forNew(filled, p.series(), p.steps(), lastSteps),
                scales, decomposed, (row, back) -> {
            int s = p.series()[row];
            long at = p.steps()[row] - back;
            History h = series.get(s);
            if (at <= h.lastStep()) {
                return h.valueAt(at);
            }
            return p.context().getOrDefault(s, Map.of()).getOrDefault(at, Double.NaN);
        });
    }

    /**
     * Where new rows lie in the training series.
     *
     * @param series  each row's series index
     * @param steps   each row's step in its series
     * @param ahead   each row's steps after its series' training end
     * @param context the actual target values the rows give after their series' training end, by series and step
     */
    public record Placement(int[] series, long[] steps, long[] ahead, Map<Integer, Map<Long, Double>> context) {
    }

    /**
     * Places new rows in their series by their grain and time columns.
     *
     * @throws InvalidInputException naming the row: its series is unknown, or its time is missing, off the grid or
     *                               not after the training data
     */
    public Placement place(Table raw) {
        Frequency f = parsedFrequency();
        int n = raw.rows();
        Column timeColumn = raw.require(layout.timeColumn(), "forecasting.time_column_name", "the data");
        if (!(timeColumn instanceof DateTimeColumn time)) {
            throw new InvalidInputException("The time column '" + layout.timeColumn() + "' does not hold dates or times.");
        }
        List<Column> grains = new ArrayList<>();
        for (String g : layout.grainColumns()) {
            grains.add(raw.require(g, "forecasting.time_series_id_column_names", "the data"));
        }
        Map<List<String>, Integer> byKey = new HashMap<>();
        for (int s = 0; s < series.size(); s++) {
            byKey.put(series.get(s).key(), s);
        }
        int[] index = new int[n];
        long[] step = new long[n];
        for (int r = 0; r < n; r++) {
            List<String> key = new ArrayList<>();
            for (Column g : grains) {
                key.add(g.text(r));
            }
            Integer s = byKey.get(key);
            if (s == null) {
                throw new InvalidInputException("Row " + (r + 1) + " belongs to the series " + describe(key)
                        + ", which the training data does not have: the model can forecast only the series it was trained on.");
            }
            if (time.isMissing(r)) {
                throw new InvalidInputException("Row " + (r + 1) + " has no time in the time column '" + layout.timeColumn() + "'.");
            }
            LocalDateTime first = LocalDateTime.ofEpochSecond(series.get(s).firstTime(), 0, ZoneOffset.UTC);
            LocalDateTime t = time.get(r);
            long k = f.stepsBetween(first, t);
            if (!f.plus(first, k).equals(t)) {
                throw new InvalidInputException("Row " + (r + 1) + " is at " + t + ", which is not on the " + f.alias()
                        + " grid of its series (" + first + " plus whole steps).");
            }
            if (k <= series.get(s).lastStep()) {
                throw new InvalidInputException("Row " + (r + 1) + (layout.grainColumns().isEmpty() ? "" : " (series "
                        + describe(key) + ")") + " is at " + t + ", within the training data, which ends at "
                        + f.plus(first, series.get(s).lastStep()) + ": the model forecasts times after it.");
            }
            index[r] = s;
            step[r] = k;
        }
        Map<Integer, Map<Long, Double>> context = context(raw, index, step);
        long[] ahead = new long[n];
        for (int r = 0; r < n; r++) {
            ahead[r] = step[r] - series.get(index[r]).lastStep();
        }
        return new Placement(index, step, ahead, context);
    }

    /** The target values the new rows hold after their series' training end, per series and step. */
    private Map<Integer, Map<Long, Double>> context(Table raw, int[] index, long[] step) {
        Map<Integer, Map<Long, Double>> out = new HashMap<>();
        if (raw.find(layout.targetColumn()).orElse(null) instanceof NumericColumn y) {
            for (int r = 0; r < raw.rows(); r++) {
                int s = index[r];
                if (!y.isMissing(r) && step[r] > series.get(s).lastStep()) {
                    out.computeIfAbsent(s, x -> new HashMap<>()).put(step[r], y.get(r));
                }
            }
        }
        return out;
    }

    /** Every lag of every row must be known: from training, or from a target value the rows give. */
    private void checkReach(Table raw, Placement p) {
        int nearest = lags.isEmpty() ? horizon : lags.get(0);
        Map<Integer, Long> known = new HashMap<>();
        for (int r = 0; r < raw.rows(); r++) {
            int s = p.series()[r];
            // The last step of the series known without a gap: its training end, then the actual values given.
            long last = known.computeIfAbsent(s, x -> {
                long k = series.get(x).lastStep();
                Map<Long, Double> given = p.context().getOrDefault(x, Map.of());
                while (given.containsKey(k + 1)) {
                    k++;
                }
                return k;
            });
            long ahead = p.steps()[r] - last;
            if (ahead > nearest) {
                throw new InvalidInputException("Row " + (r + 1) + (layout.grainColumns().isEmpty() ? "" : " (series "
                        + describe(series.get(s).key()) + ")") + " is " + ahead + " steps after the last known value of '"
                        + layout.targetColumn() + "', but the model forecasts at most " + horizon + " steps ahead"
                        + " (forecast_horizon). Give the target's values up to " + nearest + " steps before the rows to"
                        + " forecast (a rolling forecast), or forecast fewer steps.");
            }
        }
    }

    private String describe(List<String> key) {
        List<String> parts = new ArrayList<>();
        for (int g = 0; g < layout.grainColumns().size(); g++) {
            parts.add(layout.grainColumns().get(g) + "=" + key.get(g));
        }
        return String.join(", ", parts);
    }

    /**
     * A row's anchor: its series' value {@code horizon} steps back, which every forecast up to the horizon knows at
     * its origin; the latest value known before that when it is not known (a row further ahead than the horizon);
     * the series' first value for the rows less than {@code horizon} steps after it.
     */
    private double anchor(int row, long step, PastValue past) {
        if (step < horizon) {
            return past.at(row, (int) step);
        }
        for (int back = horizon; back <= step; back++) {
            double v = past.at(row, back);
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        return Double.NaN;
    }

    /** The value of a row's series {@code back} steps before the row; NaN when unknown. */
    private interface PastValue {
        double at(int row, int back);
    }

    private Table withDerived(Table raw, double[] index, double[] step, double[] known, List<Column> lagged,
                              double[] scales, double[][] decomposed, PastValue past) {
        int n = raw.rows();
        List<Column> columns = new ArrayList<>(raw.columns());
        columns.add(new NumericColumn(SERIES_COLUMN, index));
        columns.add(new NumericColumn(STEP_COLUMN, step));
        columns.add(new NumericColumn(KNOWN_COLUMN, known));
        double[] anchor = new double[n];
        double[] unit = new double[n];
        if (relative) {
            for (int r = 0; r < n; r++) {
                anchor[r] = anchor(r, (long) step[r], past);
                unit[r] = scales[(int) index[r]];
            }
            columns.add(new NumericColumn(ANCHOR_COLUMN, anchor));
            columns.add(new NumericColumn(SCALE_COLUMN, unit));
        }
        for (int k : lags) {
            if (relative && k == horizon) {
                continue;
            }
            double[] v = new double[n];
            for (int r = 0; r < n; r++) {
                v[r] = relative ? (past.at(r, k) - anchor[r]) / unit[r] : past.at(r, k);
            }
            columns.add(new NumericColumn(lagName(k), v));
        }
        if (window > 0) {
            double[] v = new double[n];
            for (int r = 0; r < n; r++) {
                double sum = 0;
                int count = 0;
                for (int b = horizon; b < horizon + window; b++) {
                    double x = past.at(r, b);
                    if (!Double.isNaN(x)) {
                        sum += x;
                        count++;
                    }
                }
                v[r] = count == 0 ? Double.NaN : relative ? (sum / count - anchor[r]) / unit[r] : sum / count;
            }
            columns.add(new NumericColumn(windowName(), v));
        }
        if (stl != null) {
            for (int c = 0; c < decomposed.length; c++) {
                double[] v = decomposed[c].clone();
                if (relative) {
                    // The season is a change already; the trend, a level, is measured from the anchor as the lags are.
                    for (int r = 0; r < n; r++) {
                        v[r] = c == 0 ? v[r] / unit[r] : (v[r] - anchor[r]) / unit[r];
                    }
                }
                columns.add(new NumericColumn(stl.columns().get(c), v));
            }
        }
        if (holidays != null) {
            columns.addAll(holidays.derive((DateTimeColumn) raw.column(layout.timeColumn()), parsedFrequency()));
        }
        columns.addAll(lagged);
        return new Table(columns);
    }

    /**
     * The rows to forecast when no data is given: each series' next {@code steps} times after its training end,
     * with its grain values, typed as training read them; other columns are absent.
     */
    public Table futureRows(int steps, Map<String, ColumnType> types) {
        Frequency f = parsedFrequency();
        int n = series.size() * steps;
        double[] times = new double[n];
        List<String[]> keys = new ArrayList<>();
        for (String ignored : layout.grainColumns()) {
            keys.add(new String[n]);
        }
        int r = 0;
        for (History h : series) {
            LocalDateTime first = LocalDateTime.ofEpochSecond(h.firstTime(), 0, ZoneOffset.UTC);
            for (int k = 1; k <= steps; k++, r++) {
                times[r] = f.plus(first, h.lastStep() + k).toEpochSecond(ZoneOffset.UTC);
                for (int g = 0; g < keys.size(); g++) {
                    keys.get(g)[r] = h.key().get(g);
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new DateTimeColumn(layout.timeColumn(), times));
        for (int g = 0; g < keys.size(); g++) {
            String name = layout.grainColumns().get(g);
            String[] values = keys.get(g);
            if (types.get(name) == ColumnType.NUMERIC) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = values[i].isEmpty() ? Double.NaN : Double.parseDouble(values[i]);
                }
                columns.add(new NumericColumn(name, v));
            } else {
                List<String> levels = new ArrayList<>();
                Map<String, Integer> codeOf = new HashMap<>();
                int[] codes = new int[n];
                for (int i = 0; i < n; i++) {
                    codes[i] = values[i].isEmpty() ? CategoricalColumn.MISSING : codeOf.computeIfAbsent(values[i], v -> {
                        levels.add(v);
                        return levels.size() - 1;
                    });
                }
                columns.add(new CategoricalColumn(name, codes, levels));
            }
        }
        return new Table(columns);
    }
}
