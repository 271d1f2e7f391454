package dev.automl.featurization;

import dev.automl.data.CategoricalColumn;
import dev.automl.data.Column;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import java.util.ArrayList;
import java.util.List;

/** Learns, from training rows only, how each raw feature column becomes features (Azure's "auto" rules). */
public final class Featurizer {

    /** Below this many rows a column of distinct values is not called an ID: small data is often all distinct. */
    static final int MIN_ROWS_FOR_ID = 50;
    /** A text column whose distinct values cover this share of its rows identifies rows rather than groups them. */
    static final double ID_DISTINCT_SHARE = 0.9;
    /** Azure's text rule: at least this many distinct values, or this share of the rows, ... */
    static final int TEXT_MIN_DISTINCT = 200;
    static final double TEXT_MIN_DISTINCT_SHARE = 0.05;
    /** ... and distinct values in at least this share of the rows (fewer make a high-cardinality category). */
    static final double TEXT_MIN_CARDINALITY = 0.7;
    /** ... unless it has this many distinct values, Azure's most for a hashed category. */
    static final int TEXT_ALWAYS_ABOVE_DISTINCT = 10_000;

    private final FeaturizationSettings settings;

    public Featurizer(FeaturizationSettings settings) {
        this.settings = settings;
    }

    /**
     * Fits on the given rows (all when null) of a table holding only feature columns (no target or weight), without
     * target statistics.
     */
    public FittedFeaturizer fit(Table features, int[] rows) {
        return fit(features, rows, null);
    }

    /**
     * Fits on the given rows (all when null) of a table holding only feature columns (no target or weight).
     *
     * @param target the encoded target of every row of the table, for the target statistics of high-cardinality
     *               categories; null for none
     */
    public FittedFeaturizer fit(Table features, int[] rows, Target target) {
        List<ColumnEncoder> encoders = new ArrayList<>();
        List<DroppedColumn> dropped = new ArrayList<>();
        for (Column c : features.columns()) {
            ColumnPurpose purpose = settings.purposes().get(c.name());
            if (purpose == ColumnPurpose.SERIES_INDEX || purpose == ColumnPurpose.SERIES_STEP
                    || purpose == ColumnPurpose.SERIES_KNOWN) {
                encoders.add(new SeriesPositionEncoder(c.name()));
                continue;
            }
            if (purpose == ColumnPurpose.SERIES_BASE) {
                encoders.add(new SeriesPositionEncoder(c.name(), true));
                continue;
            }
            if (settings.mode() == FeaturizationMode.OFF) {
                encoders.add(passThrough(c));
                continue;
            }
            boolean isText = purpose == ColumnPurpose.TEXT
                    || purpose == null && c instanceof CategoricalColumn k && looksLikeText(k, rows);
            if (isText && c instanceof CategoricalColumn k) {
                TextEncoder text = fitText(k, rows, target);
                if (text != null) {
                    encoders.add(text);
                } else {
                    dropped.add(new DroppedColumn(c.name(), "text with no word or character n-gram in "
                            + settings.tfIdfFor(c.name()).minDf() + " or more rows"));
                }
                continue;
            }
            DropReason reason = dropReason(c, rows);
            // A hashed column, or a lag of the target, is wanted however many distinct values it has: only an empty or
            // constant one goes.
            boolean mayLookLikeId = purpose == ColumnPurpose.HASHES || purpose == ColumnPurpose.TARGET_HISTORY;
            if (reason != null && !(mayLookLikeId && reason.kind() == DropReason.Kind.ID_LIKE)) {
                dropped.add(new DroppedColumn(c.name(), reason.description()));
                continue;
            }
            ImputerSpec imputer = settings.imputers().get(c.name());
            if (c instanceof NumericColumn n) {
                NumericEncoder numeric = NumericEncoder.fit(n, rows, imputer, settings.allows(Transformer.ONE_HOT_ENCODER));
                // A forecasting job's covariates are regressors of its series view too; the target's lags are not.
                boolean forecasting = settings.purposes().containsValue(ColumnPurpose.SERIES_INDEX);
                encoders.add(forecasting && purpose != ColumnPurpose.TARGET_HISTORY ? numeric.asRegressor() : numeric);
            } else if (c instanceof CategoricalColumn k) {
                CategoricalEncoder e = CategoricalEncoder.fit(k, rows, imputer, target, settings,
                        purpose == ColumnPurpose.HASHES);
                if (e == null) {
                    dropped.add(new DroppedColumn(c.name(), "every encoder for it is in blocked_transformers"));
                } else {
                    encoders.add(e);
                }
            } else if (c instanceof DateTimeColumn d) {
                DateTimeEncoder e = DateTimeEncoder.fit(d, rows);
                if (e == null) {
                    dropped.add(new DroppedColumn(c.name(), "constant"));
                } else {
                    encoders.add(e);
                }
            }
        }
        if (encoders.isEmpty()) {
            throw new InvalidInputException("No usable feature columns are left after featurization: "
                    + describeDropped(dropped) + ".");
        }
        return new FittedFeaturizer(settings.mode(), encoders, dropped, rows, true);
    }

    private TextEncoder fitText(CategoricalColumn c, int[] rows, Target target) {
        boolean tfIdf = settings.allows(Transformer.TF_IDF);
        if (!tfIdf && !settings.allows(Transformer.COUNT_VECTORIZER)) {
            throw new InvalidInputException("Column '" + c.name() + "' has the purpose Text, but both TfIdf and "
                    + "CountVectorizer are in blocked_transformers.");
        }
        return TextEncoder.fit(c, rows, settings.tfIdfFor(c.name()), tfIdf,
                settings.allows(Transformer.TEXT_TARGET_ENCODER) ? target : null);
    }

