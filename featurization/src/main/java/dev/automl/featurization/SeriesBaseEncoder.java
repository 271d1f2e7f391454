package dev.automl.featurization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.data.Column;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;

import java.util.List;

/**
 * A forecasting row's anchor or series scale, passed through as it is to the tabular views, where a global model
 * measures its relative target from them; the series view has the values themselves.
 */
public final class SeriesBaseEncoder implements ColumnEncoder {

    private final String column;

    @JsonCreator
    public SeriesBaseEncoder(@JsonProperty("column") String column) {
        this.column = column;
    }

    @JsonProperty
    @Override
    public String column() {
        return column;
    }

    @Override
    public List<String> featureNames(FeatureView view) {
        return view == FeatureView.SERIES ? List.of() : List.of(column);
    }

    @Override
    public void encode(Column raw, int[] rows, FeatureView view, float[] out, int stride, int offset) {
        if (view == FeatureView.SERIES) {
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
