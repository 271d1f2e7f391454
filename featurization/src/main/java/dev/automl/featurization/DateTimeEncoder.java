package dev.automl.featurization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.data.Column;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.InvalidInputException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Expands a date or timestamp into its calendar parts that vary in the training data. */
public final class DateTimeEncoder implements ColumnEncoder {

    private final String column;
    private final List<DatePart> parts;
    private final double fillEpochSeconds;
    private final boolean indicator;
    private final double[] means;
    private final double[] scales;

    @JsonCreator
    public DateTimeEncoder(@JsonProperty("column") String column, @JsonProperty("parts") List<DatePart> parts,
                           @JsonProperty("fillEpochSeconds") double fillEpochSeconds,
                           @JsonProperty("indicator") boolean indicator, @JsonProperty("means") double[] means,
                           @JsonProperty("scales") double[] scales) {
        this.column = column;
        this.parts = List.copyOf(parts);
        this.fillEpochSeconds = fillEpochSeconds;
        this.indicator = indicator;
        this.means = means.clone();
        this.scales = scales.clone();
    }

    /** Fits on the given rows; null when no part varies (the column is then constant). */
    public static DateTimeEncoder fit(DateTimeColumn c, int[] rows) {
        int n = rows == null ? c.size() : rows.length;
        double[] values = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double s = c.epochSeconds()[ColumnEncoder.rowAt(rows, i)];
            if (!Double.isNaN(s)) {
                values[m++] = s;
            }
        }
        if (m == 0) {
            return null;
        }
        values = Arrays.copyOf(values, m);
        double fill = NumericEncoder.median(values);
        // One calendar conversion per value for all parts at once: converting per part and value was most of a
        // fit's time on a million dates.
        DatePart[] all = DatePart.values();
        double[] first = new double[all.length];
        boolean[] varies = new boolean[all.length];
        LocalDateTime t0 = toDateTime(values[0]);
        for (int p = 0; p < all.length; p++) {
            first[p] = all[p].of(t0);
        }
        int undecided = all.length;
        for (int i = 1; i < m && undecided > 0; i++) {
            LocalDateTime t = toDateTime(values[i]);
            for (int p = 0; p < all.length; p++) {
                if (!varies[p] && all[p].of(t) != first[p]) {
                    varies[p] = true;
                    undecided--;
                }
            }
        }
        List<DatePart> parts = new ArrayList<>();
        for (int p = 0; p < all.length; p++) {
            if (varies[p]) {
                parts.add(all[p]);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        double[] sums = new double[parts.size()];
        double[] squares = new double[parts.size()];
        for (double s : values) {
            LocalDateTime t = toDateTime(s);
            for (int j = 0; j < sums.length; j++) {
                double v = parts.get(j).of(t);
                sums[j] += v;
                squares[j] += v * v;
            }
        }
        double[] means = new double[parts.size()];
        double[] scales = new double[parts.size()];
        for (int j = 0; j < parts.size(); j++) {
            means[j] = sums[j] / values.length;
            double var = squares[j] / values.length - means[j] * means[j];
            scales[j] = var > 1e-12 ? Math.sqrt(var) : 1.0;
        }
        return new DateTimeEncoder(c.name(), parts, fill, values.length < n, means, scales);
    }

    static LocalDateTime toDateTime(double epochSeconds) {
        long whole = (long) Math.floor(epochSeconds);
        // ofInstant looks up the zone's rules on every call, an allocation that cost more than the conversion.
        return LocalDateTime.ofEpochSecond(whole, 0, ZoneOffset.UTC);
    }

    @JsonProperty
    @Override
    public String column() {
        return column;
    }

    @JsonProperty
    public List<DatePart> parts() {
        return parts;
    }

    @JsonProperty
    public double fillEpochSeconds() {
        return fillEpochSeconds;
    }

    @JsonProperty
    public boolean indicator() {
        return indicator;
    }

    @JsonProperty
    public double[] means() {
        return means.clone();
    }

    @JsonProperty
    public double[] scales() {
        return scales.clone();
    }

    @Override
    public List<String> featureNames(FeatureView view) {
        List<String> names = new ArrayList<>();
        for (DatePart p : parts) {
            names.add(column + "__" + p.suffix());
        }
        if (indicator) {
            names.add(column + "__missing");
        }
        return names;
    }

    @Override
    public void encode(Column raw, int[] rows, FeatureView view, float[] out, int stride, int offset) {
        if (!(raw instanceof DateTimeColumn c)) {
            throw new InvalidInputException("Column '" + column + "' held dates in the training data but is "
                    + raw.type().name().toLowerCase(java.util.Locale.ROOT) + " here.");
        }
        int n = rows == null ? c.size() : rows.length;
        for (int i = 0; i < n; i++) {
            double s = c.epochSeconds()[ColumnEncoder.rowAt(rows, i)];
            boolean missing = Double.isNaN(s);
            LocalDateTime t = toDateTime(missing ? fillEpochSeconds : s);
            int at = i * stride + offset;
            for (int j = 0; j < parts.size(); j++) {
                double v = parts.get(j).of(t);
                out[at + j] = (float) (view == FeatureView.LINEAR ? (v - means[j]) / scales[j] : v);
            }
            if (indicator) {
                out[at + parts.size()] = missing ? 1f : 0f;
            }
        }
    }

    @Override
    public List<String> transformations() {
        return indicator ? List.of("DateTimeTransformer", "ImputationMarker") : List.of("DateTimeTransformer");
    }
}
