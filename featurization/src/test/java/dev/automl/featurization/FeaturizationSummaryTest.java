package dev.automl.featurization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.automl.data.ColumnType;
import dev.automl.data.DataSource;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The featurization summary of the penguins data, with a running-number column added, checked entry by entry. */
class FeaturizationSummaryTest {

    @Test
    void eachRawColumnShowsItsTypeTransformationsAndFeatures() {
        Path penguins = FeaturizerTest.repoRoot().resolve("testdata/penguins/penguins.csv");
        Table read = DataSource.read(penguins).drop(List.of("species"));
        double[] ids = new double[read.rows()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i + 1;
        }
        List<dev.automl.data.Column> columns = new ArrayList<>(read.columns());
        columns.add(0, new NumericColumn("row_id", ids));
        Table t = new Table(columns);
        FittedFeaturizer f = new Featurizer(FeaturizationSettings.auto()).fit(t, null);
        FeaturizationSummary s = FeaturizationSummary.of(f, DataSource.typesOf(t));

        assertEquals(List.of("row_id", "island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g",
                "sex", "year"), s.columns().stream().map(FeaturizationSummary.Entry::rawFeatureName).toList());

        FeaturizationSummary.Entry id = s.columns().get(0);
        assertEquals("Yes", id.dropped());
        assertEquals("ID-like: a running number", id.dropReason());
        assertEquals(0, id.engineeredFeatureCount());

        // Three islands: a code for trees, three one-hot columns for linear models; no gaps, so no marker.
        FeaturizationSummary.Entry island = s.columns().get(1);
        assertEquals("Categorical", island.typeDetected());
        assertEquals("No", island.dropped());
        assertNull(island.dropReason());
        assertEquals(List.of("CatImputer (fills 'Biscoe')", "LabelEncoder (trees, 3 levels)",
                "OneHotEncoder (linear models, 3 levels)"), island.transformations());
        assertEquals(List.of("island"), island.engineeredFeatures().get("trees"));
        assertEquals(4, island.engineeredFeatureCount());

        // Two of 344 bill lengths are missing: the mean fills them, with a marker.
        FeaturizationSummary.Entry bill = s.columns().get(2);
        assertEquals("Numeric", bill.typeDetected());
        assertEquals(List.of("MeanImputer", "ImputationMarker", "StandardScaler (linear models)"), bill.transformations());
        assertEquals(Map.of("trees", List.of("bill_length_mm", "bill_length_mm__missing"),
                "linear", List.of("bill_length_mm", "bill_length_mm__missing")), bill.engineeredFeatures());
        assertEquals(2, bill.engineeredFeatureCount());

        FeaturizationSummary.Entry year = s.columns().get(7);
        // Three years among 344 rows: also a category, one-hot for linear models.
        assertEquals(List.of("MeanImputer", "StandardScaler (linear models)",
                "OneHotEncoder (linear models, 3 distinct whole numbers)"), year.transformations());
        assertEquals(List.of("year", "year=2007", "year=2008", "year=2009"), year.engineeredFeatures().get("linear"));
        assertEquals(ColumnType.NUMERIC, t.column("year").type());
    }
}
