package dev.automl.featurization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.data.Column;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.InvalidInputException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        List<Double> present = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double s = c.epochSeconds()[ColumnEncoder.rowAt(rows, i)];
            if (!Double.isNaN(s)) {
                present.add(s);
            }
        }
        if (present.isEmpty()) {
            return null;
        }
        double[] values = present.stream().mapToDouble(Double::doubleValue).toArray();
        double fill = NumericEncoder.median(values);
        List<DatePart> parts = new ArrayList<>();
        for (DatePart p : EnumSet.allOf(DatePart.class)) {
            Set<Double> seen = new HashSet<>();
            for (double s : values) {
                seen.add(p.of(toDateTime(s)));
                if (seen.size() > 1) {
                    parts.add(p);
                    break;
                }
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        double[] means = new double[parts.size()];
        double[] scales = new double[parts.size()];
        for (int j = 0; j < parts.size(); j++) {
            double sum = 0;
            double sq = 0;
            for (double s : values) {
                double v = parts.get(j).of(toDateTime(s));
                sum += v;
                sq += v * v;
            }
            means[j] = sum / values.length;
            double var = sq / values.length - means[j] * means[j];
            scales[j] = var > 1e-12 ? Math.sqrt(var) : 1.0;
        }
        return new DateTimeEncoder(c.name(), parts, fill, values.length < n, means, scales);
    }

    static LocalDateTime toDateTime(double epochSeconds) {
        long whole = (long) Math.floor(epochSeconds);
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(whole), ZoneOffset.UTC);
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
    public String describe() {
        return "datetime: parts " + parts + (indicator ? " + missing indicator" : "");
    }
}
