package dev.automl.featurization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.data.Column;
import dev.automl.data.InvalidInputException;
import dev.automl.data.Table;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** The featurization learnt on training rows, applied unchanged to validation, test and new data. */
public final class FittedFeaturizer {

    private final FeaturizationMode mode;
    private final List<ColumnEncoder> encoders;
    private final List<DroppedColumn> dropped;

    @JsonCreator
    public FittedFeaturizer(@JsonProperty("mode") FeaturizationMode mode,
                            @JsonProperty("encoders") List<ColumnEncoder> encoders,
                            @JsonProperty("dropped") List<DroppedColumn> dropped) {
        this.mode = mode;
        this.encoders = List.copyOf(encoders);
        this.dropped = List.copyOf(dropped);
    }

    @JsonProperty
    public FeaturizationMode mode() {
        return mode;
    }

    @JsonProperty
    public List<ColumnEncoder> encoders() {
        return encoders;
    }

    @JsonProperty
    public List<DroppedColumn> dropped() {
        return dropped;
    }

    /** The raw columns new data must have. */
    public List<String> requiredColumns() {
        List<String> names = new ArrayList<>(encoders.size());
        for (ColumnEncoder e : encoders) {
            names.add(e.column());
        }
        return names;
    }

    public List<String> featureNames(FeatureView view) {
        List<String> names = new ArrayList<>();
        for (ColumnEncoder e : encoders) {
            names.addAll(e.featureNames(view));
        }
        return names;
    }

    /** How many values of the table's categorical columns are levels the training data did not have. */
    public int unseenCategories(Table table) {
        int n = 0;
        for (ColumnEncoder e : encoders) {
            if (e instanceof CategoricalEncoder ce && table.find(e.column()).orElse(null) instanceof dev.automl.data.CategoricalColumn c) {
                n += ce.unseenCount(c);
            }
        }
        return n;
    }

    /** Features of the given rows (all when null) of a table that has at least the required columns. */
    public FeatureMatrix transform(Table table, int[] rows, FeatureView view) {
        List<String> missing = new ArrayList<>();
        for (ColumnEncoder e : encoders) {
            if (table.find(e.column()).isEmpty()) {
                missing.add(e.column());
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException((missing.size() == 1 ? "Column '" + missing.get(0) + "' is" : "Columns "
                    + String.join(", ", missing) + " are") + " missing from the data; the model was trained with "
                    + (missing.size() == 1 ? "it" : "them") + ".");
        }
        List<String> names = featureNames(view);
        int width = names.size();
        int n = rows == null ? table.rows() : rows.length;
        float[] values = new float[Math.multiplyExact(n, width)];
        BitSet categorical = new BitSet();
        int offset = 0;
        for (ColumnEncoder e : encoders) {
            Column c = table.column(e.column());
            e.encode(c, rows, view, values, width, offset);
            BitSet cat = e.categoricalFeatures(view);
            for (int j = cat.nextSetBit(0); j >= 0; j = cat.nextSetBit(j + 1)) {
                categorical.set(offset + j);
            }
            offset += e.featureNames(view).size();
        }
        return new FeatureMatrix(values, n, width, names, categorical);
    }
}
