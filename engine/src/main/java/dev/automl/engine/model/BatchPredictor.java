package dev.automl.engine.model;

import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Predictions;
import dev.automl.data.DataSource;
import dev.automl.data.InvalidInputException;
import dev.automl.data.Table;
import dev.automl.data.Task;
import dev.automl.featurization.DroppedColumn;
import dev.automl.featurization.FittedFeaturizer;
import dev.automl.featurization.series.SeriesFeatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * Applies a saved model to a file of new rows and writes one output row per input row, in order:
 * {@code prediction}, and for classification {@code proba_<label>} for every class. A forecasting model's rows
 * also carry their time and series, and without a file it forecasts its horizon after the training data.
 */
public final class BatchPredictor {

    private BatchPredictor() {
    }

    /**
     * What predicting did besides the predictions.
     *
     * @param unseenCategories how many categorical values the model had not seen in training
     * @param unseenWords      how many words of text columns the model had not seen in training
     * @param ignoredColumns   columns of the data the model does not read (such as the target), in data order
     * @param absentOptional   columns training had but featurization dropped, absent from the data (harmless)
     */
    public record Result(int rows, int unseenCategories, int unseenWords, List<String> ignoredColumns,
                         List<String> absentOptional) {
        public Result {
            ignoredColumns = List.copyOf(ignoredColumns);
            absentOptional = List.copyOf(absentOptional);
        }
    }

    /**
     * @param data the rows to predict; null asks a forecasting model for its horizon after the training data
     */
    public static Result predict(Path modelDir, Path data, Path output, LearnerCatalog catalog) {
        try (ModelStore.LoadedModel model = ModelStore.load(modelDir, catalog)) {
            SeriesFeatures series = model.pipeline().series();
            Table table = data != null ? DataSource.read(data, model.inputTypes()) : futureRows(model, series);
            Predictions p = model.pipeline().predict(table);
            if (series != null) {
                ForecastIntervals intervals = model.manifest().intervals();
                ForecastFile.write(output, series.layout(), table, null, p.values(),
                        intervals == null ? null : intervals.bounds(series, table, p.values()));
            } else {
                write(p, model.manifest(), output);
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
            return new Result(p.rows(), f.unseenCategories(table), f.unseenWords(table), ignored, absent);
        }
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

    private static void write(Predictions p, ModelManifest m, Path output) {
        List<String> header = new ArrayList<>();
        header.add("prediction");
        List<String> labels = m.target().labels();
        boolean classification = m.target().task() == Task.CLASSIFICATION;
        if (classification) {
            for (String l : labels) {
                header.add("proba_" + l);
            }
        }
        try (CSVPrinter out = PredictionCsv.open(output, header)) {
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
                out.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + output, e);
        }
    }
}
