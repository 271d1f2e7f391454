package dev.automl.cli;

import dev.automl.algorithms.LearnerCatalog;
import dev.automl.data.InvalidInputException;
import dev.automl.engine.explain.Explanation;
import dev.automl.engine.model.BatchPredictor;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code automl predict}: applies a saved model to new rows and writes one prediction per row, in order. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict with a model a run saved (DIR/model) on a CSV or Parquet file or an MLTable folder.")
final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model folder (outputs/<job>/model).")
    Path model;

    @Option(names = "--data", paramLabel = "PATH", description = "A CSV or Parquet file, or an MLTable folder. A"
            + " forecasting model without it forecasts forecast_horizon steps after the training data.")
    Path data;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path output;

    @Option(names = "--explain", paramLabel = "K", defaultValue = "0", description = "Add each row's K largest"
            + " raw-column contributions (explain_1_feature, explain_1_value, ...): exact SHAP values for tree and"
            + " linear models, sampled Shapley values against training rows saved with the model otherwise.")
    int explain;

    @Override
    public Integer call() {
        if (explain < 0) {
            throw new InvalidInputException("--explain must be 0 or more, got " + explain + ".");
        }
        BatchPredictor.Result r = BatchPredictor.predict(model, data, output, LearnerCatalog.standard(), explain);
        System.out.printf("Wrote %,d %s to %s%n", r.rows(), data == null ? "forecasts" : "predictions", output);
        if (r.explainedBy() != null) {
            System.out.printf("Explained each row by its %d largest contributions: %s.%n", explain,
                    r.explainedBy() == Explanation.Method.SHAP ? "exact SHAP values, in the model's margin"
                            + " (log-odds for boosted trees and logistic regression)"
                            : "sampled Shapley values, in the predicted class's probability or the predicted value");
        }
        if (r.unseenCategories() > 0) {
            System.out.printf("%,d values were categories the model had not seen; they were treated as a rare category.%n",
                    r.unseenCategories());
        }
        if (r.unseenWords() > 0) {
            System.out.printf("%,d words in text columns were new to the model; they add no features.%n", r.unseenWords());
        }
        if (!r.ignoredColumns().isEmpty()) {
            System.out.printf("Ignored %d column%s the model does not use: %s.%n", r.ignoredColumns().size(),
                    r.ignoredColumns().size() == 1 ? "" : "s", String.join(", ", r.ignoredColumns()));
        }
        if (!r.absentOptional().isEmpty()) {
            System.out.printf("Absent, and not needed (training dropped them): %s.%n", String.join(", ", r.absentOptional()));
        }
        return 0;
    }
}
