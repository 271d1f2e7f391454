package dev.automl.engine.job;

import dev.automl.data.ColumnType;
import dev.automl.featurization.FeaturizationSettings;
import java.util.List;
import java.util.Map;

/**
 * The job's {@code featurization}: settings for the featurizer, plus the column types to read the data with
 * and the columns the user asked to ignore.
 *
 * @param notes what the run tells the user about the settings before it starts (such as a blocked transformer
 *              this engine does not have)
 */
public record FeaturizationSpec(FeaturizationSettings settings, Map<String, ColumnType> columnTypes,
                                List<String> ignoredColumns, List<String> notes) {

    public FeaturizationSpec {
        notes = List.copyOf(notes);
        columnTypes = Map.copyOf(columnTypes);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    /** Automatic featurization, Azure's default. */
    public static FeaturizationSpec auto() {
        return of(FeaturizationSettings.auto());
    }

    /** These settings, with no column types or ignored columns of the job's own. */
    public static FeaturizationSpec of(FeaturizationSettings settings) {
        return new FeaturizationSpec(settings, Map.of(), List.of(), List.of());
    }
}
