package dev.automl.engine.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a saved model was made, kept with it as Tribuo keeps provenance with every model: the engine that made it,
 * the job and seed, a digest of the training rows, and the leaderboard row it is.
 *
 * @param created when the model was saved (ISO-8601, UTC)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Provenance(@JsonProperty("engine") Engine engine,
                         @JsonProperty("job") Job job,
                         @JsonProperty("data") Data data,
                         @JsonProperty("trial") Trial trial,
                         @JsonProperty("created") String created) {

    /** The engine and the Java runtime that trained the model. */
    public record Engine(@JsonProperty("version") String version, @JsonProperty("java") String java) {
    }

    /**
     * The job the model was trained for.
     *
     * @param file   the job file's name
     * @param sha256 the job file's SHA-256; null when the job was not read from a file (a benchmark's fold)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Job(@JsonProperty("file") String file, @JsonProperty("sha256") String sha256,
                      @JsonProperty("task") String task, @JsonProperty("seed") long seed) {
    }

    /**
     * The rows the model was trained on.
     *
     * @param sha256 the digest of the training rows' feature columns, target and weights as read
     *               ({@link dev.automl.data.TableDigest})
     */
    public record Data(@JsonProperty("training_rows") int trainingRows, @JsonProperty("sha256") String sha256) {
    }

    /** The leaderboard row the model is, and how it scored on the validation rows. */
    public record Trial(@JsonProperty("trial_id") int trialId, @JsonProperty("algorithm") String algorithm,
                        @JsonProperty("validation_metric") String validationMetric,
                        @JsonProperty("validation_score") double validationScore) {
    }
}
