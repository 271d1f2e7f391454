package dev.automl.engine.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.featurization.FittedFeaturizer;
import dev.automl.featurization.TargetEncoding;
import dev.automl.featurization.series.SeriesFeatures;
import java.util.List;
import java.util.Map;

/**
 * The {@code model.json} of a saved model: everything but the learners' own files, as data. {@link Provenance}
 * records how the model was made, as Tribuo keeps it with every model.
 *
 * @param algorithm       the learner's name for a single model, or {@code VotingEnsemble} / {@code StackEnsemble}
 * @param hyperparameters the single learner's, or the ensemble's description (members and weights)
 * @param combination     {@code single}, {@code vote} or {@code stack}
 * @param members         each fitted learner, saved under {@code members/<index>/}
 * @param metaLearner     the stack's meta-learner, saved under {@code meta/}; null unless a stack
 * @param calibration     how an ensemble's combined probabilities are corrected; absent when they are not
 * @param inputColumns    the raw columns the featurizer reads, with the type each was read as in training
 * @param series          a forecasting model's series and the columns derived from them; absent for other tasks
 * @param intervals       a forecasting model's prediction intervals; absent when it has none
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
                            @JsonProperty("calibration") ProbabilityCalibration calibration,
                            @JsonProperty("input_columns") Map<String, String> inputColumns,
                            @JsonProperty("featurizer") FittedFeaturizer featurizer,
                            @JsonProperty("provenance") Provenance provenance,
                            @JsonProperty("series") SeriesFeatures series,
                            @JsonProperty("intervals") ForecastIntervals intervals) {

    /** Version 2 added ensembles: every model is a list of members and a combination. */
    public static final int FORMAT_VERSION = 2;

    /** Builds a manifest by name, since its parts are many. */
    public static Builder builder() {
        return new Builder();
    }

    /** A manifest's parts, set by name; the format version is this build's. */
    public static final class Builder {
        private String targetColumn;
        private TargetEncoding target;
        private String algorithm;
        private Map<String, Object> hyperparameters;
        private String combination;
        private List<MemberEntry> members;
        private MemberEntry metaLearner;
        private ProbabilityCalibration calibration;
        private Map<String, String> inputColumns;
        private FittedFeaturizer featurizer;
        private Provenance provenance;
        private SeriesFeatures series;
        private ForecastIntervals intervals;

        private Builder() {
        }

        public Builder target(String column, TargetEncoding encoding) {
            this.targetColumn = column;
            this.target = encoding;
            return this;
        }

        /** The leaderboard's name and hyperparameters of the model. */
        public Builder algorithm(String name, Map<String, Object> hyperparameters) {
            this.algorithm = name;
            this.hyperparameters = hyperparameters;
            return this;
        }

        /** How the members combine ({@code single}, {@code vote} or {@code stack}), and the stack's meta-learner. */
        public Builder members(String combination, List<MemberEntry> members, MemberEntry metaLearner) {
            this.combination = combination;
            this.members = List.copyOf(members);
            this.metaLearner = metaLearner;
            return this;
        }

        /** The ensemble's probability correction; none is recorded when it changes nothing. */
        public Builder calibration(ProbabilityCalibration c) {
            this.calibration = c == null || c.isNone() ? null : c;
            return this;
        }

        public Builder inputs(Map<String, String> inputColumns, FittedFeaturizer featurizer) {
            this.inputColumns = inputColumns;
            this.featurizer = featurizer;
            return this;
        }

        /** A forecasting model's series and prediction intervals (null when it has none); none for other tasks. */
        public Builder series(SeriesFeatures series, ForecastIntervals intervals) {
            this.series = series;
            this.intervals = intervals;
            return this;
        }

        public Builder provenance(Provenance provenance) {
            this.provenance = provenance;
            return this;
        }

        public ModelManifest build() {
            return new ModelManifest(FORMAT_VERSION, targetColumn, target, algorithm, hyperparameters, combination,
                    members, metaLearner, calibration, inputColumns, featurizer, provenance, series, intervals);
        }
    }

    /**
     * One saved learner.
     *
     * @param weight its vote weight; 1 for a single model, null for a stack member or the meta-learner
     * @param bagged  how many models its bag averages, each in a numbered folder; null for one model
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberEntry(@JsonProperty("algorithm") String algorithm,
                              @JsonProperty("view") String view,
                              @JsonProperty("hyperparameters") Map<String, Object> hyperparameters,
                              @JsonProperty("weight") Double weight,
                              @JsonProperty("bagged") Integer bagged) {
    }
}
