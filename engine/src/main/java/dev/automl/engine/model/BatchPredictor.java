package dev.automl.engine.model;

import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Predictions;
import dev.automl.data.DataSource;
import dev.automl.data.InvalidInputException;
import dev.automl.data.Table;
import dev.automl.data.Task;
import dev.automl.engine.explain.Explanation;
import dev.automl.engine.explain.PipelineContributions;
import dev.automl.engine.explain.RawContributions;
import dev.automl.engine.explain.SampledShapley;
import dev.automl.featurization.DroppedColumn;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeatureView;
import dev.automl.featurization.FittedFeaturizer;
import dev.automl.featurization.series.SeriesFeatures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a saved model to a file of new rows and writes one output row per input row, in order:
 * {@code prediction}, and for classification {@code proba_<label>} for every class. A forecasting model's rows
 * also carry their time and series, and without a file it forecasts its horizon after the training data.
 */
public final class BatchPredictor {

    /** Sampled explanations of the same rows are the same on every call. */
    static final long EXPLAIN_SEED = 17;

    private BatchPredictor() {
    }

    /**
     * What predicting did besides the predictions.
     *
     * @param unseenCategories how many categorical values the model had not seen in training
     * @param unseenWords      how many words of text columns the model had not seen in training
     * @param ignoredColumns   columns of the data the model does not read (such as the target), in data order
     * @param absentOptional   columns training had but featurization dropped, absent from the data (harmless)
     * @param explainedBy      how the rows' contributions were computed; null when they were not asked for
     */
    public record Result(int rows, int unseenCategories, int unseenWords, List<String> ignoredColumns,
                         List<String> absentOptional, Explanation.Method explainedBy) {
        public Result {
            ignoredColumns = List.copyOf(ignoredColumns);
            absentOptional = List.copyOf(absentOptional);
        }
    }

    public static Result predict(Path modelDir, Path data, Path output, LearnerCatalog catalog) {
        return predict(modelDir, data, output, catalog, 0);
    }

    /**
     * @param data    the rows to predict; null asks a forecasting model for its horizon after the training data
     * @param explain how many of each row's largest raw-column contributions to add ({@code explain_1_feature},
     *                {@code explain_1_value}, ...); 0 for none
     */
    public static Result predict(Path modelDir, Path data, Path output, LearnerCatalog catalog, int explain) {
        ModelFolderCheck.requireUsable(modelDir);
        try (ModelStore.LoadedModel model = ModelStore.load(modelDir, catalog)) {
            SeriesFeatures series = model.pipeline().series();
            if (explain > 0 && series != null) {
                throw new InvalidInputException("--explain is not supported for forecasting models yet;"
                        + " classification and regression models are explained.");
            }
            Table table = data != null ? DataSource.read(data, model.inputTypes()) : futureRows(model, series);
            Map<FeatureView, FeatureMatrix> views = model.pipeline().views(table);
            Predictions p = model.pipeline().predict(views);
            RawContributions contributions = explain > 0 ? contributions(model, modelDir, table, views) : null;
            if (series != null) {
                ForecastIntervals intervals = model.manifest().intervals();
                ForecastFile.write(output, series.layout(), table, null, p.values(),
                        intervals == null ? null : intervals.bounds(series, table, p.values()));
            } else {
                write(p, model.manifest(), output, contributions, explain);
            }
            FittedFeaturizer f = model.pipeline().featurizer();
            List<String> required = f.requiredColumns();
            // A forecasting model reads the target's actual values, where given, for later rows' lags.
            String context = series == null ? null : series.layout().targetColumn();
            List<String> ignored = table.columnNames().stream()
                    .filter(c -> !required.contains(c) && !c.equals(context)).toList();
            List<String> derived = series == null ? List.of() : series.derivedColumns();
            List<String> absent = f.dropped().stream().map(DroppedColumn::column)
                    .filter(c -> table.find(c).isEmpty() && !derived.contains(c)).toList();
            return new Result(p.rows(), f.unseenCategories(table), f.unseenWords(table), ignored, absent,
                    contributions == null ? null : contributions.method());
        }
    }

    /** The indices of the k values largest in absolute value, largest first; ties keep the columns' order. */
    static int[] largest(double[] values, int k) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(values[b]), Math.abs(values[a])));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = order[i];
        }
        return out;
    }

    /** A forecasting model's next {@code forecast_horizon} steps of every series, when it needs no other column. */
    private static Table futureRows(ModelStore.LoadedModel model, SeriesFeatures series) {
        if (series == null) {
            throw new InvalidInputException("--data is required: only a forecasting model forecasts without data.");
        }
        List<String> known = new ArrayList<>(series.layout().grainColumns());
        known.add(series.layout().timeColumn());
        List<String> others = model.inputTypes().keySet().stream().filter(c -> !known.contains(c)).toList();
        if (!others.isEmpty()) {
            throw new InvalidInputException("The model reads the column" + (others.size() == 1 ? " " : "s ")
                    + String.join(", ", others) + " besides the time and series: give their values for the times to"
                    + " forecast with --data.");
        }
        return series.futureRows(series.horizon(), model.inputTypes());
    }

    /**
     * The rows' raw-column contributions: exact when the model gives them, else sampled against the background rows
     * saved beside it.
     */
    private static RawContributions contributions(ModelStore.LoadedModel model, Path modelDir, Table table,
                                                  Map<FeatureView, FeatureMatrix> views) {
        TrainedPipeline pipeline = model.pipeline();
        Optional<PipelineContributions> exact = PipelineContributions.of(pipeline, views);
        if (exact.isPresent()) {
            return exact.get().rawContributions();
        }
        Table background = ModelStore.background(modelDir, model.inputTypes()).orElseThrow(() ->
                new InvalidInputException("--explain needs the training rows saved beside a " + pipeline.algorithm()
                        + " model (" + modelDir.resolve(ModelStore.BACKGROUND) + "), and this model folder has none:"
                        + " it was saved by an older build. Run the job again to explain its predictions."));
        List<String> columns = pipeline.featurizer().requiredColumns();
        return SampledShapley.compute(pipeline, table, background, columns, EXPLAIN_SEED);
    }

    private static void write(Predictions p, ModelManifest m, Path output, RawContributions contributions,
                              int explain) {
        List<String> header = new ArrayList<>();
        header.add("prediction");
        List<String> labels = m.target().labels();
        boolean classification = m.target().task() == Task.CLASSIFICATION;
        if (classification) {
            for (String l : labels) {
                header.add("proba_" + l);
            }
        }
        int shown = contributions == null ? 0 : Math.min(explain, contributions.columns().size());
        for (int j = 1; j <= shown; j++) {
            header.add("explain_" + j + "_feature");
            header.add("explain_" + j + "_value");
        }
        try (PredictionCsv out = PredictionCsv.open(output, header)) {
            List<Object> row = new ArrayList<>(header.size());
            for (int i = 0; i < p.rows(); i++) {
                row.clear();
                if (classification) {
                    row.add(labels.get(p.predictedClass(i)));
                    for (int k = 0; k < labels.size(); k++) {
                        row.add(p.probability(i, k));
                    }
                } else {
                    row.add(p.values()[i]);
                }
                if (shown > 0) {
                    double[] towards = contributions.towards(i, classification ? p.predictedClass(i) : 0);
                    for (int c : largest(towards, shown)) {
                        row.add(contributions.columns().get(c));
                        row.add(towards[c]);
                    }
                }
                out.printRecord(row);
            }
            out.commit();
        } catch (IOException e) {
            throw new InvalidInputException("Cannot write " + output + ": " + e.getMessage() + ".");
        }
    }
}
