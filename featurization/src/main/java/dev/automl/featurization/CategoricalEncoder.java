package dev.automl.featurization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.data.CategoricalColumn;
import dev.automl.data.Column;
import dev.automl.data.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes a categorical column: integer codes by frequency for trees, one-hot of the most frequent levels for
 * linear models; missing values take the most frequent level (plus an indicator), unseen levels an "other" code.
 */
public final class CategoricalEncoder implements ColumnEncoder {

    /** Levels beyond this many (by frequency) share one code for trees: rarer ones carry little signal. */
    static final int MAX_TREE_LEVELS = 1000;
    /** One-hot width cap for linear models; rarer levels go to an "other" column. */
    static final int MAX_ONE_HOT = 50;
    private static final int UNMAPPED = -2;

    private final String column;
    private final List<String> levels;
    private final int oneHot;
    private final boolean other;
    private final String fill;
    private final boolean indicator;
    private final Map<String, Integer> index;

    @JsonCreator
    public CategoricalEncoder(@JsonProperty("column") String column, @JsonProperty("levels") List<String> levels,
                              @JsonProperty("oneHot") int oneHot, @JsonProperty("other") boolean other,
                              @JsonProperty("fill") String fill, @JsonProperty("indicator") boolean indicator) {
        this.column = column;
        this.levels = List.copyOf(levels);
        this.oneHot = oneHot;
        this.other = other;
        this.fill = fill;
        this.indicator = indicator;
        this.index = new HashMap<>();
        for (int i = 0; i < this.levels.size(); i++) {
            index.put(this.levels.get(i), i);
        }
    }

    /** Fits on the given rows of a categorical column. */
    public static CategoricalEncoder fit(CategoricalColumn c, int[] rows, ImputerSpec imputer) {
        int[] counts = new int[c.levels().size()];
        int[] firstSeen = new int[counts.length];
        java.util.Arrays.fill(firstSeen, Integer.MAX_VALUE);
        int n = rows == null ? c.size() : rows.length;
        int missing = 0;
        for (int i = 0; i < n; i++) {
            int code = c.codes()[ColumnEncoder.rowAt(rows, i)];
            if (code == CategoricalColumn.MISSING) {
                missing++;
            } else {
                counts[code]++;
                firstSeen[code] = Math.min(firstSeen[code], i);
            }
        }
        List<Integer> present = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                present.add(k);
            }
        }
        // Frequency first, then order of appearance: deterministic and independent of hashing.
        present.sort(Comparator.<Integer>comparingInt(k -> -counts[k]).thenComparingInt(k -> firstSeen[k]));
        List<String> levels = new ArrayList<>();
        for (int k = 0; k < Math.min(present.size(), MAX_TREE_LEVELS); k++) {
            levels.add(c.levels().get(present.get(k)));
        }
        String fill;
        if (imputer != null && imputer.strategy() == ImputationStrategy.CONSTANT) {
            fill = imputer.fillValue();
        } else if (imputer != null && imputer.strategy() != ImputationStrategy.MOST_FREQUENT) {
            throw new InvalidInputException("The imputer strategy '" + imputer.strategy().name().toLowerCase(java.util.Locale.ROOT)
                    + "' does not apply to categorical column '" + c.name() + "'; use most_frequent or constant.");
        } else {
            fill = levels.isEmpty() ? null : levels.get(0);
        }
        int oneHot = Math.min(levels.size(), MAX_ONE_HOT);
        return new CategoricalEncoder(c.name(), levels, oneHot, present.size() > oneHot, fill, missing > 0);
    }

    @JsonProperty
    @Override
    public String column() {
        return column;
    }

    @JsonProperty
    public List<String> levels() {
        return levels;
    }

    @JsonProperty
    public int oneHot() {
        return oneHot;
    }

    @JsonProperty
    public boolean other() {
        return other;
    }

    @JsonProperty
    public String fill() {
        return fill;
    }

    @JsonProperty
    public boolean indicator() {
        return indicator;
    }

    @Override
    public List<String> featureNames(FeatureView view) {
        List<String> names = new ArrayList<>();
        if (view == FeatureView.TREES) {
            names.add(column);
        } else {
            for (int k = 0; k < oneHot; k++) {
                names.add(column + "=" + levels.get(k));
            }
            if (other) {
                names.add(column + "=__other");
            }
        }
        if (indicator) {
            names.add(column + "__missing");
        }
        return names;
    }

    /** How many features {@link #featureNames} gives, without building the names. */
    private int width(FeatureView view) {
        return (view == FeatureView.TREES ? 1 : oneHot + (other ? 1 : 0)) + (indicator ? 1 : 0);
    }

    @Override
    public BitSet categoricalFeatures(FeatureView view) {
        BitSet b = new BitSet();
        if (view == FeatureView.TREES) {
            b.set(0);
        }
        return b;
    }

    @Override
    public void encode(Column raw, int[] rows, FeatureView view, float[] out, int stride, int offset) {
        if (!(raw instanceof CategoricalColumn c)) {
            throw new InvalidInputException("Column '" + column + "' was categorical in the training data but is "
                    + raw.type().name().toLowerCase(java.util.Locale.ROOT) + " here.");
        }
        // Codes of two tables are independent, so each incoming level is looked up by its text, once, and only when
        // a row uses it: one row of new data may come with its training table's whole dictionary.
        int unseen = levels.size();
        int[] mapped = new int[c.levels().size()];
        Arrays.fill(mapped, UNMAPPED);
        int fillCode = fill == null ? unseen : index.getOrDefault(fill, unseen);
        int width = width(view);
        int n = rows == null ? c.size() : rows.length;
        for (int i = 0; i < n; i++) {
            int code = c.codes()[ColumnEncoder.rowAt(rows, i)];
            boolean missing = code == CategoricalColumn.MISSING;
            int k;
            if (missing) {
                k = fillCode;
            } else {
                k = mapped[code];
                if (k == UNMAPPED) {
                    k = index.getOrDefault(c.levels().get(code), unseen);
                    mapped[code] = k;
                }
            }
            int at = i * stride + offset;
            if (view == FeatureView.TREES) {
                out[at] = k;
            } else {
                for (int j = 0; j < width; j++) {
                    out[at + j] = 0f;
                }
                if (k < oneHot) {
                    out[at + k] = 1f;
                } else if (other) {
                    out[at + oneHot] = 1f;
                }
            }
            if (indicator) {
                out[at + width - 1] = missing ? 1f : 0f;
            }
        }
    }

    /** How many rows of a column hold a level this encoder never saw in training. */
    public int unseenCount(CategoricalColumn c) {
        boolean[] known = new boolean[c.levels().size()];
        for (int k = 0; k < known.length; k++) {
            known[k] = index.containsKey(c.levels().get(k));
        }
        int n = 0;
        for (int code : c.codes()) {
            if (code != CategoricalColumn.MISSING && !known[code]) {
                n++;
            }
        }
        return n;
    }

    @Override
    public List<String> transformations() {
        List<String> out = new java.util.ArrayList<>();
        out.add("CatImputer (fills '" + fill + "')");
        if (indicator) {
            out.add("ImputationMarker");
        }
        out.add("LabelEncoder (trees, " + levels.size() + " levels)");
        out.add("OneHotEncoder (linear models, " + oneHot + " levels" + (other ? " and other" : "") + ")");
        return out;
    }
}