    /**
     * Azure's test for free text: many distinct values (at least 200, or 5 % of the rows), most of them different
     * (70 %), with more than one space on average. Blocking both text vectorizers leaves such columns categorical.
     */
    boolean looksLikeText(CategoricalColumn c, int[] rows) {
        if (!settings.allows(Transformer.TF_IDF) && !settings.allows(Transformer.COUNT_VECTORIZER)) {
            return false;
        }
        int n = rows == null ? c.size() : rows.length;
        int[] rowsOfLevel = new int[c.levels().size()];
        int present = 0;
        for (int i = 0; i < n; i++) {
            int code = c.codes()[ColumnEncoder.rowAt(rows, i)];
            if (code != CategoricalColumn.MISSING) {
                rowsOfLevel[code]++;
                present++;
            }
        }
        int distinct = 0;
        long spaces = 0;
        for (int k = 0; k < rowsOfLevel.length; k++) {
            if (rowsOfLevel[k] > 0) {
                distinct++;
                String v = c.levels().get(k).strip();
                long inValue = v.chars().filter(Character::isWhitespace).count();
                spaces += inValue * rowsOfLevel[k];
            }
        }
        if (present == 0 || distinct < Math.min(TEXT_MIN_DISTINCT, TEXT_MIN_DISTINCT_SHARE * present)) {
            return false;
        }
        return (double) spaces / present > 1.0 && (distinct >= TEXT_MIN_CARDINALITY * present || distinct >= TEXT_ALWAYS_ABOVE_DISTINCT);
    }

    private static String describeDropped(List<DroppedColumn> dropped) {
        if (dropped.isEmpty()) {
            return "the data has no feature columns";
        }
        List<String> parts = new ArrayList<>();
        for (DroppedColumn d : dropped) {
            parts.add(d.column() + " (" + d.reason() + ")");
        }
        return "dropped " + String.join(", ", parts);
    }

    /**
     * Mode off: a numeric column as it is. Missing values stay missing (NaN), as Azure leaves them: learners that
     * split on them natively (LightGBM, XGBoost) use them, the others' trials fail naming the feature.
     */
    private static NumericEncoder passThrough(Column c) {
        if (!(c instanceof NumericColumn)) {
            throw new InvalidInputException("Column '" + c.name() + "' is " + c.type().name().toLowerCase(java.util.Locale.ROOT)
                    + ", but featurization mode 'off' needs numeric columns only. Use mode 'auto', or drop or encode the column.");
        }
        return new NumericEncoder(c.name(), Double.NaN, false, 0, 1, "none");
    }

    /** Why an automatic featurizer leaves a column out, or null to keep it. */
    static DropReason dropReason(Column c, int[] rows) {
        int n = rows == null ? c.size() : rows.length;
        if (c instanceof NumericColumn num) {
            int present = 0;
            boolean constant = true;
            boolean integral = true;
            double first = Double.NaN;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double v = num.get(ColumnEncoder.rowAt(rows, i));
                if (!Double.isNaN(v)) {
                    if (present == 0) {
                        first = v;
                    }
                    constant &= v == first;
                    present++;
                    integral &= v == Math.rint(v);
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            if (present == 0) {
                return DropReason.ALL_MISSING;
            }
            if (constant && present == n) {
                return DropReason.CONSTANT;
            }
            // A running number (1, 2, 3, ...) identifies rows; it can only teach a model the row order. A fold
            // holds a subset of the rows, so allow gaps: distinct integers spanning at most twice their count.
            if (present == n && n >= MIN_ROWS_FOR_ID && integral && max - min + 1 <= 2.0 * n
                    && allDistinctIntegers(num, rows, n, min, max)) {
                return new DropReason(DropReason.Kind.ID_LIKE, "ID-like: a running number");
            }
            return null;
        }
        if (c instanceof CategoricalColumn cat) {
            int[] counts = new int[cat.levels().size()];
            int present = 0;
            for (int i = 0; i < n; i++) {
                int code = cat.codes()[ColumnEncoder.rowAt(rows, i)];
                if (code != CategoricalColumn.MISSING) {
                    counts[code]++;
                    present++;
                }
            }
            int distinct = 0;
            for (int k : counts) {
                if (k > 0) {
                    distinct++;
                }
            }
            if (present == 0) {
                return DropReason.ALL_MISSING;
            }
            if (distinct == 1 && present == n) {
                return DropReason.CONSTANT;
            }
            if (present >= MIN_ROWS_FOR_ID && distinct >= ID_DISTINCT_SHARE * present) {
                return new DropReason(DropReason.Kind.ID_LIKE, "ID-like: " + distinct + " distinct values in " + present + " rows");
            }
            return null;
        }
        return c.missingCount() == c.size() ? DropReason.ALL_MISSING : null;
    }

    /**
     * Whether integer values within [min, max] are all different, by marking each in a table of the span (at most
     * twice the row count here); a set of boxed doubles cost half of a fit's time on a million rows.
     */
    private static boolean allDistinctIntegers(NumericColumn num, int[] rows, int n, double min, double max) {
        boolean[] seen = new boolean[(int) (max - min) + 1];
        for (int i = 0; i < n; i++) {
            int slot = (int) (num.get(ColumnEncoder.rowAt(rows, i)) - min);
            if (seen[slot]) {
                return false;
            }
            seen[slot] = true;
        }
        return true;
    }
}
