package dev.automl.featurization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.data.Column;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;

import java.util.List;

/**
 * A forecasting row's series index, step or known value, passed through as it is to the {@link FeatureView#SERIES}
 * view and left out of the others: the statistical models need it, the global models have the grain and time
 * columns and the target's lags.
 */
public final class SeriesPositionEncoder implements ColumnEncoder {

    private final String column;

    @JsonCreator
    public SeriesPositionEncoder(@JsonProperty("column") String column) {
        this.column = column;
    }

    @JsonProperty
    @Override
    public String column() {
        return column;
    }

    @Override
    public boolean serves(FeatureView view) {
        return view == FeatureView.SERIES;
    }

    @Override
    public List<String> featureNames(FeatureView view) {
        return view == FeatureView.SERIES ? List.of(column) : List.of();
    }

    @Override
    public void encode(Column raw, int[] rows, FeatureView view, float[] out, int stride, int offset) {
        if (view != FeatureView.SERIES) {
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
