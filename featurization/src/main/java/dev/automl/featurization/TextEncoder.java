package dev.automl.featurization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.data.CategoricalColumn;
import dev.automl.data.Column;
import dev.automl.data.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Encodes a free-text column as TF-IDF of its most common word n-grams and, separately, character n-grams (each
 * block scaled to unit length, as scikit-learn's {@code TfidfVectorizer}) for linear learners; tree learners get
 * instead the predictions of a ridge regression on those features ({@link TextTargetModel}), out of fold on the
 * training rows: hundreds of sparse columns let trees fit noise on small data (titanic's AUC fell by 0.007).
 */
public final class TextEncoder implements ColumnEncoder {

    /** The most training words kept to tell which words of new data are new; more would bloat the model file. */
    static final int MAX_VOCABULARY = 20_000;

    private final String column;
    private final TfIdfSpec spec;
    private final List<String> wordTerms;
    private final double[] wordIdf;
    private final List<String> charTerms;
    private final double[] charIdf;
    private final boolean indicator;
    private final List<String> vocabulary;
    private final Map<String, Integer> wordIndex = new HashMap<>();
    private final Map<String, Integer> charIndex = new HashMap<>();
    private final Set<String> known;
    private final TextTargetModel model;
    /** The training rows' out-of-fold text-model predictions; only on the featurizer just fitted, never saved. */
    private final float[] outOfFold;

    @JsonCreator
    public TextEncoder(@JsonProperty("column") String column, @JsonProperty("spec") TfIdfSpec spec,
                       @JsonProperty("wordTerms") List<String> wordTerms, @JsonProperty("wordIdf") double[] wordIdf,
                       @JsonProperty("charTerms") List<String> charTerms, @JsonProperty("charIdf") double[] charIdf,
                       @JsonProperty("indicator") boolean indicator,
                       @JsonProperty("vocabulary") List<String> vocabulary,
                       @JsonProperty("model") TextTargetModel model) {
        this(column, spec, wordTerms, wordIdf, charTerms, charIdf, indicator, vocabulary, model, null);
    }

    private TextEncoder(String column, TfIdfSpec spec, List<String> wordTerms, double[] wordIdf, List<String> charTerms,
                        double[] charIdf, boolean indicator, List<String> vocabulary, TextTargetModel model,
                        float[] outOfFold) {
        this.model = model;
        this.outOfFold = outOfFold;
        this.column = column;
        this.spec = spec;
        this.wordTerms = List.copyOf(wordTerms);
        this.wordIdf = wordIdf.clone();
        this.charTerms = List.copyOf(charTerms);
        this.charIdf = charIdf.clone();
        this.indicator = indicator;
        this.vocabulary = List.copyOf(vocabulary);
        for (int i = 0; i < this.wordTerms.size(); i++) {
            wordIndex.put(this.wordTerms.get(i), i);
        }
        for (int i = 0; i < this.charTerms.size(); i++) {
            charIndex.put(this.charTerms.get(i), i);
        }
        this.known = new HashSet<>(this.vocabulary);
    }

    /**
     * Fits on the given rows of a text column; null when no term occurs in {@code spec.minDf()} rows, so the column
     * has nothing to learn from.
     *
     * @param useIdf false when TF-IDF is blocked: terms are then counted only ({@code CountVectorizer})
     */
    public static TextEncoder fit(CategoricalColumn c, int[] rows, TfIdfSpec spec, boolean useIdf) {
        return fit(c, rows, spec, useIdf, null);
    }

    /**
     * Fits as {@link #fit(CategoricalColumn, int[], TfIdfSpec, boolean)}, plus, given the target of every row of the
     * column's table, the text model that tree learners see (none above {@link TargetStatistics#MAX_CLASSES} classes).
     */
    public static TextEncoder fit(CategoricalColumn c, int[] rows, TfIdfSpec spec, boolean useIdf, Target target) {
        int n = rows == null ? c.size() : rows.length;
        int[] rowsOfLevel = new int[c.levels().size()];
        int missing = 0;
        for (int i = 0; i < n; i++) {
            int code = c.codes()[ColumnEncoder.rowAt(rows, i)];
            if (code == CategoricalColumn.MISSING) {
                missing++;
            } else {
                rowsOfLevel[code]++;
            }
        }
        // Document frequencies: each distinct text is split once and counts for every row that holds it.
        Map<String, Integer> wordDf = new HashMap<>();
        Map<String, Integer> charDf = new HashMap<>();
        Map<String, Integer> unigramDf = new HashMap<>();
        Map<String, Integer> terms = new HashMap<>();
        for (int k = 0; k < rowsOfLevel.length; k++) {
            if (rowsOfLevel[k] == 0) {
                continue;
            }
            List<String> words = TextTerms.words(c.levels().get(k));
            terms.clear();
            TextTerms.countWordNgrams(words, spec.wordNgrams(), terms);
            for (String t : terms.keySet()) {
                wordDf.merge(t, rowsOfLevel[k], Integer::sum);
            }
            terms.clear();
            TextTerms.countWordNgrams(words, 1, terms);
            for (String t : terms.keySet()) {
                unigramDf.merge(t, rowsOfLevel[k], Integer::sum);
            }
            if (spec.charNgrams() > 0) {
                terms.clear();
                TextTerms.countCharNgrams(words, spec.charNgrams(), terms);
                for (String t : terms.keySet()) {
                    charDf.merge(t, rowsOfLevel[k], Integer::sum);
                }
            }
        }
        List<String> words = mostFrequent(wordDf, spec.minDf(), spec.maxFeatures());
        List<String> chars = mostFrequent(charDf, spec.minDf(), spec.maxFeatures());
        if (words.isEmpty() && chars.isEmpty()) {
            return null;
        }
        TextEncoder tfIdf = new TextEncoder(c.name(), new TfIdfSpec(spec.maxFeatures(), spec.minDf(), spec.wordNgrams(),
                spec.charNgrams(), useIdf), words, idf(words, wordDf, n, useIdf), chars, idf(chars, charDf, n, useIdf),
                missing > 0, mostFrequent(unigramDf, 1, MAX_VOCABULARY), null);
        return target == null ? tfIdf : tfIdf.withTextModel(c, rows, target);
    }

    /** This encoder plus a text model fitted on the given rows' TF-IDF features; itself when none applies. */
    private TextEncoder withTextModel(CategoricalColumn c, int[] rows, Target target) {
        TargetStatistics.Kind kind;
        List<String> outputs;
        if (target.task() == dev.automl.data.Task.REGRESSION) {
            kind = TargetStatistics.Kind.MEAN;
            outputs = List.of("value");
        } else if (target.numClasses() == 2) {
            kind = TargetStatistics.Kind.WOE; // its figures: 1 for the second class
            outputs = List.of(target.labels().get(1));
        } else if (target.numClasses() <= TargetStatistics.MAX_CLASSES) {
            kind = TargetStatistics.Kind.CLASS_FREQUENCY;
            outputs = target.labels();
        } else {
            return this;
        }
        int n = rows == null ? c.size() : rows.length;
        TextTargetModel.SparseRow[] byLevel = new TextTargetModel.SparseRow[c.levels().size()];
        TextTargetModel.SparseRow empty = new TextTargetModel.SparseRow(new int[0], new float[0]);
        List<TextTargetModel.SparseRow> x = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int code = c.codes()[ColumnEncoder.rowAt(rows, i)];
            if (code == CategoricalColumn.MISSING) {
                x.add(empty);
            } else {
                if (byLevel[code] == null) {
                    byLevel[code] = vectorise(c.levels().get(code));
                }
                x.add(byLevel[code]);
            }
        }
        double[] figures = TargetStatistics.figures(target, rows, n, kind, outputs.size());
        TextTargetModel.Fitted fitted = TextTargetModel.fit(x, wordTerms.size() + charTerms.size(), figures, outputs);
        return new TextEncoder(column, spec, wordTerms, wordIdf, charTerms, charIdf, indicator, vocabulary,
                fitted.model(), fitted.outOfFold());
    }

    /** Terms in at least {@code minDf} rows, the most frequent first (ties by the term, for determinism). */
    private static List<String> mostFrequent(Map<String, Integer> df, int minDf, int max) {
        return df.entrySet().stream().filter(e -> e.getValue() >= minDf)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(max).map(Map.Entry::getKey).toList();
    }

    /** scikit-learn's smoothed IDF: ln((1 + n) / (1 + df)) + 1; all ones when counting only. */
    private static double[] idf(List<String> terms, Map<String, Integer> df, int n, boolean useIdf) {
        double[] out = new double[terms.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = useIdf ? Math.log((1.0 + n) / (1.0 + df.get(terms.get(i)))) + 1 : 1;
        }
        return out;
    }

    @JsonProperty
    @Override
    public String column() {
        return column;
    }

    @JsonProperty
    public TfIdfSpec spec() {
        return spec;
    }

    @JsonProperty
    public List<String> wordTerms() {
        return wordTerms;
    }

    @JsonProperty
    public double[] wordIdf() {
        return wordIdf.clone();
    }

    @JsonProperty
    public List<String> charTerms() {
        return charTerms;
    }

    @JsonProperty
    public double[] charIdf() {
        return charIdf.clone();
    }

    @JsonProperty
    public boolean indicator() {
        return indicator;
    }

    @JsonProperty
    public List<String> vocabulary() {
        return vocabulary;
    }

    @JsonProperty
    public TextTargetModel model() {
        return model;
    }

    /** Whether a view gets the text model's predictions rather than the TF-IDF features. */
    private boolean modelled(FeatureView view) {
        return view == FeatureView.TREES && model != null;
    }

    @Override
    public String typeDetected() {
        return "Text";
    }

    @Override
    public List<String> featureNames(FeatureView view) {
        List<String> names = new ArrayList<>(width(view));
        if (modelled(view)) {
            names.addAll(model.featureNames(column));
            if (indicator) {
                names.add(column + "__missing");
            }
            return names;
        }
        for (String t : wordTerms) {
            names.add(column + "_word:" + t);
        }
        for (String t : charTerms) {
            names.add(column + "_char:" + t);
        }
        if (indicator) {
            names.add(column + "__missing");
        }
        return names;
    }

    private int width(FeatureView view) {
        return (modelled(view) ? model.outputs().size() : wordTerms.size() + charTerms.size()) + (indicator ? 1 : 0);
    }

    @Override
    public void encode(Column raw, int[] rows, FeatureView view, float[] out, int stride, int offset) {
        if (!(raw instanceof CategoricalColumn c)) {
            throw new InvalidInputException("Column '" + column + "' was text in the training data but is "
                    + raw.type().name().toLowerCase(Locale.ROOT) + " here.");
        }
        TextTargetModel.SparseRow[] byLevel = new TextTargetModel.SparseRow[c.levels().size()];
        double[][] predicted = modelled(view) ? new double[c.levels().size()][] : null;
        int width = width(view);
        int n = rows == null ? c.size() : rows.length;
        for (int i = 0; i < n; i++) {
            int code = c.codes()[ColumnEncoder.rowAt(rows, i)];
            int at = i * stride + offset;
            for (int j = 0; j < width; j++) {
                out[at + j] = 0f;
            }
            if (code == CategoricalColumn.MISSING) {
                if (indicator) {
                    out[at + width - 1] = 1f;
                }
                continue;
            }
            if (byLevel[code] == null) {
                byLevel[code] = vectorise(c.levels().get(code));
                if (predicted != null) {
                    predicted[code] = model.predict(byLevel[code]);
                }
            }
            if (predicted != null) {
                for (int j = 0; j < predicted[code].length; j++) {
                    out[at + j] = (float) predicted[code][j];
                }
                continue;
            }
            TextTargetModel.SparseRow s = byLevel[code];
            for (int j = 0; j < s.at().length; j++) {
                out[at + s.at()[j]] = s.values()[j];
            }
        }
    }

    @Override
    public void overwriteOutOfFold(FeatureView view, float[] out, int stride, int offset, int[] positions) {
        if (!modelled(view) || outOfFold == null) {
            return;
        }
        int k = model.outputs().size();
        int n = positions == null ? outOfFold.length / k : positions.length;
        for (int i = 0; i < n; i++) {
            System.arraycopy(outOfFold, ColumnEncoder.rowAt(positions, i) * k, out, i * stride + offset, k);
        }
    }

    /** One text's values: word block then character block. */
    private TextTargetModel.SparseRow vectorise(String text) {
        List<String> words = TextTerms.words(text);
        Map<String, Integer> counts = new HashMap<>();
        TextTerms.countWordNgrams(words, spec.wordNgrams(), counts);
        List<Integer> at = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        block(counts, wordIndex, wordIdf, 0, spec.useIdf(), at, values);
        if (!charTerms.isEmpty()) {
            counts.clear();
            TextTerms.countCharNgrams(words, spec.charNgrams(), counts);
            block(counts, charIndex, charIdf, wordTerms.size(), spec.useIdf(), at, values);
        }
        int[] a = new int[at.size()];
        float[] v = new float[at.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = at.get(i);
            v[i] = values.get(i).floatValue();
        }
        return new TextTargetModel.SparseRow(a, v);
    }

    /** Adds one block's non-zero values; TF-IDF blocks are scaled to unit length, plain counts are not. */
    private static void block(Map<String, Integer> counts, Map<String, Integer> index, double[] idf, int base,
                              boolean normalise, List<Integer> at, List<Double> values) {
        int first = values.size();
        double norm = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer k = index.get(e.getKey());
            if (k != null) {
                double v = e.getValue() * idf[k];
                at.add(base + k);
                values.add(v);
                norm += v * v;
            }
        }
        if (normalise && norm > 0) {
            double scale = 1 / Math.sqrt(norm);
            for (int i = first; i < values.size(); i++) {
                values.set(i, values.get(i) * scale);
            }
        }
    }

    /** How many words of a column's rows the training rows did not have (among their most frequent words). */
    public int unseenWords(CategoricalColumn c) {
        int[] newWordsOfLevel = new int[c.levels().size()];
        boolean[] counted = new boolean[newWordsOfLevel.length];
        int total = 0;
        for (int code : c.codes()) {
            if (code == CategoricalColumn.MISSING) {
                continue;
            }
            if (!counted[code]) {
                for (String w : TextTerms.words(c.levels().get(code))) {
                    if (!known.contains(w)) {
                        newWordsOfLevel[code]++;
                    }
                }
                counted[code] = true;
            }
            total += newWordsOfLevel[code];
        }
        return total;
    }

    @Override
    public List<String> transformations() {
        List<String> out = new ArrayList<>();
        if (!wordTerms.isEmpty()) {
            out.add((spec.useIdf() ? "TfIdf" : "CountVectorizer") + " (word 1-" + spec.wordNgrams() + "-grams, "
                    + wordTerms.size() + " terms)");
        }
        if (!charTerms.isEmpty()) {
            out.add((spec.useIdf() ? "TfIdf" : "CountVectorizer") + " (character " + spec.charNgrams() + "-grams, "
                    + charTerms.size() + " terms)");
        }
        if (indicator) {
            out.add("ImputationMarker");
        }
        if (model != null) {
            out.add("TextTargetEncoder (trees: ridge regression on the TF-IDF, out of fold on training rows)");
        }
        return out;
    }
}
