package dev.automl.featurization.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.data.CategoricalColumn;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import dev.automl.data.series.SeriesTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * use_stl's decomposition against R (testdata/forecasting/stl/stl_goldens.json, made by make_stl_goldens.R): R's
 * lowess and Azure's season of the detrended values; and the features a job's rows get from it.
 */
class StlFeaturesTest {

    private static JsonNode goldens() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("testdata"))) {
            dir = dir.getParent();
        }
        return new ObjectMapper().readTree(dir.resolve("testdata/forecasting/stl/stl_goldens.json").toFile());
    }

    private static double[] doubles(JsonNode n) {
        if (n.isNumber()) {
            return new double[] {n.asDouble()}; // jsonlite writes a vector of one as a number
        }
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asDouble();
        }
        return out;
    }

    @Test
    void trendAndSeasonAsR() throws IOException {
        int compared = 0;
        for (JsonNode g : goldens().get("series")) {
            double[] y = doubles(g.get("y"));
            double scale = java.util.Arrays.stream(y).map(Math::abs).max().orElse(1);
            double[] trend = Lowess.smooth(y);
            assertArrayEquals(doubles(g.get("trend")), trend, 1e-10 * scale, g.get("name").asText() + ": lowess");
            double[] season = StlFeatures.season(y, trend, g.get("seasonality").asInt());
            assertArrayEquals(doubles(g.get("season")), season, 1e-10 * scale, g.get("name").asText() + ": season");
            compared++;
        }
        assertEquals(5, compared);
    }

    @Test
    void holtCarriesAStraightTrendOn() {
        double[] line = {3, 5, 7, 9, 11, 13};
        double[] state = StlFeatures.holt(line);
        assertEquals(13, state[0], 1e-12);
        assertEquals(2, state[1], 1e-12);
    }

    /**
     * Two weekly-seasonal daily shops; validation holds out the last 7 days, so each is decomposed on the days before
     * them, and those 7 days get the season again and the trend's forecast, as new days do.
     */
    @Test
    void validationRowsGetTheDecompositionsForecastAsNewRowsDo() {
        int days = 35;
        double[] times = new double[2 * days];
        int[] shop = new int[2 * days];
        double[] sales = new double[2 * days];
        for (int s = 0; s < 2; s++) {
            for (int d = 0; d < days; d++) {
                int r = s * days + d;
                times[r] = LocalDate.of(2026, 1, 1).plusDays(d).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
                shop[r] = s;
                sales[r] = (s + 1) * (100 + 2 * d + (d % 7 == 5 ? 30 : 0));
            }
        }
        SeriesTable t = SeriesTable.of(new Table(List.of(new DateTimeColumn("day", times),
                new CategoricalColumn("shop", shop, List.of("a", "b")), new NumericColumn("sales", sales))),
                new SeriesTable.Layout("day", List.of("shop"), "sales"), null, null);
        StlFeatures stl = StlFeatures.fit(t, 7, true, 7);
        assertEquals(List.of("sales_season", "sales_trend"), stl.columns());
        double[][] training = stl.training(t);
        StlFeatures.Decomposition a = stl.series().get(0);
        assertEquals(28, a.cutoff());
        // Saturdays (day 5 of each week) stand 30 above the trend, less the week's mean bump of 30 / 7.
        assertEquals(30 - 30 / 7.0, a.season()[5], 1.0);
        double[][] later = stl.forNew(new int[] {0, 0}, new long[] {28, 34});
        assertEquals(later[0][0], training[0][28], 0);
        assertEquals(later[1][0], training[1][28], 0);
        assertEquals(later[1][1], training[1][34], 0);
        // The trend goes on at the series' own pace: 2 a day for shop a.
        assertEquals(2 * 6, training[1][34] - training[1][28], 0.5);
        SeriesFeatures f = SeriesFeatures.fit(t, 7, List.of(7), 0, List.of(), null, List.of(), false, 7, stl);
        Table derived = f.derive(t);
        assertArrayEquals(training[1], ((NumericColumn) derived.column("sales_trend")).values());
    }
}
