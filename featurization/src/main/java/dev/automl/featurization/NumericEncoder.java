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

/** Fills missing numbers, adds a missing indicator where training had gaps, and standardises for linear models. */
public final class NumericEncoder implements ColumnEncoder {

    private final String column;
    private final double fill;
    private final boolean indicator;
    private final double mean;
    private final double scale;
    private final String strategy;

    @JsonCreator
    public NumericEncoder(@JsonProperty("column") String column, @JsonProperty("fill") double fill,
                          @JsonProperty("indicator") boolean indicator, @JsonProperty("mean") double mean,
                          @JsonProperty("scale") double scale, @JsonProperty("strategy") String strategy) {
        this.column = column;
        this.fill = fill;
        this.indicator = indicator;
        this.mean = mean;
        this.scale = scale;
        this.strategy = strategy;
    }

    /** Fits on the given rows of a numeric column. */
    public static NumericEncoder fit(NumericColumn c, int[] rows, ImputerSpec imputer) {
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
            case MEAN -> mean;
            case MEDIAN -> median(present);
            case MOST_FREQUENT -> mostFrequent(present);
            case CONSTANT -> parseFill(c.name(), imputer.fillValue());
        };
        return new NumericEncoder(c.name(), fill, m < n, mean, sd > 0 ? sd : 1.0,
                strategy.name().toLowerCase(java.util.Locale.ROOT));
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

    @Override
    public List<String> featureNames(FeatureView view) {
        List<String> names = new ArrayList<>(2);
        names.add(column);
        if (indicator) {
            names.add(column + "__missing");
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
        return out;
    }
}
