package dev.automl.featurization.series;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.data.CategoricalColumn;
import dev.automl.data.Column;
import dev.automl.data.ColumnType;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import dev.automl.data.series.SeriesTable;
import dev.automl.featurization.ColumnPurpose;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeatureView;
import dev.automl.featurization.FeaturizationSettings;
import dev.automl.featurization.Featurizer;
import dev.automl.featurization.FittedFeaturizer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The columns a forecasting job derives from its series, worked out by hand on two small daily series. */
class SeriesFeaturesTest {

    private static final SeriesTable.Layout LAYOUT = new SeriesTable.Layout("day", List.of("shop"), "sales");

    /** Shop a: 1 Jan to 6 Jan, sales 10..60 (3 Jan missing, carried forward); shop b: 2 Jan to 5 Jan, sales 1..4. */
    private static SeriesTable training() {
        String[] days = {"01", "02", "04", "05", "06", "02", "03", "04", "05"};
        int[] shop = {0, 0, 0, 0, 0, 1, 1, 1, 1};
        double[] sales = {10, 20, 40, 50, 60, 1, 2, 3, 4};
        double[] temp = {5, 6, 8, 9, 10, 1, 1, 1, 1};
        Table t = new Table(List.of(times(days), new CategoricalColumn("shop", shop, List.of("a", "b")),
                new NumericColumn("sales", sales), new NumericColumn("temp", temp)));
        return SeriesTable.of(t, LAYOUT, null, null);
    }

    private static DateTimeColumn times(String... days) {
        double[] v = new double[days.length];
        for (int i = 0; i < days.length; i++) {
            v[i] = LocalDate.parse("2026-01-" + days[i]).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        }
        return new DateTimeColumn("day", v);
    }

    private static double[] column(Table t, String name) {
        return ((NumericColumn) t.column(name)).values();
    }

