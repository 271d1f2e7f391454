package dev.automl.algorithms.forecasting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.automl.algorithms.forecasting.GoldenFiles.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Naive, SeasonalNaive, Average and SeasonalAverage against R's forecast package (testdata/forecasting/goldens.json,
 * made by make_goldens.R): the same forecasts, on AirPassengers and three M4 weekly series.
 */
class CycleForecasterTest {

    private static final List<Learner> LEARNERS = List.of(new Naive(), new SeasonalNaive(), new Average(), new SeasonalAverage());
    private static final TrialContext CTX = new TrialContext(Deadline.never(), 1, 1);

    @Test
    void forecastsAsRsForecastPackage() throws IOException {
        JsonNode goldens = GoldenFiles.read("testdata/forecasting/goldens.json");
        assertEquals("8.20", goldens.get("r_forecast_version").asText());
        int compared = 0;
        for (JsonNode g : goldens.get("series")) {
            double[] y = doubles(g.get("y"));
            int m = g.get("seasonality").asInt();
            int h = g.get("horizon").asInt();
            for (Learner learner : LEARNERS) {
                Params p = learner.portfolio(Task.FORECASTING, new DataShape(y.length, 2, 0, 0, m, 1)).get(0);
                try (FittedModel model = learner.fit(series(0, 0, y), null, p, CTX)) {
                    double[] got = model.predict(steps(0, y.length, h)).values();
                    double[] want = doubles(g.get(learner.name()));
                    for (int k = 0; k < h; k++) {
                        assertEquals(want[k], got[k], 1e-9 * Math.abs(want[k]),
                                learner.name() + " on " + g.get("name").asText() + ", step " + (k + 1));
                    }
                    compared++;
                }
            }
        }
        assertEquals(16, compared);
    }

    /** Each series is fitted on its own rows, whatever order the rows come in; a saved model forecasts the same. */
    @Test
    void fitsEachSeriesOnItsOwnRowsAndSavesWhatItForecasts(@TempDir Path dir) throws IOException {
        // Series 0: 1..8 at steps 0-7; series 1: 10, 20, 30, 40 at steps 0-3, rows interleaved and reversed.
        List<double[]> rows = new ArrayList<>();
        for (int t = 7; t >= 0; t--) {
            rows.add(new double[] {0, t, t + 1});
            if (t < 4) {
                rows.add(new double[] {1, t, 10 * (t + 1)});
            }
        }
        TrainingData train = SeriesView.training(rows);
        FeatureMatrix ahead = SeriesView.rows(List.of(new double[] {1, 4}, new double[] {0, 9}, new double[] {1, 7}, new double[] {0, 8}));
        try (FittedModel naive = new Naive().fit(train, null, Params.empty(), CTX);
             FittedModel seasonal = new SeasonalNaive().fit(train, null, Params.of("seasonality", 3), CTX);
             FittedModel average = new SeasonalAverage().fit(train, null, Params.of("seasonality", 2), CTX)) {
            assertArrayEquals(new double[] {40, 8, 40, 8}, naive.predict(ahead).values());
            // Season of 3: series 1 repeats 20, 30, 40; series 0 repeats 6, 7, 8 (step 9 is 2 ahead: 7).
            assertArrayEquals(new double[] {20, 7, 20, 6}, seasonal.predict(ahead).values());
            // Season of 2: series 0 at step 9 (odd) averages 2, 4, 6, 8; at step 8 averages 1, 3, 5, 7.
            assertArrayEquals(new double[] {20, 5, 30, 4}, average.predict(ahead).values());
            seasonal.save(dir);
            try (FittedModel loaded = new SeasonalNaive().load(dir, Task.REGRESSION, 0)) {
                assertArrayEquals(seasonal.predict(ahead).values(), loaded.predict(ahead).values());
                assertEquals(Params.of("seasonality", 3), loaded.fittedParams());
            }
        }
    }

