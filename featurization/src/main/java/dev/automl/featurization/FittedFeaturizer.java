package dev.automl.featurization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.data.CategoricalColumn;
import dev.automl.data.InvalidInputException;
import dev.automl.data.Table;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntBiFunction;

/** The featurization learnt on training rows, applied unchanged to validation, test and new data. */
public final class FittedFeaturizer {

    private final FeaturizationMode mode;
    private final List<ColumnEncoder> encoders;
    private final List<DroppedColumn> dropped;
    /** Per view: the feature names, each encoder's first feature, the category-code features. */
    private final Map<FeatureView, Layout> layouts = new EnumMap<>(FeatureView.class);
    /** The rows this featurizer was just fitted on (null: all); unknown after loading from a file. */
    private final int[] fitRows;
    private final boolean fitted;

    /** Where each encoder's features go in one view; worked out once because one-row predictions repeat it. */
    private record Layout(List<String> names, int[] offsets, BitSet categorical) {
    }

    @JsonCreator
    public FittedFeaturizer(@JsonProperty("mode") FeaturizationMode mode,
                            @JsonProperty("encoders") List<ColumnEncoder> encoders,
                            @JsonProperty("dropped") List<DroppedColumn> dropped) {
        this(mode, encoders, dropped, null, false);
    }

    /** A featurizer just fitted on the given rows (null: all), which {@link #transformFitRows} gives. */
    FittedFeaturizer(FeaturizationMode mode, List<ColumnEncoder> encoders, List<DroppedColumn> dropped, int[] fitRows,
                     boolean fitted) {
        this.fitRows = fitRows;
        this.fitted = fitted;
        this.mode = mode;
        this.encoders = List.copyOf(encoders);
        this.dropped = List.copyOf(dropped);
        for (FeatureView view : FeatureView.values()) {
            layouts.put(view, layout(this.encoders, view));
        }
    }

    private static Layout layout(List<ColumnEncoder> encoders, FeatureView view) {
        List<String> names = new ArrayList<>();
        int[] offsets = new int[encoders.size()];
        BitSet categorical = new BitSet();
        for (int e = 0; e < encoders.size(); e++) {
            offsets[e] = names.size();
            if (!encoders.get(e).serves(view)) {
                continue;
            }
            BitSet cat = encoders.get(e).categoricalFeatures(view);
            for (int j = cat.nextSetBit(0); j >= 0; j = cat.nextSetBit(j + 1)) {
                categorical.set(offsets[e] + j);
            }
            names.addAll(encoders.get(e).featureNames(view));
        }
        return new Layout(List.copyOf(names), offsets, categorical);
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

    /** The names of the features {@link #transform} gives in a view, in column order; an unmodifiable list. */
    public List<String> featureNames(FeatureView view) {
        return layouts.get(view).names();
    }

    /** The raw column each feature of a view comes from, in {@link #featureNames} order. */
    public List<String> sourceColumns(FeatureView view) {
        List<String> out = new ArrayList<>();
        for (ColumnEncoder e : encoders) {
            if (e.serves(view)) {
                for (int j = 0; j < e.featureNames(view).size(); j++) {
                    out.add(e.column());
                }
            }
        }
        return out;
    }

    /** How many values of the table's categorical columns are levels the training data did not have. */
    public int unseenCategories(Table table) {
        return sumOverColumns(table, (e, c) -> e instanceof CategoricalEncoder ce ? ce.unseenCount(c) : 0);
    }

    /** How many words of the table's text columns the training rows did not have. */
    public int unseenWords(Table table) {
        return sumOverColumns(table, (e, c) -> e instanceof TextEncoder te ? te.unseenWords(c) : 0);
    }

    private int sumOverColumns(Table table, ToIntBiFunction<ColumnEncoder, CategoricalColumn> count) {
        int n = 0;
        for (ColumnEncoder e : encoders) {
            if (table.find(e.column()).orElse(null) instanceof CategoricalColumn c) {
                n += count.applyAsInt(e, c);
            }
        }
        return n;
    }

    /**
     * Features of exactly the rows this featurizer was fitted on, of the table it was fitted on, with target
     * statistics out of fold: a row's own target never shapes its features, so learners cannot over-trust them.
     */
    public FeatureMatrix transformFitRows(Table table, FeatureView view) {
        return transformFitRows(table, view, null);
    }

    /**
     * As {@link #transformFitRows(Table, FeatureView)}, for some of those rows only: a search on a sample of a
     * large fold's rows then never builds the features of all of them (346 linear features of 2,610,000 rows are
     * 3.6 GB).
     *
     * @param positions which fitted rows, as positions among them (ascending or not); null for all, in order
     */
    public FeatureMatrix transformFitRows(Table table, FeatureView view, int[] positions) {
        if (!fitted) {
            throw new IllegalStateException("the rows a featurizer was fitted on are known only in the run that fits it");
        }
        int[] rows = fitRows;
        if (positions != null) {
            rows = new int[positions.length];
            for (int i = 0; i < positions.length; i++) {
                rows[i] = ColumnEncoder.rowAt(fitRows, positions[i]);
            }
        }
        FeatureMatrix m = transform(table, rows, view);
        Layout layout = layouts.get(view);
        for (int e = 0; e < encoders.size(); e++) {
            if (!encoders.get(e).serves(view)) {
                continue;
            }
            encoders.get(e).overwriteOutOfFold(view, m.values(), m.cols(), layout.offsets()[e], positions);
        }
        return m;
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
        Layout layout = layouts.get(view);
        int width = layout.names().size();
        int n = rows == null ? table.rows() : rows.length;
        float[] values = new float[Math.multiplyExact(n, width)];
        for (int e = 0; e < encoders.size(); e++) {
            ColumnEncoder encoder = encoders.get(e);
            if (!encoder.serves(view)) {
                continue;
            }
            encoder.encode(table.column(encoder.column()), rows, view, values, width, layout.offsets()[e]);
        }
        return new FeatureMatrix(values, n, width, layout.names(), layout.categorical());
    }
}
