package dev.automl.engine.job;

import dev.automl.data.CategoricalColumn;
import dev.automl.data.Column;
import dev.automl.data.ColumnType;
import dev.automl.data.DataSource;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import dev.automl.data.Task;
import dev.automl.engine.job.DataReference;
import dev.automl.engine.job.JobSpec;
import dev.automl.featurization.Target;
import dev.automl.featurization.TargetEncoding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The job's data, read and checked: feature columns of the training rows followed by any user validation
 * rows, their encoded labels and weights, and the test rows when the job names test data.
 *
 * @param features  feature columns only (no target, no weight), training rows then validation rows
 * @param trainRows how many leading rows are training data
 * @param schema    the type of every feature column, used to read later data the same way
 * @param test      null when the job names no test data
 * @param series    a forecasting job's series, from which {@code features} derive; null for other tasks
 */
public record JobData(Table features, Target target, int trainRows, Map<String, ColumnType> schema,
                      TargetFacts facts, TestData test, SeriesData series) {

    /** A text column is "numbers but for a few words" with at most this many words ... */
    private static final int MOSTLY_NUMBERS_WORDS = 3;
    /** ... among at least this many times as many distinct values. */
    private static final int MOSTLY_NUMBERS_FACTOR = 5;

    /**
     * What the run knows of the target from the training rows.
     *
     * @param range         max - min of the training target (regression), which normalised errors divide by
     * @param positiveClass the class binary metrics score (classification); -1 for regression
     */
    public record TargetFacts(TargetEncoding encoding, double range, int positiveClass) {
    }

    /**
     * The job's test_data: feature columns as in training (for forecasting, the raw columns with the target, whose
     * actual values the lags of later rows read), and the encoded target.
     */
    public record TestData(Table features, Target target) {
    }

    public TargetEncoding encoding() {
        return facts.encoding();
    }

    public double targetRange() {
        return facts.range();
    }

    public int positiveClass() {
        return facts.positiveClass();
    }

    /** Reads every dataset the job names; notes (dropped rows, ignored settings) go to {@code notes}. */
    public static JobData load(JobSpec spec, Consumer<String> notes) {
        Table train = read("training_data", spec.trainingData(), readingTypes(spec));
        Function<Map<String, ColumnType>, Table> validation = spec.validationData() == null ? null
                : types -> read("validation_data", spec.validationData(), types);
        Function<Map<String, ColumnType>, Table> test = spec.testData() == null ? null
                : types -> read("test_data", spec.testData(), types);
        return assemble(spec, train, validation, test, notes);
    }

    /** The job's data from a training table already in memory (the benchmark's folds), without validation or test data. */
    public static JobData of(JobSpec spec, Table train, Consumer<String> notes) {
        return assemble(spec, train, null, null, notes);
    }

    /** The column types the job fixes when reading: its target, its weights, and custom column_name_and_types. */
    public static Map<String, ColumnType> readingTypes(JobSpec spec) {
        Map<String, ColumnType> hints = new HashMap<>(spec.featurization().columnTypes());
        hints.put(spec.targetColumn(), spec.task() == Task.CLASSIFICATION ? ColumnType.CATEGORICAL : ColumnType.NUMERIC);
        if (spec.weightColumn() != null) {
            hints.put(spec.weightColumn(), ColumnType.NUMERIC);
        }
        return hints;
    }

    /**
     * @param validation reads the validation data with the given column types, or null when there is none
     * @param test       reads the test data likewise, or null
     */
    private static JobData assemble(JobSpec spec, Table train, Function<Map<String, ColumnType>, Table> validation,
                                    Function<Map<String, ColumnType>, Table> test, Consumer<String> notes) {
        Map<String, ColumnType> hints = readingTypes(spec);
        train.require(spec.targetColumn(), "target_column_name", "training_data");
        if (spec.weightColumn() != null) {
            train.require(spec.weightColumn(), "weight_column_name", "training_data");
        }
        for (String c : spec.featurization().columnTypes().keySet()) {
            train.require(c, "featurization.column_name_and_types", "training_data");
        }
        for (String c : spec.featurization().ignoredColumns()) {
            train.require(c, "featurization.column_name_and_types", "training_data");
        }
        for (String c : spec.featurization().settings().imputers().keySet()) {
            train.require(c, "featurization.transformer_params.imputer", "training_data");
            if (c.equals(spec.targetColumn()) && spec.task() != Task.FORECASTING) {
                notes.accept("The imputer for '" + c + "' does not apply: it is the target column, and rows without a target are left out.");
            }
        }
        if (train.rows() == 0) {
            throw new InvalidInputException("training_data has no rows of data: the file holds a header and nothing"
                    + " else (or the MLTable's skip and take leave no rows).");
        }
        if (spec.task() == Task.FORECASTING) {
            return ForecastingData.assemble(spec, train, validation, test, hints, notes);
        }
        train = withTarget(train, spec.targetColumn(), "training_data", notes);
        if (train.rows() == 0) {
            throw new InvalidInputException("training_data has no rows with a value in the target column '" + spec.targetColumn() + "'.");
        }
        TargetEncoding encoding = TargetEncoding.fit(train.column(spec.targetColumn()), spec.task());

        Map<String, ColumnType> schema = new LinkedHashMap<>();
        List<String> nonFeatures = new ArrayList<>(spec.featurization().ignoredColumns());
        nonFeatures.add(spec.targetColumn());
        if (spec.weightColumn() != null) {
            nonFeatures.add(spec.weightColumn());
        }
        for (Column c : train.columns()) {
            if (!nonFeatures.contains(c.name())) {
                schema.put(c.name(), c.type());
            }
        }
        if (schema.isEmpty()) {
            throw new InvalidInputException("training_data has no feature columns: besides the target '"
                    + spec.targetColumn() + "'" + (nonFeatures.size() > 1 ? " and the columns the job sets aside" : "")
                    + " it has no column to learn from. Its columns are: " + String.join(", ", train.columnNames()) + ".");
        }
        noteNumbersReadAsText(train, schema.keySet(), spec.featurization().columnTypes().keySet(), notes);
        Map<String, ColumnType> likeTraining = new HashMap<>(schema);
        likeTraining.putAll(hints);

        Table all = train;
        int trainRows = train.rows();
        if (validation != null) {
            Table valid = validation.apply(likeTraining);
            valid.require(spec.targetColumn(), "target_column_name", "validation_data");
            valid = withTarget(valid, spec.targetColumn(), "validation_data", notes);
            if (valid.rows() == 0) {
                throw new InvalidInputException("validation_data has no rows with a value in the target column.");
            }
            all = append(train, valid, "validation_data");
        }
        double[] weights = spec.weightColumn() == null ? null : weights(all, spec.weightColumn());
        Target target = encoding.encode(all.column(spec.targetColumn()), null, weights);

        int positive = positiveClass(spec, encoding);
        double range = 0;
        if (spec.task() != Task.CLASSIFICATION) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < trainRows; i++) {
                min = Math.min(min, target.y()[i]);
                max = Math.max(max, target.y()[i]);
            }
            range = max - min;
            if (range == 0) {
                throw new InvalidInputException("The target column '" + spec.targetColumn() + "' has the same value ("
                        + plain(min) + ") in every training row; regression needs a target that varies.");
            }
        }

        TestData testData = null;
        if (test != null) {
            Table testTable = test.apply(likeTraining);
            testTable.require(spec.targetColumn(), "target_column_name", "test_data");
            testTable = withTarget(testTable, spec.targetColumn(), "test_data", notes);
            double[] testWeights = spec.weightColumn() != null && testTable.find(spec.weightColumn()).isPresent()
                    ? weights(testTable, spec.weightColumn()) : null;
            testData = new TestData(testTable.drop(nonFeatures),
                    encoding.encode(testTable.column(spec.targetColumn()), null, testWeights));
        }
        return new JobData(all.drop(nonFeatures), target, trainRows, schema, new TargetFacts(encoding, range, positive),
                testData, null);
    }

    /**
     * A column of numbers but for a few words (such as {@code inf}) is read as text, which is seldom what its author
     * meant; the note names the words, so that a user can fix them.
     */
    private static void noteNumbersReadAsText(Table train, Collection<String> features, Collection<String> typedByJob,
                                              Consumer<String> notes) {
        for (String name : features) {
            if (!(train.column(name) instanceof CategoricalColumn c) || typedByJob.contains(name)) {
                continue;
            }
            List<String> words = c.levelsThatAreNotNumbers(MOSTLY_NUMBERS_WORDS + 1);
            if (!words.isEmpty() && words.size() <= MOSTLY_NUMBERS_WORDS
                    && c.levels().size() >= MOSTLY_NUMBERS_FACTOR * words.size()) {
                notes.accept("Column '" + name + "' is read as text, not numbers, because of "
                        + (words.size() == 1 ? "the value " : "the values ") + String.join(", ", words.stream()
                        .map(w -> "'" + w + "'").toList()) + ". If it is numeric, write numbers there, or leave the"
                        + " fields empty for missing values.");
            }
        }
    }

    /** A number as a user wrote it: 7 rather than 7.0. */
    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static Table read(String key, DataReference ref, Map<String, ColumnType> hints) {
        try {
            return DataSource.read(ref.path(), hints);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(key + ": " + e.getMessage(), e);
        }
    }

    /** The table without rows whose target is missing (Azure drops them too). */
    private static Table withTarget(Table t, String target, String dataKey, Consumer<String> notes) {
        Table kept = rowsWithTarget(t, target);
        if (kept.rows() < t.rows()) {
            notes.accept(dataKey + ": left out " + (t.rows() - kept.rows()) + " rows without a value in the target column '"
                    + target + "'.");
        }
        return kept;
    }

    /** The rows of a table that have a value in the target column. */
    public static Table rowsWithTarget(Table t, String target) {
        Column c = t.column(target);
        int missing = c.missingCount();
        if (missing == 0) {
            return t;
        }
        int[] keep = new int[t.rows() - missing];
        int at = 0;
        for (int i = 0; i < t.rows(); i++) {
            if (!c.isMissing(i)) {
                keep[at++] = i;
            }
        }
        return t.select(keep);
    }

    private static double[] weights(Table t, String column) {
        NumericColumn c = (NumericColumn) t.column(column);
        double[] w = c.values().clone();
        for (int i = 0; i < w.length; i++) {
            if (Double.isNaN(w[i]) || w[i] < 0 || Double.isInfinite(w[i])) {
                throw new InvalidInputException("The weight column '" + column + "' must hold a non-negative number in every row; row "
                        + (i + 1) + " has " + (Double.isNaN(w[i]) ? "none" : String.valueOf(w[i])) + ".");
            }
        }
        return w;
    }

    private static int positiveClass(JobSpec spec, TargetEncoding encoding) {
        if (spec.task() != Task.CLASSIFICATION) {
            return -1;
        }
        List<String> labels = encoding.labels();
        if (spec.positiveLabel() == null) {
            return labels.size() - 1;
        }
        int k = labels.indexOf(spec.positiveLabel());
        if (k < 0) {
            throw new InvalidInputException("positive_label '" + spec.positiveLabel() + "' is not a class of the target column '"
                    + spec.targetColumn() + "'. Classes: " + String.join(", ", labels) + ".");
        }
        if (labels.size() != 2) {
            throw new InvalidInputException("positive_label applies to binary classification; the target column '"
                    + spec.targetColumn() + "' has " + labels.size() + " classes.");
        }
        return k;
    }

    /** Rows of {@code b} after those of {@code a}, in a's columns; b's category codes are mapped to a's levels. */
    static Table append(Table a, Table b, String bKey) {
        List<Column> out = new ArrayList<>();
        for (Column ca : a.columns()) {
            Column cb = b.find(ca.name()).orElseThrow(() -> new InvalidInputException(bKey + " lacks the column '"
                    + ca.name() + "' that training_data has."));
            if (ca.type() != cb.type()) {
                throw new InvalidInputException("The column '" + ca.name() + "' is " + ca.type().name().toLowerCase(java.util.Locale.ROOT)
                        + " in training_data but " + cb.type().name().toLowerCase(java.util.Locale.ROOT) + " in " + bKey + ".");
            }
            if (ca instanceof NumericColumn na) {
                out.add(new NumericColumn(ca.name(), concat(na.values(), ((NumericColumn) cb).values())));
            } else if (ca instanceof DateTimeColumn da) {
                out.add(new DateTimeColumn(ca.name(), concat(da.epochSeconds(), ((DateTimeColumn) cb).epochSeconds())));
            } else {
                CategoricalColumn ka = (CategoricalColumn) ca;
                CategoricalColumn kb = (CategoricalColumn) cb;
                List<String> levels = new ArrayList<>(ka.levels());
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < levels.size(); i++) {
                    index.put(levels.get(i), i);
                }
                int[] map = new int[kb.levels().size()];
                for (int i = 0; i < map.length; i++) {
                    String level = kb.levels().get(i);
                    Integer at = index.get(level);
                    if (at == null) {
                        at = levels.size();
                        levels.add(level);
                        index.put(level, at);
                    }
                    map[i] = at;
                }
                int[] codes = new int[ka.size() + kb.size()];
                System.arraycopy(ka.codes(), 0, codes, 0, ka.size());
                for (int i = 0; i < kb.size(); i++) {
                    int c = kb.codes()[i];
                    codes[ka.size() + i] = c == CategoricalColumn.MISSING ? c : map[c];
                }
                out.add(new CategoricalColumn(ca.name(), codes, levels));
            }
        }
        return new Table(out);
    }

    private static double[] concat(double[] x, double[] y) {
        double[] out = new double[x.length + y.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }
}
