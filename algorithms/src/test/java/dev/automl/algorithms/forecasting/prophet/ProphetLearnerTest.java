package dev.automl.algorithms.forecasting.prophet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Hyperparameter;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.forecasting.GoldenFiles;
import dev.automl.algorithms.forecasting.SeriesView;
import dev.automl.algorithms.forecasting.Cycle;
import dev.automl.algorithms.forecasting.SeriesFit;
import dev.automl.algorithms.forecasting.SeriesModel;
import dev.automl.data.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prophet as a learner: its portfolio, space and parameters, the series view, saving, and the edge cases. */
class ProphetLearnerTest {

    private static final TrialContext CTX = new TrialContext(Deadline.never(), 1, 1);
    private static final Prophet PROPHET = new Prophet();

    /**
     * AirPassengers (monthly) and a constant series side by side: the first forecasts R's exact MAP, the second its
     * value; the saved model forecasts exactly what the fitted one did.
     */
    @Test
    void fitsEachSeriesAndSavesWhatItForecasts(@TempDir Path dir) throws IOException {
        JsonNode air = golden("AirPassengers additive");
        double[] passengers = GoldenFiles.doubles(air.get("y"));
        double[] flat = new double[20];
        Arrays.fill(flat, 5.0);
        List<Params> portfolio = PROPHET.portfolio(Task.FORECASTING, new DataShape(passengers.length, 2, 0, 0, 12, 365.25 / 12));
        assertEquals(List.of(Params.of("step_days", 365.25 / 12)), portfolio);
        List<double[]> rows = new ArrayList<>();
        for (int t = 0; t < passengers.length; t++) {
            rows.add(new double[] {0, t, passengers[t]});
        }
        for (int t = 0; t < flat.length; t++) {
            rows.add(new double[] {1, 100 + t, flat[t]});
        }
        List<double[]> ahead = new ArrayList<>();
        for (int k = 1; k <= 24; k++) {
            ahead.add(new double[] {0, passengers.length - 1 + k});
            ahead.add(new double[] {1, 119 + k});
        }
        double[] want = GoldenFiles.doubles(air.get("exact_map").get("yhat"));
        try (FittedModel model = PROPHET.fit(SeriesView.training(rows), null, portfolio.get(0), CTX)) {
            double[] got = model.predict(SeriesView.rows(ahead)).values();
            for (int k = 0; k < 24; k++) {
                // The learner phases the Fourier terms from the first value rather than from 1970, which leaves
                // the fit unchanged but not every rounding.
                assertEquals(want[k], got[2 * k], 1e-6 * 622, "AirPassengers " + (k + 1) + " ahead");
                assertEquals(5.0, got[2 * k + 1], 1e-12, "constant series");
            }
            assertEquals("Prophet seasonalities: none x1; yearly x1", model.note());
            model.save(dir);
            try (FittedModel loaded = PROPHET.load(dir, Task.FORECASTING, 0)) {
                assertArrayEquals(got, loaded.predict(SeriesView.rows(ahead)).values());
                assertEquals(portfolio.get(0), loaded.fittedParams());
                SeriesFit fit = ((SeriesModel) loaded).entries().get(0).fit();
                assertEquals("yearly", assertInstanceOf(ProphetFit.class, fit).seasonalities().get(0).name());
            }
        }
    }