    /**
     * A rolling forecast: rows after the training end give their actual values, and each row is forecast as if the
     * model had been fitted on the series up to the last value known before it.
     */
    @Test
    void actualValuesAfterTheTrainingEndAreTakenInAsARefitOnTheLongerSeriesWould() {
        double[] y = {112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170};
        int n = 12;
        for (Learner learner : LEARNERS) {
            Params p = learner.portfolio(Task.FORECASTING, new DataShape(n, 2, 0, 0, 4, 1)).get(0);
            // Steps 12-14 give their values, 15 does not; steps 16-18 are forecast from the three known values.
            List<double[]> rows = new ArrayList<>();
            for (int t = n; t < y.length; t++) {
                rows.add(new double[] {0, t, t < n + 3 ? y[t] : Double.NaN});
            }
            try (FittedModel short12 = learner.fit(series(0, 0, java.util.Arrays.copyOf(y, n)), null, p, CTX);
                 FittedModel long14 = learner.fit(series(0, 0, java.util.Arrays.copyOf(y, n + 2)), null, p, CTX);
                 FittedModel long15 = learner.fit(series(0, 0, java.util.Arrays.copyOf(y, n + 3)), null, p, CTX)) {
                double[] rolling = short12.predict(SeriesView.withKnown(rows)).values();
                assertEquals(short12.predict(steps(0, n, 1)).values()[0], rolling[0], 1e-9, learner.name() + ": nothing known before step 12");
                assertEquals(long14.predict(steps(0, n + 2, 1)).values()[0], rolling[2], 1e-9, learner.name() + ": two values known before step 14");
                double[] fromLong = long15.predict(steps(0, n + 3, 4)).values();
                assertArrayEquals(fromLong, java.util.Arrays.copyOfRange(rolling, 3, 7), 1e-9, learner.name());
            }
        }
        assertTrue(new Cycle(new double[] {1, 2}).updated(new double[] {3}, null).isEmpty(),
                "a stand-in's cycle does not take values in");
    }

    @Test
    void refusesWhatIsNotAForecast() {
        try (FittedModel naive = new Naive().fit(series(0, 0, new double[] {1, 2, 3}), null, Params.empty(), CTX)) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> naive.predict(SeriesView.rows(List.of(new double[] {0, 2}))))
                    .getMessage().contains("step 2 of series 0 lies within"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> naive.predict(SeriesView.rows(List.of(new double[] {3, 5}))))
                    .getMessage().contains("not fitted on series 3"));
        }
        TrainingData gap = SeriesView.training(List.of(new double[] {0, 0, 1}, new double[] {0, 2, 1}));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Naive().fit(gap, null, Params.empty(), CTX))
                .getMessage().contains("gaps"));
        assertThrows(IllegalArgumentException.class, () -> new SeasonalNaive().fit(series(0, 0, new double[] {1, 2}), null,
                Params.of("seasonality", 0), CTX));
    }

    /** With no seasons the seasonal forms offer nothing to run: they would repeat Naive and Average. */
    /** A series shorter than a season gets the seasonal form's plain form: Naive's last value, Average's mean. */
    @Test
    void seasonalFormsFallBackToTheirPlainFormOnASeriesShorterThanASeason() {
        Params weekly = Params.of("seasonality", 7);
        try (FittedModel naive = new SeasonalNaive().fit(series(0, 0, new double[] {1, 2, 6}), null, weekly, CTX);
             FittedModel average = new SeasonalAverage().fit(series(0, 0, new double[] {1, 2, 6}), null, weekly, CTX)) {
            FeatureMatrix ahead = SeriesView.rows(List.of(new double[] {0, 3}, new double[] {0, 9}));
            assertArrayEquals(new double[] {6, 6}, naive.predict(ahead).values());
            assertArrayEquals(new double[] {3, 3}, average.predict(ahead).values());
        }
    }

    @Test
    void seasonalFormsSitOutDataWithoutSeasons() {
        assertEquals(List.of(), new SeasonalNaive().portfolio(Task.FORECASTING, new DataShape(100, 2, 0, 0, 1, 1)));
        assertEquals(List.of(Params.of("seasonality", 7)),
                new SeasonalAverage().portfolio(Task.FORECASTING, new DataShape(100, 2, 0, 0, 7, 1)));
        assertEquals(List.of(Params.empty()), new Naive().portfolio(Task.FORECASTING, new DataShape(100, 2, 0, 0, 7, 1)));
        List<String> forecasting = LearnerCatalog.standard().forTask(Task.FORECASTING).stream().map(Learner::name).toList();
        assertEquals(List.of("Naive", "SeasonalNaive", "ExponentialSmoothing", "LightGBM", "Arimax", "Prophet",
                "AutoArima", "XGBoostRegressor", "Average", "SeasonalAverage"), forecasting.subList(0, 10),
                "the naive forecasts set the bar; then the strongest of each kind");
        assertTrue(forecasting.containsAll(List.of("LightGBM", "XGBoostRegressor", "ElasticNet")), forecasting.toString());
        assertTrue(!forecasting.contains("LogisticRegression"), forecasting.toString());
    }

    private static TrainingData series(int index, int firstStep, double[] y) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            rows.add(new double[] {index, firstStep + i, y[i]});
        }
        return SeriesView.training(rows);
    }

    private static FeatureMatrix steps(int series, int from, int h) {
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < h; k++) {
            rows.add(new double[] {series, from + k});
        }
        return SeriesView.rows(rows);
    }
}
