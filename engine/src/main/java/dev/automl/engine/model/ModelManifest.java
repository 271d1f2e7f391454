package dev.automl.engine.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.featurization.FittedFeaturizer;
import dev.automl.featurization.TargetEncoding;
import java.util.Map;

/**
 * The {@code model.json} of a saved model: everything but the learner's own files, as data. Provenance records
 * how the model was made (job, trial, validation score, seed, versions), as Tribuo keeps it with every model.
 *
 * @param inputColumns the raw columns the featurizer reads, with the type each was read as in training
 */
public record ModelManifest(@JsonProperty("format_version") int formatVersion,
                            @JsonProperty("target_column") String targetColumn,
                            @JsonProperty("target") TargetEncoding target,
                            @JsonProperty("algorithm") String algorithm,
                            @JsonProperty("view") String view,
                            @JsonProperty("hyperparameters") Map<String, Object> hyperparameters,
                            @JsonProperty("input_columns") Map<String, String> inputColumns,
                            @JsonProperty("featurizer") FittedFeaturizer featurizer,
                            @JsonProperty("provenance") Map<String, Object> provenance) {

    public static final int FORMAT_VERSION = 1;
}