    @Test
    void offersProphetsDefaultsAndSearchesItsPriorScales() {
        assertEquals("Prophet", PROPHET.name());
        assertTrue(PROPHET.inDefaultSearch());
        assertEquals(List.of(Task.FORECASTING), List.copyOf(PROPHET.tasks()));
        assertEquals(List.of(Params.of("step_days", 1.0 / 24)),
                PROPHET.portfolio(Task.FORECASTING, new DataShape(100, 2, 0, 0, 24, 1.0 / 24)));
        List<String> searched = PROPHET.space(Task.FORECASTING, new DataShape(100, 2, 0, 0, 7, 1)).hyperparameters()
                .stream().map(Hyperparameter::name).toList();
        assertEquals(List.of("changepoint_prior_scale", "seasonality_prior_scale", "seasonality_mode"), searched);
        // Each searched value is one the learner takes.
        Params sample = PROPHET.space(Task.FORECASTING, new DataShape(100, 2, 0, 0, 7, 1)).sample(new java.util.Random(3));
        ProphetSettings.of(sample.with("step_days", 1.0));
        ProphetSettings defaults = ProphetSettings.of(Params.empty());
        assertEquals(ProphetSettings.defaults(1), defaults);
        assertTrue(PROPHET.relativeCost() > 0 && PROPHET.relativeCost() < 3);
    }