    @Test
    void lagsAndTheRollingMeanReachBackAtLeastTheHorizon() {
        SeriesTable s = training();
        // Horizon 2: Azure's target_lags [1, 2] are 2 and 3 steps back from the row; a window of 2 ending 2 back.
        SeriesFeatures f = SeriesFeatures.fit(s, 2, SeriesFeatures.fromOrigin(List.of(1, 2), 2), 2);
        assertEquals(List.of(2, 3), f.lags());
        Table d = f.derive(s);
        assertEquals(List.of("_series_index", "_series_step", "_series_known", "sales_lag2", "sales_lag3", "sales_mean2_lag2"),
                f.derivedColumns());
        double n = Double.NaN;
        // Shop a's sales after filling 3 Jan: 10, 20, 20, 40, 50, 60; shop b's: 1, 2, 3, 4.
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 1}, column(d, "_series_index"));
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 0, 1, 2, 3}, column(d, "_series_step"));
        assertArrayEquals(new double[] {n, n, n, n, n, n, n, n, n, n}, column(d, "_series_known"),
                "training's models never read a row's own value");
        assertArrayEquals(new double[] {n, n, 10, 20, 20, 40, n, n, 1, 2}, column(d, "sales_lag2"));
        assertArrayEquals(new double[] {n, n, n, 10, 20, 20, n, n, n, 1}, column(d, "sales_lag3"));
        assertArrayEquals(new double[] {n, n, 10, 15, 20, 30, n, n, 1, 1.5}, column(d, "sales_mean2_lag2"));
        assertEquals(Map.of("_series_index", ColumnPurpose.SERIES_INDEX, "_series_step", ColumnPurpose.SERIES_STEP,
                "_series_known", ColumnPurpose.SERIES_KNOWN, "sales_lag2", ColumnPurpose.TARGET_HISTORY, "sales_lag3", ColumnPurpose.TARGET_HISTORY,
                "sales_mean2_lag2", ColumnPurpose.TARGET_HISTORY), f.purposes());
    }

    @Test
    void relativeLagsAreChangesFromTheAnchorInUnitsOfTheSeriesScale() throws Exception {
        SeriesTable s = training();
        // Validation holds out each series' last 2 values: shop a's scale is the mean step of 10, 20, 20, 40 (30 / 3 =
        // 10), shop b's of 1, 2 (1). The anchor is the value 2 steps back, the first value for the first 2 steps.
        SeriesFeatures f = SeriesFeatures.fit(s, 2, List.of(2, 3), 2, List.of(), null, List.of(), true, 2, null);
        assertEquals(List.of("_series_index", "_series_step", "_series_known", "_series_anchor", "_series_scale", "sales_lag3",
                "sales_mean2_lag2"), f.derivedColumns(), "relative to the anchor, the lag at the horizon is always 0");
        Table d = f.derive(s);
        double n = Double.NaN;
        assertArrayEquals(new double[] {10, 10, 10, 20, 20, 40, 1, 1, 1, 2}, column(d, "_series_anchor"));
        assertArrayEquals(new double[] {10, 10, 10, 10, 10, 10, 1, 1, 1, 1}, column(d, "_series_scale"));
        // Lag 3 was n, n, n, 10, 20, 20 and n, n, n, 1; the mean of lags 2 and 3 n, n, 10, 15, 20, 30 and n, n, 1, 1.5.
        assertArrayEquals(new double[] {n, n, n, -1, 0, -2, n, n, n, -1}, column(d, "sales_lag3"));
        assertArrayEquals(new double[] {n, n, 0, -0.5, 0, -1, n, n, 0, -0.5}, column(d, "sales_mean2_lag2"));
        assertEquals(ColumnPurpose.SERIES_BASE, f.purposes().get("_series_anchor"));
        assertEquals(ColumnPurpose.SERIES_BASE, f.purposes().get("_series_scale"));
        assertEquals(ColumnPurpose.TARGET_HISTORY, f.purposes().get("sales_lag3"));

        // New rows anchor on training's tail and then on the actual values they give, after a save and load.
        ObjectMapper json = new ObjectMapper();
        SeriesFeatures loaded = json.readValue(json.writeValueAsString(f), SeriesFeatures.class);
        Table rows = new Table(List.of(times("06", "07", "07", "08"), new CategoricalColumn("shop", new int[] {0, 0, 1, 1},
                List.of("b", "a")), new NumericColumn("sales", new double[] {n, n, 70, n})));
        Table next = loaded.derive(rows);
        assertArrayEquals(new double[] {3, 4, 50, 60}, column(next, "_series_anchor"));
        assertArrayEquals(new double[] {1, 1, 10, 10}, column(next, "_series_scale"));
        // Shop b on 6 Jan: lag 3 is 3 Jan's 2, (2 - 3) / 1; shop a on 7 Jan: 4 Jan's 40, (40 - 50) / 10; on 8 Jan:
        // 5 Jan's 50 from its anchor 6 Jan's 60.
        assertArrayEquals(new double[] {-1, -1, -1, -1}, column(next, "sales_lag3"));
    }

    @Test
    void withoutLagsThereIsNothingToBeRelativeTo() {
        SeriesFeatures f = SeriesFeatures.fit(training(), 2, List.of(), 0, List.of(), null, List.of(), true, 2, null);
        assertEquals(List.of("_series_index", "_series_step", "_series_known"), f.derivedColumns());
    }

    @Test
    void autoLagsCoverTheHorizonAndTheSeason() {
        assertEquals(List.of(12, 13, 14, 24, 36), SeriesFeatures.autoLags(12, 12));
        assertEquals(List.of(14, 15, 16, 21, 28), SeriesFeatures.autoLags(14, 7));
        assertEquals(List.of(3, 4, 5, 24, 48, 72), SeriesFeatures.autoLags(3, 24));
        assertEquals(List.of(1, 2, 3), SeriesFeatures.autoLags(1, 1));
        assertEquals(List.of(48, 49, 50, 72, 96), SeriesFeatures.autoLags(48, 24));
    }

    /** New rows read training's last values, then the actual values they give themselves (a rolling forecast). */
    @Test
    void newRowsReadTrainingsTailAndTheirOwnActualValues() throws Exception {
        SeriesFeatures f = SeriesFeatures.fit(training(), 2, List.of(2), 0);
        // Shop b on 6 and 7 Jan (1 and 2 steps after its end), shop a on 8 Jan with 7 Jan's actual value given.
        Table rows = new Table(List.of(times("06", "07", "07", "08"), new CategoricalColumn("shop", new int[] {0, 0, 1, 1},
                List.of("b", "a")), new NumericColumn("sales", new double[] {Double.NaN, Double.NaN, 70, Double.NaN})));
        Table d = f.derive(rows);
        assertArrayEquals(new double[] {1, 1, 0, 0}, column(d, "_series_index"));
        assertArrayEquals(new double[] {4, 5, 6, 7}, column(d, "_series_step"));
        assertArrayEquals(new double[] {3, 4, 50, 60}, column(d, "sales_lag2"));
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 70, Double.NaN}, column(d, "_series_known"));
        // A saved featurizer forecasts the same.
        ObjectMapper json = new ObjectMapper();
        SeriesFeatures loaded = json.readValue(json.writeValueAsString(f), SeriesFeatures.class);
        assertArrayEquals(column(d, "sales_lag2"), column(loaded.derive(rows), "sales_lag2"));

        Table future = f.futureRows(2, Map.of("shop", ColumnType.CATEGORICAL, "day", ColumnType.DATETIME));
        assertEquals(List.of("2026-01-07T00:00", "2026-01-08T00:00", "2026-01-06T00:00", "2026-01-07T00:00"),
                List.of(0, 1, 2, 3).stream().map(r -> ((DateTimeColumn) future.column("day")).get(r).toString()).toList());
        assertEquals(List.of("a", "a", "b", "b"), List.of(0, 1, 2, 3).stream().map(r -> future.column("shop").text(r)).toList());
    }

    @Test
    void newRowsThatAreNoForecastAreRefusedNamingTheRow() {
        SeriesFeatures f = SeriesFeatures.fit(training(), 2, List.of(2), 0);
        Column shop = new CategoricalColumn("shop", new int[] {0}, List.of("c"));
        assertEquals("Row 1 belongs to the series shop=c, which the training data does not have: the model can forecast"
                + " only the series it was trained on.", error(f, new Table(List.of(times("07"), shop))));
        Column a = new CategoricalColumn("shop", new int[] {0}, List.of("a"));
        assertEquals("Row 1 (series shop=a) is at 2026-01-05T00:00, within the training data, which ends at"
                + " 2026-01-06T00:00: the model forecasts times after it.", error(f, new Table(List.of(times("05"), a))));
        assertEquals("Row 1 (series shop=a) is 3 steps after the last known value of 'sales', but the model forecasts at"
                + " most 2 steps ahead (forecast_horizon). Give the target's values up to 2 steps before the rows to"
                + " forecast (a rolling forecast), or forecast fewer steps.", error(f, new Table(List.of(times("09"), a))));
        Table offGrid = new Table(List.of(new DateTimeColumn("day", new double[] {
                LocalDate.parse("2026-01-07").atTime(12, 0).toEpochSecond(ZoneOffset.UTC)}), a));
        assertEquals("Row 1 is at 2026-01-07T12:00, which is not on the D grid of its series (2026-01-01T00:00 plus"
                + " whole steps).", error(f, offGrid));
        // Without lags, a model forecasts as far ahead as it is asked.
        SeriesFeatures noLags = SeriesFeatures.fit(training(), 2, List.of(), 0);
        assertEquals(1, noLags.derive(new Table(List.of(times("20"), a))).rows());
    }

    private static String error(SeriesFeatures f, Table rows) {
        return assertThrows(InvalidInputException.class, () -> f.derive(rows)).getMessage();
    }

    /**
     * The series view holds the covariates (filled, unscaled: regressors for Arimax), the series, the step and the
     * known value (empty in training), not the lags; the other views never see them, and keep the lags.
     */
    @Test
    void theSeriesViewHoldsCovariatesSeriesAndStep() {
        SeriesTable s = training();
        SeriesFeatures f = SeriesFeatures.fit(s, 1, List.of(1), 0);
        Table d = f.derive(s).drop(List.of("sales"));
        FittedFeaturizer ff = new Featurizer(FeaturizationSettings.auto().withPurposes(f.purposes())).fit(d, null);
        assertEquals(List.of("temp", "_series_index", "_series_step", "_series_known"), ff.featureNames(FeatureView.SERIES));
        FeatureMatrix x = ff.transform(d, new int[] {7, 1}, FeatureView.SERIES);
        assertArrayEquals(new float[] {1, 1, 1, Float.NaN, 6, 0, 1, Float.NaN}, x.values());
        for (FeatureView v : List.of(FeatureView.TREES, FeatureView.LINEAR)) {
            List<String> names = ff.featureNames(v);
            assertEquals(false, names.stream().anyMatch(n -> n.startsWith("_series")), names.toString());
            assertEquals(true, names.contains("sales_lag1"), names.toString());
        }
    }
}
