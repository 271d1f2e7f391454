package dev.automl.featurization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.data.Column;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills missing numbers, adds a missing indicator where training had gaps, and standardises for linear models; a
 * whole-number column with few distinct values also gets, for linear models, one-hot features of its values. A
 * forecasting job's covariate is also a regressor of the series view, filled and unscaled, for the series models
 * that read regressors (Arimax).
 */
public final class NumericEncoder implements ColumnEncoder {

    /** Whole numbers with at most this many distinct values (and at most 5 % of the rows) are also categories. */
    static final int MAX_CATEGORY_VALUES = 50;
    static final double MAX_CATEGORY_SHARE = 0.05;

    private final String column;
    private final double fill;
    private final boolean indicator;
    private final double mean;
    private final double scale;
    private final String strategy;
    private final double[] values;
    private final boolean regressor;

    public NumericEncoder(String column, double fill, boolean indicator, double mean, double scale, String strategy) {
        this(column, fill, indicator, mean, scale, strategy, new double[0], false);
    }

    /** @param values the values one-hot encoded for linear models, ascending; empty for none */
    @JsonCreator
    public NumericEncoder(@JsonProperty("column") String column, @JsonProperty("fill") double fill,
                          @JsonProperty("indicator") boolean indicator, @JsonProperty("mean") double mean,
                          @JsonProperty("scale") double scale, @JsonProperty("strategy") String strategy,
                          @JsonProperty("values") double[] values, @JsonProperty("regressor") boolean regressor) {
        this.values = values == null ? new double[0] : values.clone();
        this.regressor = regressor;
        this.column = column;
        this.fill = fill;
        this.indicator = indicator;
        this.mean = mean;
        this.scale = scale;
        this.strategy = strategy;
    }

    /** Fits on the given rows of a numeric column, with no one-hot of its values. */
    public static NumericEncoder fit(NumericColumn c, int[] rows, ImputerSpec imputer) {
        return fit(c, rows, imputer, false);
    }

