package dev.automl.featurization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.data.CategoricalColumn;
import dev.automl.data.Column;
import dev.automl.data.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Encodes a categorical column: integer codes by frequency for trees; one-hot for linear models, hashed one-hot
 * above {@link #MAX_ONE_HOT} levels; and above it also a target statistic of each level (weight of evidence for
 * binary targets), out of fold on the training rows. Missing values take the most frequent level plus an indicator.
 */
public final class CategoricalEncoder implements ColumnEncoder {

    /** Levels beyond this many (by frequency) share one code for trees: rarer ones carry little signal. */
    static final int MAX_TREE_LEVELS = 1000;
    /** Up to this many levels a column is one-hot encoded; above it, hashed and target-encoded. */
    static final int MAX_ONE_HOT = 50;
    /** The widest default hashed one-hot (256 columns): wider costs dense memory for little gain. */
    static final int DEFAULT_HASH_BITS = 8;
    private static final int UNMAPPED = -2;

    /** How one view represents the level itself. */
    public enum Encoding {
        /** One feature: the level's frequency rank, split on natively by tree learners ({@code LabelEncoder}). */
        CODES,
        /** One feature per level, the rarest beyond {@link #MAX_ONE_HOT} sharing an "other" one ({@code OneHotEncoder}). */
        ONE_HOT,
        /** 2^bits features, each level in the one its hash picks ({@code HashOneHotEncoder}). */
        HASH,
        /** Nothing: the encoders for it are blocked. */
        NONE
    }

    private final String column;
    private final List<String> levels;
    private final Encoding trees;
    private final Encoding linear;
    private final int oneHot;
    private final boolean other;
    private final int hashBits;
    private final String fill;
    private final boolean indicator;
    private final TargetStatistics target;
    private final boolean hashesPurpose;
    private final Map<String, Integer> index;
    /** The training rows' out-of-fold target statistics; only on the featurizer just fitted, never saved. */
    private final float[] outOfFold;

    @JsonCreator
    public CategoricalEncoder(@JsonProperty("column") String column, @JsonProperty("levels") List<String> levels,
                              @JsonProperty("trees") Encoding trees, @JsonProperty("linear") Encoding linear,
                              @JsonProperty("oneHot") int oneHot, @JsonProperty("other") boolean other,
                              @JsonProperty("hashBits") int hashBits, @JsonProperty("fill") String fill,
                              @JsonProperty("indicator") boolean indicator,
                              @JsonProperty("target") TargetStatistics target,
                              @JsonProperty("hashesPurpose") boolean hashesPurpose) {
        this(column, levels, trees, linear, oneHot, other, hashBits, fill, indicator, target, hashesPurpose, null);
    }

    private CategoricalEncoder(String column, List<String> levels, Encoding trees, Encoding linear, int oneHot,
                               boolean other, int hashBits, String fill, boolean indicator, TargetStatistics target,
                               boolean hashesPurpose, float[] outOfFold) {
        this.column = column;
        this.levels = List.copyOf(levels);
        this.trees = trees;
        this.linear = linear;
        this.oneHot = oneHot;
        this.other = other;
        this.hashBits = hashBits;
        this.fill = fill;
        this.indicator = indicator;
        this.target = target;
        this.hashesPurpose = hashesPurpose;
        this.outOfFold = outOfFold;
        this.index = new HashMap<>();
        for (int i = 0; i < this.levels.size(); i++) {
            index.put(this.levels.get(i), i);
        }
    }

    /** Fits with the automatic rules and nothing blocked, without a target statistic. */
    public static CategoricalEncoder fit(CategoricalColumn c, int[] rows, ImputerSpec imputer) {
        return fit(c, rows, imputer, null, FeaturizationSettings.auto(), false);
    }

