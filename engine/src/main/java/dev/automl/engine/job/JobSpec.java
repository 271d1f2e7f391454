package dev.automl.engine.job;

import dev.automl.metrics.MetricDefinition;
import dev.automl.data.Task;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated AutoML job: everything the run needs from the job YAML, with Azure's defaults filled in.
 *
 * @param validationData     null when the job names none
 * @param testData           null when the job names none
 * @param nCrossValidations  null for Azure's row-count rule
 * @param validationDataSize null unless a holdout fraction was asked for
 * @param weightColumn       null when rows are unweighted
 * @param positiveLabel      null for the default (the last class in sorted order, as scikit-learn)
 * @param allowedAlgorithms  canonical learner names; empty means every available learner
 * @param ignoredKeys        Azure-only keys present in the file, reported once
 * @param notes              what the run tells the user about the job before it starts (such as a blocked
 *                           algorithm or transformer this engine does not have)
 */
public record JobSpec(Path jobFile, Task task, String targetColumn, MetricDefinition primaryMetric,
                      DataReference trainingData, DataReference validationData, DataReference testData,
                      Integer nCrossValidations, Double validationDataSize, String weightColumn,
                      String positiveLabel, FeaturizationSpec featurization, Limits limits,
                      List<String> allowedAlgorithms, List<String> blockedAlgorithms, EnsembleSettings ensembles,
                      List<String> ignoredKeys, List<String> notes,
                      Verbosity verbosity) {

    public JobSpec {
        allowedAlgorithms = List.copyOf(allowedAlgorithms);
        blockedAlgorithms = List.copyOf(blockedAlgorithms);
        ignoredKeys = List.copyOf(ignoredKeys);
        notes = List.copyOf(notes);
    }

    /** How much the console says, from Azure's {@code log_verbosity}. */
    public enum Verbosity {
        DEBUG, INFO, WARNING;
    }
}
