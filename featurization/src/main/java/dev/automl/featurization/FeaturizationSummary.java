package dev.automl.featurization;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.data.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Azure's featurization summary of a fitted featurizer: for each raw feature column, in the data's order, the type
 * it was read as, whether it was dropped and why, the transformations applied and the engineered features it
 * became for each family of learners. The first five keys are Azure's ({@code get_featurization_summary()}).
 */
public record FeaturizationSummary(List<Entry> columns) {

    /** One raw column. */
    public record Entry(@JsonProperty("RawFeatureName") String rawFeatureName,
                        @JsonProperty("TypeDetected") String typeDetected,
                        @JsonProperty("Dropped") String dropped,
                        @JsonProperty("EngineeredFeatureCount") int engineeredFeatureCount,
                        @JsonProperty("Transformations") List<String> transformations,
                        @JsonProperty("DropReason") String dropReason,
                        @JsonProperty("EngineeredFeatures") Map<String, List<String>> engineeredFeatures) {

        /** A column the model reads, with its transformations and engineered features per family of learners. */
        static Entry kept(String name, String type, List<String> transformations, Map<String, List<String>> features) {
            int count = (int) features.values().stream().flatMap(List::stream).distinct().count();
            return new Entry(name, type, "No", count, transformations, null, features);
        }

        /** A column the model does not read, and why. */
        static Entry dropped(String name, String type, String reason) {
            return new Entry(name, type, "Yes", 0, List.of(), reason, Map.of());
        }
    }

    public FeaturizationSummary {
        columns = List.copyOf(columns);
    }

    /** The summary of a featurizer whose job ignored no column. */
    public static FeaturizationSummary of(FittedFeaturizer featurizer, Map<String, ColumnType> rawTypes) {
        return of(featurizer, rawTypes, List.of());
    }

    /**
     * @param rawTypes every raw feature column (not the target or weight), in the data's order, with the type it
     *                 was read as
     * @param ignored  columns the job gave the purpose Ignore, listed last as dropped
     */
    public static FeaturizationSummary of(FittedFeaturizer featurizer, Map<String, ColumnType> rawTypes,
                                          List<String> ignored) {
        Map<String, ColumnEncoder> encoders = new LinkedHashMap<>();
        featurizer.encoders().forEach(e -> encoders.put(e.column(), e));
        Map<String, String> dropped = new LinkedHashMap<>();
        featurizer.dropped().forEach(d -> dropped.put(d.column(), d.reason()));
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, ColumnType> raw : rawTypes.entrySet()) {
            ColumnEncoder e = encoders.get(raw.getKey());
            String type = e != null && e.typeDetected() != null ? e.typeDetected() : switch (raw.getValue()) {
                case NUMERIC -> "Numeric";
                case CATEGORICAL -> "Categorical";
                case DATETIME -> "DateTime";
            };
            if (e == null) {
                String reason = dropped.getOrDefault(raw.getKey(), "not a feature of the model");
                out.add(Entry.dropped(raw.getKey(), type, reason));
                continue;
            }
            Map<String, List<String>> features = new LinkedHashMap<>();
            features.put("trees", e.featureNames(FeatureView.TREES));
            features.put("linear", e.featureNames(FeatureView.LINEAR));
            out.add(Entry.kept(raw.getKey(), type, e.transformations(), features));
        }
        for (String c : ignored) {
            out.add(Entry.dropped(c, "Ignore", "column_name_and_types: Ignore"));
        }
        return new FeaturizationSummary(out);
    }
}