    /**
     * Fits on the given rows of a categorical column; null when every encoder that could represent it is blocked.
     *
     * @param target the encoded target of every row of the column's table, or null for no target statistic
     * @param hashed whether the user gave the column the Hashes purpose: hashed one-hot in every view
     */
    public static CategoricalEncoder fit(CategoricalColumn c, int[] rows, ImputerSpec imputer, Target target,
                                         FeaturizationSettings settings, boolean hashed) {
        int[] counts = new int[c.levels().size()];
        int[] firstSeen = new int[counts.length];
        Arrays.fill(firstSeen, Integer.MAX_VALUE);
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
            throw new InvalidInputException("The imputer strategy '" + imputer.strategy().name().toLowerCase(Locale.ROOT)
                    + "' does not apply to categorical column '" + c.name() + "'; use most_frequent or constant.");
        } else {
            fill = levels.isEmpty() ? null : levels.get(0);
        }
        boolean many = present.size() > MAX_ONE_HOT;
        boolean oneHotAllowed = settings.allows(Transformer.ONE_HOT_ENCODER);
        boolean hashAllowed = settings.allows(Transformer.HASH_ONE_HOT_ENCODER);
        if (hashed && !hashAllowed) {
            throw new InvalidInputException("Column '" + c.name() + "' has the purpose Hashes, but HashOneHotEncoder "
                    + "is in blocked_transformers.");
        }
        Encoding linear;
        if (hashed) {
            linear = Encoding.HASH;
        } else if (many) {
            linear = hashAllowed ? Encoding.HASH : oneHotAllowed ? Encoding.ONE_HOT : Encoding.NONE;
        } else {
            linear = oneHotAllowed ? Encoding.ONE_HOT : hashAllowed ? Encoding.HASH : Encoding.NONE;
        }
        Encoding trees = hashed ? Encoding.HASH : settings.allows(Transformer.LABEL_ENCODER) ? Encoding.CODES : linear;
        Integer given = settings.hashBitsFor(c.name());
        int bits = given != null ? given
                : Math.max(1, Math.min(DEFAULT_HASH_BITS, 32 - Integer.numberOfLeadingZeros(present.size() - 1)));
        TargetStatistics.Fitted stats = null;
        if (target != null && many && !hashed) {
            TargetStatistics.Kind kind = TargetStatistics.kindFor(target, settings);
            if (kind != null) {
                stats = TargetStatistics.fit(c, rows, target, kind);
            }
        }
        if (trees == Encoding.NONE && linear == Encoding.NONE && stats == null) {
            return null;
        }
        int oneHot = Math.min(levels.size(), MAX_ONE_HOT);
        return new CategoricalEncoder(c.name(), levels, trees, linear, oneHot, present.size() > oneHot, bits, fill,
                missing > 0, stats == null ? null : stats.statistics(), hashed,
                stats == null ? null : stats.outOfFold());
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
    public Encoding trees() {
        return trees;
    }

