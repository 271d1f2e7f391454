package dev.automl.featurization;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.automl.data.Column;
import java.util.BitSet;
import java.util.List;

/**
 * The fitted transformation of one raw column into features, for each {@link FeatureView}; saved with the
 * model as JSON.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NumericEncoder.class, name = "numeric"),
    @JsonSubTypes.Type(value = CategoricalEncoder.class, name = "categorical"),
    @JsonSubTypes.Type(value = DateTimeEncoder.class, name = "datetime"),
    @JsonSubTypes.Type(value = TextEncoder.class, name = "text"),
    @JsonSubTypes.Type(value = SeriesPositionEncoder.class, name = "series_position")
})
public sealed interface ColumnEncoder permits NumericEncoder, CategoricalEncoder, DateTimeEncoder, TextEncoder,
        SeriesPositionEncoder {

    /** The raw column this encoder reads. */
    String column();

    /** Whether this encoder gives features in a view: every encoder of a raw column serves all but the series view. */
    default boolean serves(FeatureView view) {
        return view != FeatureView.SERIES;
    }

    /** The names of this encoder's features in a view it serves. */
    List<String> featureNames(FeatureView view);

    /** Which of this encoder's features (indices into {@link #featureNames}) hold category codes. */
    default BitSet categoricalFeatures(FeatureView view) {
        return new BitSet();
    }

    /**
     * Writes this column's features of the given rows (all rows when null) into a row-major matrix: row i's
     * first feature goes to {@code out[i * stride + offset]}.
     */
    void encode(Column column, int[] rows, FeatureView view, float[] out, int stride, int offset);

    /**
     * The transformations applied, named as Azure's featurization summary names them (MeanImputer,
     * ImputationMarker, LabelEncoder, OneHotEncoder, DateTimeTransformer, ...), in the order they apply.
     */
    List<String> transformations();

    /** The column's type in Azure's featurization summary when it differs from the type it was read as. */
    default String typeDetected() {
        return null;
    }

    /**
     * Replaces, in features {@link #encode} wrote for rows this encoder was fitted on, the features learnt from those
     * rows' targets by their out-of-fold values, so no row's own target leaks into its features.
     *
     * @param positions which of the fitted rows the features' rows are, as positions among them; null for all of
     *                  them in order
     */
    default void overwriteOutOfFold(FeatureView view, float[] out, int stride, int offset, int[] positions) {
    }

    static int rowAt(int[] rows, int i) {
        return rows == null ? i : rows[i];
    }
}