    @Test
    void refusesBadParametersNamingThem() {
        TrainingData y = SeriesView.training(List.of(new double[] {0, 0, 1}, new double[] {0, 1, 2}, new double[] {0, 2, 3}));
        List<Object[]> bad = List.of(
                new Object[] {Params.of("growth", "logistic"), "growth"},
                new Object[] {Params.of("step_days", 0.0), "step_days"},
                new Object[] {Params.of("step_days", "daily"), "step_days"},
                new Object[] {Params.of("changepoint_prior_scale", -1.0), "changepoint_prior_scale"},
                new Object[] {Params.of("seasonality_prior_scale", 0), "seasonality_prior_scale"},
                new Object[] {Params.of("n_changepoints", 2.5), "n_changepoints"},
                new Object[] {Params.of("n_changepoints", -1), "n_changepoints"},
                new Object[] {Params.of("changepoint_range", 1.5), "changepoint_range"},
                new Object[] {Params.of("seasonality_mode", "additve"), "seasonality_mode"},
                new Object[] {Params.of("yearly_seasonality", "sometimes"), "yearly_seasonality"},
                new Object[] {Params.of("weekly_seasonality", -3), "weekly_seasonality"},
                new Object[] {Params.of("daily_seasonality", 1.5), "daily_seasonality"});
        for (Object[] b : bad) {
            Params params = (Params) b[0];
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PROPHET.fit(y, null, params, CTX), params.toString());
            assertTrue(e.getMessage().contains((String) b[1]), e.getMessage());
        }
        // What Prophet takes besides auto: true, false, a Fourier order.
        ProphetSettings s = ProphetSettings.of(Params.of("yearly_seasonality", true, "weekly_seasonality", false,
                "daily_seasonality", 6, "seasonality_mode", "multiplicative", "n_changepoints", 0));
        assertEquals(new ProphetSettings.SeasonalityChoice(false, 10), s.yearly());
        assertEquals(new ProphetSettings.SeasonalityChoice(false, 0), s.weekly());
        assertEquals(new ProphetSettings.SeasonalityChoice(false, 6), s.daily());
        assertTrue(s.multiplicative());
    }

    /** Missing values are left out of the fit, as Prophet drops them; a missing last value still counts as a step. */
    @Test
    void leavesMissingValuesOut() {
        JsonNode synthetic = golden("synthetic daily with missing values");
        double[] y = GoldenFiles.doubles(synthetic.get("y"));
        assertTrue(Arrays.stream(y).anyMatch(Double::isNaN));
        double[] want = GoldenFiles.doubles(synthetic.get("exact_map").get("yhat"));
        double[] got = Prophet.fit(y, ProphetSettings.defaults(1)).forecast(want.length);
        for (int h = 0; h < want.length; h++) {
            assertEquals(want[h], got[h], 1e-6 * synthetic.get("y_scale").asDouble());
        }
        // Two missing values before and three after: the fit is that of the observed middle, and the forecasts
        // start after the last (missing) step, three steps on from the observed end.
        double[] padded = new double[y.length + 5];
        Arrays.fill(padded, Double.NaN);
        System.arraycopy(y, 0, padded, 2, y.length);
        double[] later = Prophet.fit(padded, ProphetSettings.defaults(1)).forecast(want.length - 3);
        for (int h = 0; h < later.length; h++) {
            assertEquals(want[h + 3], later[h], 1e-6 * synthetic.get("y_scale").asDouble());
        }
    }

    /** Short series: fewer changepoints (as Prophet takes), no seasonality, still a fit; constant and single values. */
    @Test
    void shortAndDegenerateSeries() {
        JsonNode shortOne = golden("USAccDeaths first 24 months");
        double[] want = GoldenFiles.doubles(shortOne.get("exact_map").get("yhat"));
        ProphetFit fit = assertInstanceOf(ProphetFit.class, Prophet.fit(GoldenFiles.doubles(shortOne.get("y")),
                ProphetSettings.defaults(365.25 / 12)));
        assertEquals(18, fit.changepoints().length);
        assertEquals(List.of(), fit.seasonalities());
        assertArrayEquals(want, fit.forecast(want.length), 1e-6 * shortOne.get("y_scale").asDouble());
        // Two, three and four values: no changepoints but Prophet's stand-in, folded into the rate.
        assertArrayEquals(new double[] {3, 4}, Prophet.fit(new double[] {1, 2}, ProphetSettings.defaults(1)).forecast(2), 1e-6);
        for (double[] few : List.of(new double[] {1, 2, 4}, new double[] {1, 2, 4, 3})) {
            ProphetFit f = assertInstanceOf(ProphetFit.class, Prophet.fit(few, ProphetSettings.defaults(1)));
            double[] ahead = f.forecast(3);
            assertTrue(Arrays.stream(ahead).allMatch(Double::isFinite), Arrays.toString(ahead));
        }
        double[] constant = new double[30];
        Arrays.fill(constant, -7.25);
        assertArrayEquals(new double[] {-7.25, -7.25, -7.25}, Prophet.fit(constant, ProphetSettings.defaults(1)).forecast(3), 1e-12);
        double[] zeros = new double[10];
        assertArrayEquals(new double[] {0, 0}, Prophet.fit(zeros, ProphetSettings.defaults(1)).forecast(2), 0);
        assertArrayEquals(new double[] {4, 4}, assertInstanceOf(Cycle.class,
                Prophet.fit(new double[] {Double.NaN, 4, Double.NaN}, ProphetSettings.defaults(1))).forecast(2), 0);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Prophet.fit(new double[] {Double.NaN, Double.NaN}, ProphetSettings.defaults(1)));
        assertTrue(none.getMessage().contains("no observed value"), none.getMessage());
    }

    /** R's set_changepoints on a few history lengths, worked by hand from seq.int and round. */
    @Test
    void placesChangepointsAsProphet() {
        double[] t = new double[10];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
        }
        // h = floor(10 * 0.8) = 8 observations: 25 changepoints are cut to 7, one at each of observations 2..8.
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7}, ProphetDesign.changepoints(t, 25, 0.8));
        // seq(1, 8, length.out = 4) = 1, 3.33, 5.67, 8: observations 3, 6, 8.
        assertArrayEquals(new double[] {2, 5, 7}, ProphetDesign.changepoints(t, 3, 0.8));
        // seq(1, 9, length.out = 5) = 1, 3, 5, 7, 9; seq(1, 6, length.out = 3) = 1, 3.5, 6, and 3.5 rounds to even 4.
        assertArrayEquals(new double[] {2, 4, 6, 8}, ProphetDesign.changepoints(t, 4, 0.9));
        assertArrayEquals(new double[] {3, 5}, ProphetDesign.changepoints(t, 2, 0.6));
        assertArrayEquals(new double[0], ProphetDesign.changepoints(t, 0, 0.8));
        assertArrayEquals(new double[0], ProphetDesign.changepoints(t, 25, 0.1));
    }

    private static JsonNode golden(String name) {
        try {
            for (JsonNode g : ProphetGoldenTest.goldens().get("series")) {
                if (g.get("name").asText().equals(name)) {
                    return g;
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no golden " + name);
    }
}