    /** Fits on the given rows of a numeric column; {@code oneHot} allows one-hot features of few distinct values. */
    public static NumericEncoder fit(NumericColumn c, int[] rows, ImputerSpec imputer, boolean oneHot) {
        int n = rows == null ? c.size() : rows.length;
        double[] present = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double v = c.get(ColumnEncoder.rowAt(rows, i));
            if (!Double.isNaN(v)) {
                present[m++] = v;
            }
        }
        present = Arrays.copyOf(present, m);
        double mean = 0;
        for (double v : present) {
            mean += v;
        }
        mean = m == 0 ? 0 : mean / m;
        double var = 0;
        for (double v : present) {
            var += (v - mean) * (v - mean);
        }
        double sd = m == 0 ? 0 : Math.sqrt(var / m);
        ImputationStrategy strategy = imputer == null ? ImputationStrategy.MEAN : imputer.strategy();
        double fill = switch (strategy) {
            case MEAN, FORWARD_FILL -> mean; // what forward filling leaves: a series' steps before its first value
            case MEDIAN -> median(present);
            case MOST_FREQUENT -> mostFrequent(present);
            case CONSTANT -> parseFill(c.name(), imputer.fillValue());
        };
        return new NumericEncoder(c.name(), fill, m < n, mean, sd > 0 ? sd : 1.0,
                strategy.name().toLowerCase(java.util.Locale.ROOT), oneHot ? categoryValues(present) : new double[0],
                false);
    }

    /** This encoder, also giving the series view its filled, unscaled value: a forecasting job's covariate. */
    public NumericEncoder asRegressor() {
        return new NumericEncoder(column, fill, indicator, mean, scale, strategy, values, true);
    }

    /**
     * The distinct values of a whole-number column with few of them (at least 3: two values are already a
     * one-feature category), ascending; otherwise none. Azure calls such columns categorical.
     */
    static double[] categoryValues(double[] present) {
        java.util.TreeSet<Double> distinct = new java.util.TreeSet<>();
        int limit = (int) Math.min(MAX_CATEGORY_VALUES, MAX_CATEGORY_SHARE * present.length);
        for (double v : present) {
            if (v != Math.rint(v) || (distinct.add(v) && distinct.size() > limit)) {
                return new double[0];
            }
        }
        return distinct.size() < 3 ? new double[0] : distinct.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double parseFill(String column, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("The imputer fill_value '" + text + "' for numeric column '" + column
                    + "' is not a number.");
        }
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : (s[h - 1] + s[h]) / 2;
    }

    /** The most frequent value; the smallest among equally frequent ones, as scikit-learn's SimpleImputer. */
    static double mostFrequent(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        Map<Double, Integer> counts = new HashMap<>();
        for (double v : values) {
            counts.merge(v, 1, Integer::sum);
        }
        double best = Double.NaN;
        int bestCount = -1;
        for (Map.Entry<Double, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    @JsonProperty
    @Override
    public String column() {
        return column;
    }

    @JsonProperty
    public double fill() {
        return fill;
    }

    @JsonProperty
    public boolean indicator() {
        return indicator;
    }

    @JsonProperty
    public double mean() {
        return mean;
    }

    @JsonProperty
    public double scale() {
        return scale;
    }

    @JsonProperty
    public String strategy() {
        return strategy;
    }

    @JsonProperty
    public double[] values() {
        return values.clone();
    }

    @JsonProperty
    public boolean regressor() {
        return regressor;
    }

    @Override
    public boolean serves(FeatureView view) {
        return view != FeatureView.SERIES || regressor;
    }

    @Override
    public List<String> featureNames(FeatureView view) {
        if (view == FeatureView.SERIES) {
            return regressor ? List.of(column) : List.of();
        }
        List<String> names = new ArrayList<>(2);
        names.add(column);
        if (indicator) {
            names.add(column + "__missing");
        }
        if (view == FeatureView.LINEAR) {
            for (double v : values) {
                names.add(column + "=" + (v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v)));
            }
        }
        return names;
    }

    @Override
    public void encode(Column raw, int[] rows, FeatureView view, float[] out, int stride, int offset) {
        if (!(raw instanceof NumericColumn c)) {
            throw new InvalidInputException("Column '" + column + "' was numeric in the training data but is "
                    + raw.type().name().toLowerCase(java.util.Locale.ROOT) + " here.");
        }
        int n = rows == null ? c.size() : rows.length;
        if (view == FeatureView.SERIES) {
            for (int i = 0; i < n; i++) {
                double v = c.get(ColumnEncoder.rowAt(rows, i));
                out[i * stride + offset] = (float) (Double.isNaN(v) ? fill : v);
            }
            return;
        }
        boolean linear = view == FeatureView.LINEAR;
        for (int i = 0; i < n; i++) {
            double v = c.get(ColumnEncoder.rowAt(rows, i));
            boolean missing = Double.isNaN(v);
            double x = missing ? fill : v;
            if (linear) {
                x = (x - mean) / scale;
            }
            int at = i * stride + offset;
            out[at] = (float) x;
            if (indicator) {
                out[at + 1] = missing ? 1f : 0f;
            }
            if (linear && values.length > 0) {
                // Filled values are one-hot too; a value training did not have sets none.
                int first = at + (indicator ? 2 : 1);
                java.util.Arrays.fill(out, first, first + values.length, 0f);
                int k = java.util.Arrays.binarySearch(values, missing ? fill : v);
                if (k >= 0) {
                    out[first + k] = 1f;
                }
            }
        }
    }

    @Override
    public List<String> transformations() {
        if (strategy.equals("none")) {
            return List.of(); // featurization mode off: the column passes through
        }
        List<String> out = new java.util.ArrayList<>();
        out.add(switch (strategy) {
            case "median" -> "MedianImputer";
            case "most_frequent" -> "ModeImputer";
            case "constant" -> "ConstantImputer";
            default -> "MeanImputer";
        });
        if (indicator) {
            out.add("ImputationMarker");
        }
        out.add("StandardScaler (linear models)");
        if (values.length > 0) {
            out.add("OneHotEncoder (linear models, " + values.length + " distinct whole numbers)");
        }
        return out;
    }
}
