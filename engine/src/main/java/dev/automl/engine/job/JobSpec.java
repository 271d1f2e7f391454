package dev.automl.engine.job;

import dev.automl.data.Task;
import dev.automl.metrics.MetricDefinition;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated AutoML job: everything the run needs from the job YAML, with Azure's defaults filled in. Built by
 * name with {@link #builder}, since its parts are many.
 *
 * @param jobFile            the job file; for a job not read from a file (a benchmark's fold), its training data
 * @param jobSha256          the job file's SHA-256, for the model's provenance; null when the job was not read
 *                           from a file
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
 * @param forecasting        the {@code forecasting} block of a forecasting job; null for other tasks
 */
public record JobSpec(Path jobFile, String jobSha256, Task task, String targetColumn, MetricDefinition primaryMetric,
                      DataReference trainingData, DataReference validationData, DataReference testData,
                      Integer nCrossValidations, Double validationDataSize, String weightColumn,
                      String positiveLabel, FeaturizationSpec featurization, Limits limits,
                      List<String> allowedAlgorithms, List<String> blockedAlgorithms, EnsembleSettings ensembles,
                      List<String> ignoredKeys, List<String> notes,
                      Verbosity verbosity, ForecastingSettings forecasting, boolean explain) {

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

    /**
     * A job for a task, a target column and its training data, the other parts at Azure's defaults until set:
     * no validation or test data, the row-count validation rule, automatic featurization, Azure's limits, every
     * learner of the default search, both ensembles (the vote alone for forecasting, as Azure), and info output.
     */
    public static Builder builder(Task task, String targetColumn, MetricDefinition primaryMetric, DataReference trainingData) {
        return new Builder(task, targetColumn, primaryMetric, trainingData);
    }

    /** Sets a job's parts by name. */
    public static final class Builder {
        private final Task task;
        private final String targetColumn;
        private final MetricDefinition primaryMetric;
        private final DataReference trainingData;
        private Path jobFile;
        private String jobSha256;
        private DataReference validationData;
        private DataReference testData;
        private Integer nCrossValidations;
        private Double validationDataSize;
        private String weightColumn;
        private String positiveLabel;
        private FeaturizationSpec featurization = FeaturizationSpec.auto();
        private Limits limits = Limits.defaults();
        private List<String> allowedAlgorithms = List.of();
        private List<String> blockedAlgorithms = List.of();
        /** Null until set: Azure's default then depends on the task. */
        private EnsembleSettings ensembles;
        private List<String> ignoredKeys = List.of();
        private List<String> notes = List.of();
        private Verbosity verbosity = Verbosity.INFO;
        private ForecastingSettings forecasting;
        private Boolean explain;

        private Builder(Task task, String targetColumn, MetricDefinition primaryMetric, DataReference trainingData) {
            this.task = task;
            this.targetColumn = targetColumn;
            this.primaryMetric = primaryMetric;
            this.trainingData = trainingData;
            this.jobFile = trainingData.path();
        }

        /** The file the job was read from, and its SHA-256 (null when there is no such file). */
        public Builder jobFile(Path file, String sha256) {
            this.jobFile = file;
            this.jobSha256 = sha256;
            return this;
        }

        public Builder validationData(DataReference ref) {
            this.validationData = ref;
            return this;
        }

        public Builder testData(DataReference ref) {
            this.testData = ref;
            return this;
        }

        public Builder nCrossValidations(Integer folds) {
            this.nCrossValidations = folds;
            return this;
        }

        public Builder validationDataSize(Double fraction) {
            this.validationDataSize = fraction;
            return this;
        }

        public Builder weightColumn(String column) {
            this.weightColumn = column;
            return this;
        }

        public Builder positiveLabel(String label) {
            this.positiveLabel = label;
            return this;
        }

        public Builder featurization(FeaturizationSpec spec) {
            this.featurization = spec;
            return this;
        }

        public Builder limits(Limits l) {
            this.limits = l;
            return this;
        }

        public Builder algorithms(List<String> allowed, List<String> blocked) {
            this.allowedAlgorithms = allowed;
            this.blockedAlgorithms = blocked;
            return this;
        }

        public Builder ensembles(EnsembleSettings settings) {
            this.ensembles = settings;
            return this;
        }

        /** What the run reports about the job file before it starts: keys it ignores, and notes. */
        public Builder messages(List<String> ignored, List<String> jobNotes) {
            this.ignoredKeys = ignored;
            this.notes = jobNotes;
            return this;
        }

        public Builder verbosity(Verbosity v) {
            this.verbosity = v;
            return this;
        }

        public Builder forecasting(ForecastingSettings settings) {
            this.forecasting = settings;
            return this;
        }

        /** Whether the run explains its best model ({@code enable_model_explainability}); null for the default. */
        public Builder explain(Boolean on) {
            this.explain = on;
            return this;
        }

        public JobSpec build() {
            if ((task == Task.FORECASTING) != (forecasting != null)) {
                throw new IllegalArgumentException("a forecasting job, and only one, has forecasting settings");
            }
            return new JobSpec(jobFile, jobSha256, task, targetColumn, primaryMetric, trainingData, validationData,
                    testData, nCrossValidations, validationDataSize, weightColumn, positiveLabel, featurization, limits,
                    allowedAlgorithms, blockedAlgorithms, ensembles != null ? ensembles
                    : task == Task.FORECASTING ? EnsembleSettings.voteOnly() : EnsembleSettings.defaults(),
                    ignoredKeys, notes, verbosity, forecasting,
                    // Azure explains by default.
                    explain == null || explain);
        }
    }
}
