package dev.automl.engine.model;

import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Predictions;
import dev.automl.data.DataSource;
import dev.automl.data.InvalidInputException;
import dev.automl.data.Table;
import dev.automl.data.Task;
import dev.automl.featurization.DroppedColumn;
import dev.automl.featurization.FittedFeaturizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Applies a saved model to a file of new rows and writes one output row per input row, in order:
 * {@code prediction}, and for classification {@code proba_<label>} for every class.
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

    public static Result predict(Path modelDir, Path data, Path output, LearnerCatalog catalog) {
        try (ModelStore.LoadedModel model = ModelStore.load(modelDir, catalog)) {
            Table table = DataSource.read(data, model.inputTypes());
            Predictions p = model.pipeline().predict(table);
            write(p, model.manifest(), output);
            FittedFeaturizer f = model.pipeline().featurizer();
            List<String> required = f.requiredColumns();
            List<String> ignored = table.columnNames().stream().filter(c -> !required.contains(c)).toList();
            List<String> absent = f.dropped().stream().map(DroppedColumn::column)
                    .filter(c -> table.find(c).isEmpty()).toList();
            return new Result(p.rows(), f.unseenCategories(table), f.unseenWords(table), ignored, absent);
        }
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
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new InvalidInputException("Cannot create the folder for " + output + ": " + e.getMessage());
        }
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(output, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
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
