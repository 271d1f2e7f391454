package dev.automl.engine.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * The job YAML exactly as written, bound key by key, so that a key this engine does not know fails the
 * binding (with its line and column) instead of being silently ignored. {@link JobParser} validates it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record JobDocument(
        @JsonProperty("$schema") JsonNode schema,
        JsonNode type,
        JsonNode name,
        JsonNode displayName,
        JsonNode experimentName,
        JsonNode description,
        JsonNode tags,
        JsonNode compute,
        JsonNode outputs,
        JsonNode identity,
        JsonNode resources,
        JsonNode queueSettings,
        JsonNode properties,
        String task,
        String targetColumnName,
        String primaryMetric,
        DataInputDocument trainingData,
        DataInputDocument validationData,
        DataInputDocument testData,
        JsonNode nCrossValidations,
        Double validationDataSize,
        String weightColumnName,
        JsonNode positiveLabel,
        FeaturizationDocument featurization,
        LimitsDocument limits,
        TrainingDocument training,
        ForecastingDocument forecasting,
        String logVerbosity) {

    /** Keys that only mean something to Azure's cloud service; accepted and reported once as ignored. */
    static final List<String> AZURE_ONLY = List.of("$schema", "name", "display_name", "experiment_name",
            "description", "tags", "compute", "outputs", "identity", "resources", "queue_settings", "properties");

    /** An input dataset reference: {@code {path, type}}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DataInputDocument(String path, String type, JsonNode description, JsonNode mode) {
    }

    /** The {@code featurization} block. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record FeaturizationDocument(String mode, Map<String, String> columnNameAndTypes,
                                 Map<String, List<ColumnTransformerDocument>> transformerParams,
                                 Boolean enableDnnFeaturization, List<String> blockedTransformers,
                                 String datasetLanguage) {
    }

    /** One entry of a {@code transformer_params} list: the columns it applies to and its parameters. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ColumnTransformerDocument(List<String> fields, Map<String, JsonNode> parameters) {
    }

    /** The {@code limits} block. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LimitsDocument(Double timeoutMinutes, Double trialTimeoutMinutes, Integer maxTrials,
                          Integer maxConcurrentTrials, Integer maxCoresPerTrial, Boolean enableEarlyTermination,
                          Double exitScore, JsonNode maxNodes) {
    }

    /** The {@code training} block. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TrainingDocument(List<String> allowedTrainingAlgorithms, List<String> blockedTrainingAlgorithms,
                            Boolean enableModelExplainability, Boolean enableVoteEnsemble,
                            Boolean enableStackEnsemble, Boolean enableOnnxCompatibleModels,
                            Boolean enableDnnTraining, String trainingMode,
                            JsonNode ensembleModelDownloadTimeoutMinutes,
                            StackEnsembleDocument stackEnsembleSettings) {
    }

    /** The {@code forecasting} block; the keys that take a number, a list or {@code auto} are read as nodes. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ForecastingDocument(String timeColumnName, JsonNode timeSeriesIdColumnNames, JsonNode forecastHorizon,
                               String frequency, JsonNode targetLags, JsonNode targetRollingWindowSize,
                               JsonNode featureLags, JsonNode seasonality, JsonNode useStl,
                               JsonNode shortSeriesHandlingConfig, String targetAggregateFunction,
                               String countryOrRegionForHolidays, JsonNode cvStepSize,
                               JsonNode featuresUnknownAtForecastTime) {
    }

    /** The {@code training.stack_ensemble_settings} block. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StackEnsembleDocument(String stackMetaLearnerType, Double stackMetaLearnerTrainPercentage,
                                 Map<String, JsonNode> stackMetaLearnerKwargs) {
    }
}
