package dev.automl.featurization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.data.Column;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;

import java.util.List;

/**
 * A column a forecasting job derives, passed through as it is to one side: to the {@link FeatureView#SERIES} view
 * (a row's series index, step or known value, which the statistical models read; the global models have the grain
 * and time columns and the target's lags), or to the tabular views (a row's anchor and its series' scale, which a
 * global model's relative target is measured from).
 */
public final class SeriesPositionEncoder implements ColumnEncoder {

    private final String column;
    private final boolean tabular;

    /** A column for the series view. */
    public SeriesPositionEncoder(String column) {
        this(column, false);
    }

    /** @param tabular whether the column goes to the tabular views rather than the series view */
    @JsonCreator
    public SeriesPositionEncoder(@JsonProperty("column") String column, @JsonProperty("tabular") boolean tabular) {
        this.column = column;
        this.tabular = tabular;
    }

    @JsonProperty
    @Override
    public String column() {
        return column;
    }

    @JsonProperty
    public boolean tabular() {
        return tabular;
    }

    @Override
    public boolean serves(FeatureView view) {
        return (view == FeatureView.SERIES) != tabular;
    }

    @Override
    public List<String> featureNames(FeatureView view) {
        return serves(view) ? List.of(column) : List.of();
    }

    @Override
    public void encode(Column raw, int[] rows, FeatureView view, float[] out, int stride, int offset) {
        if (!serves(view)) {
            return;
        }
        if (!(raw instanceof NumericColumn c)) {
            throw new InvalidInputException("Column '" + column + "' must hold numbers.");
        }
        int n = rows == null ? c.size() : rows.length;
        for (int i = 0; i < n; i++) {
            out[i * stride + offset] = (float) c.get(ColumnEncoder.rowAt(rows, i));
        }
    }

    @Override
    public List<String> transformations() {
        return List.of();
    }
}