    @JsonProperty
    public Encoding linear() {
        return linear;
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
    public int hashBits() {
        return hashBits;
    }

    @JsonProperty
    public String fill() {
        return fill;
    }

    @JsonProperty
    public boolean indicator() {
        return indicator;
    }

    @JsonProperty
    public TargetStatistics target() {
        return target;
    }

    @JsonProperty
    public boolean hashesPurpose() {
        return hashesPurpose;
    }

    @Override
    public String typeDetected() {
        if (hashesPurpose) {
            return "Hashes";
        }
        return linear == Encoding.HASH ? "CategoricalHash" : null;
    }

    private Encoding encoding(FeatureView view) {
        return view == FeatureView.TREES ? trees : linear;
    }

    /** How many features the level itself takes in a view. */
    private int levelWidth(FeatureView view) {
        return switch (encoding(view)) {
            case CODES -> 1;
            case ONE_HOT -> oneHot + (other ? 1 : 0);
            case HASH -> 1 << hashBits;
            case NONE -> 0;
        };
    }

    private int targetWidth() {
        return target == null ? 0 : target.outputs().size();
    }

    @Override
    public List<String> featureNames(FeatureView view) {
        List<String> names = new ArrayList<>();
        switch (encoding(view)) {
            case CODES -> names.add(column);
            case ONE_HOT -> {
                for (int k = 0; k < oneHot; k++) {
                    names.add(column + "=" + levels.get(k));
                }
                if (other) {
                    names.add(column + "=__other");
                }
            }
            case HASH -> {
                for (int b = 0; b < 1 << hashBits; b++) {
                    names.add(column + "#" + b);
                }
            }
            case NONE -> {
            }
        }
        if (indicator) {
            names.add(column + "__missing");
        }
        if (target != null) {
            for (String o : target.outputs()) {
                names.add(column + "__" + (target.kind() == TargetStatistics.Kind.CLASS_FREQUENCY ? "share_" : "") + o);
            }
        }
        return names;
    }

    /**
     * The level codes are categories to split on natively, except beside a target statistic: partitions of hundreds
     * of levels fit the training rows' noise (XGBoost then stopped at its first rounds and predicted the majority
     * class on titanic's Ticket), while the codes as numbers still say how frequent a level is.
     */
    @Override
    public BitSet categoricalFeatures(FeatureView view) {
        BitSet b = new BitSet();
        if (encoding(view) == Encoding.CODES && target == null) {
            b.set(0);
        }
        return b;
    }

    @Override
    public void encode(Column raw, int[] rows, FeatureView view, float[] out, int stride, int offset) {
        if (!(raw instanceof CategoricalColumn c)) {
            throw new InvalidInputException("Column '" + column + "' was categorical in the training data but is "
                    + raw.type().name().toLowerCase(Locale.ROOT) + " here.");
        }
        Encoding encoding = encoding(view);
        int levelWidth = levelWidth(view);
        int targetAt = levelWidth + (indicator ? 1 : 0);
        int targetWidth = targetWidth();
        // Codes of two tables are independent, so each incoming level is looked up by its text, once, and only when
        // a row uses it: one row of new data may come with its training table's whole dictionary.
        int unseen = levels.size();
        int[] mapped = new int[c.levels().size()];
        Arrays.fill(mapped, UNMAPPED);
        int[] bucket = new int[c.levels().size()];
        double[][] statistic = new double[c.levels().size()][];
        int fillCode = fill == null ? unseen : index.getOrDefault(fill, unseen);
        int fillBucket = fill == null || encoding != Encoding.HASH ? 0 : bucket(fill);
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
                    String level = c.levels().get(code);
                    k = index.getOrDefault(level, unseen);
                    mapped[code] = k;
                    if (encoding == Encoding.HASH) {
                        bucket[code] = bucket(level);
                    }
                    if (target != null) {
                        statistic[code] = target.byLevel().getOrDefault(level, target.unseen());
                    }
                }
            }
            int at = i * stride + offset;
            switch (encoding) {
                case CODES -> out[at] = k;
                case ONE_HOT -> {
                    Arrays.fill(out, at, at + levelWidth, 0f);
                    if (k < oneHot) {
                        out[at + k] = 1f;
                    } else if (other) {
                        out[at + oneHot] = 1f;
                    }
                }
                case HASH -> {
                    Arrays.fill(out, at, at + levelWidth, 0f);
                    out[at + (missing ? fillBucket : bucket[code])] = 1f;
                }
                case NONE -> {
                }
            }
            if (indicator) {
                out[at + levelWidth] = missing ? 1f : 0f;
            }
            if (target != null) {
                double[] s = missing ? target.unseen() : statistic[code];
                for (int j = 0; j < targetWidth; j++) {
                    out[at + targetAt + j] = (float) s[j];
                }
            }
        }
    }

    @Override
    public void overwriteOutOfFold(FeatureView view, float[] out, int stride, int offset, int[] positions) {
        if (outOfFold == null) {
            return;
        }
        int targetWidth = targetWidth();
        int targetAt = offset + levelWidth(view) + (indicator ? 1 : 0);
        int n = positions == null ? outOfFold.length / targetWidth : positions.length;
        for (int i = 0; i < n; i++) {
            System.arraycopy(outOfFold, ColumnEncoder.rowAt(positions, i) * targetWidth, out, i * stride + targetAt,
                    targetWidth);
        }
    }

    /** A level's hashed one-hot column: a fixed mix of its UTF-8 bytes, the same on every machine and JVM. */
    int bucket(String level) {
        int h = 0x811C9DC5;
        for (byte b : level.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h & ((1 << hashBits) - 1);
    }

    /** How many rows of a column hold a level this encoder never saw in training. */
    public int unseenCount(CategoricalColumn c) {
        boolean[] known = new boolean[c.levels().size()];
        for (int k = 0; k < known.length; k++) {
            String level = c.levels().get(k);
            known[k] = index.containsKey(level) || target != null && target.byLevel().containsKey(level);
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
        List<String> out = new ArrayList<>();
        out.add("CatImputer (fills '" + fill + "')");
        if (indicator) {
            out.add("ImputationMarker");
        }
        for (Applied a : applied()) {
            out.add(a.transformer().azureName() + " (" + a.detail() + ")");
        }
        return out;
    }

    /** The encoders this column goes through after imputation, by Azure's names, in the order they apply. */
    public List<Transformer> encoders() {
        return applied().stream().map(Applied::transformer).toList();
    }

    /** One encoder applied to the column, and what the user should know of it. */
    private record Applied(Transformer transformer, String detail) {
    }

    private List<Applied> applied() {
        List<Applied> out = new ArrayList<>();
        for (FeatureView view : List.of(FeatureView.TREES, FeatureView.LINEAR)) {
            if (view == FeatureView.LINEAR && linear == trees) {
                break;
            }
            String family = view == FeatureView.LINEAR ? "linear models" : trees == linear ? "all learners" : "trees";
            switch (encoding(view)) {
                case CODES -> out.add(new Applied(Transformer.LABEL_ENCODER, family + ", " + levels.size() + " levels"));
                case ONE_HOT -> out.add(new Applied(Transformer.ONE_HOT_ENCODER,
                        family + ", " + oneHot + " levels" + (other ? " and other" : "")));
                case HASH -> out.add(new Applied(Transformer.HASH_ONE_HOT_ENCODER, family + ", " + hashBits + " bits"));
                case NONE -> {
                }
            }
        }
        if (target != null) {
            out.add(new Applied(target.kind().transformer(),
                    "out of fold on training rows, " + target.byLevel().size() + " levels"));
        }
        return out;
    }
}
