package dev.automl.engine.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.featurization.FittedFeaturizer;
import dev.automl.featurization.TargetEncoding;
import java.util.List;
import java.util.Map;

/**
 * The {@code model.json} of a saved model: everything but the learners' own files, as data. Provenance records
 * how the model was made (job, trial, validation score, seed, versions), as Tribuo keeps it with every model.
 *
 * @param algorithm       the learner's name for a single model, or {@code VotingEnsemble} / {@code StackEnsemble}
 * @param hyperparameters the single learner's, or the ensemble's description (members and weights)
 * @param combination     {@code single}, {@code vote} or {@code stack}
 * @param members         each fitted learner, saved under {@code members/<index>/}
 * @param metaLearner     the stack's meta-learner, saved under {@code meta/}; null unless a stack
 * @param inputColumns    the raw columns the featurizer reads, with the type each was read as in training
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelManifest(@JsonProperty("format_version") int formatVersion,
                            @JsonProperty("target_column") String targetColumn,
                            @JsonProperty("target") TargetEncoding target,
                            @JsonProperty("algorithm") String algorithm,
                            @JsonProperty("hyperparameters") Map<String, Object> hyperparameters,
                            @JsonProperty("combination") String combination,
                            @JsonProperty("members") List<MemberEntry> members,
                            @JsonProperty("meta_learner") MemberEntry metaLearner,
                            @JsonProperty("input_columns") Map<String, String> inputColumns,
                            @JsonProperty("featurizer") FittedFeaturizer featurizer,
                            @JsonProperty("provenance") Map<String, Object> provenance) {

    /** Version 2 added ensembles: every model is a list of members and a combination. */
    public static final int FORMAT_VERSION = 2;

    /**
     * One saved learner.
     *
     * @param weight its vote weight; 1 for a single model, null for a stack member or the meta-learner
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberEntry(@JsonProperty("algorithm") String algorithm,
                              @JsonProperty("view") String view,
                              @JsonProperty("hyperparameters") Map<String, Object> hyperparameters,
                              @JsonProperty("weight") Double weight) {
    }
}
