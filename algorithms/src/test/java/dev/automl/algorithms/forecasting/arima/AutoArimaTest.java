package dev.automl.algorithms.forecasting.arima;

import dev.automl.algorithms.forecasting.GoldenFiles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.forecasting.SeriesView;
import dev.automl.algorithms.forecasting.arima.ArimaEstimator.Constant;
import dev.automl.algorithms.forecasting.arima.ArimaEstimator.Estimate;
import dev.automl.algorithms.forecasting.arima.ArimaEstimator.Method;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.automl.algorithms.forecasting.GoldenFiles.doubles;
import static dev.automl.algorithms.forecasting.GoldenFiles.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AutoArima against R's forecast 8.20 (testdata/forecasting/arima/arima_goldens.json, made by
 * make_arima_goldens.R): the model auto.arima chooses, its estimates and forecasts on eleven real series, the
 * estimates of given orders, the exact likelihood of given coefficients, and the tests that choose the differences.
 */
class AutoArimaTest {

    /** Coefficients of a given order: R's optimiser stops where the relative change falls below 1.5e-8. */
    private static final double COEF_TOLERANCE = 1e-3;
    private static final double LOGLIK_RELATIVE = 1e-6;
    /** Point forecasts of the same model, relative to the series' scale (its mean absolute value). */
    private static final double FORECAST_RELATIVE = 1e-3;

    private static JsonNode goldens;

    @BeforeAll
    static void load() throws IOException {
        goldens = GoldenFiles.read("testdata/forecasting/arima/arima_goldens.json");
        assertEquals("8.20", goldens.get("r_forecast_version").asText());
    }

    @Test
    void choosesRsModelAndForecastsAsR() {
        StringBuilder report = new StringBuilder();
        List<String> failures = new ArrayList<>();
        for (JsonNode g : goldens.get("series")) {
            double[] y = doubles(g.get("y"));
            int m = g.get("seasonality").asInt();
            int h = g.get("horizon").asInt();
            JsonNode want = g.get("auto");
            long t0 = System.nanoTime();
            ArimaFit fit = AutoArima.fit(y, m, Deadline.never());
            double secs = (System.nanoTime() - t0) / 1e9;
            double[] got = fit.forecast(h);
            double[] wantF = doubles(want.get("forecast"));
            double scale = meanAbs(y);
            double worst = 0.0;
            for (int k = 0; k < h; k++) {
                worst = Math.max(worst, Math.abs(got[k] - wantF[k]) / scale);
            }
            boolean sameModel = Arrays.equals(ints(want.get("order")), fit.order())
                    && want.get("constant").asText().equals(fit.constant());
            report.append(String.format("%-34s R %-40s AICc %10.3f | ours %-40s AICc %10.3f | max fc diff %.2e | %.2fs (R %.2fs)%n",
                    g.get("name").asText(), describe(want), want.get("aicc").asDouble(), fit.model(), fit.aicc(), worst,
                    secs, g.get("r_seconds").asDouble()));
            if (!sameModel) {
                failures.add(g.get("name").asText() + ": R chose " + describe(want) + ", we chose " + fit.model());
                continue;
            }
            if (Math.abs(fit.aicc() - want.get("aicc").asDouble()) > 1e-3 * Math.abs(want.get("aicc").asDouble()) + 1e-3) {
                failures.add(g.get("name").asText() + ": AICc " + fit.aicc() + " vs R's " + want.get("aicc").asDouble());
            }
            double[] wantCoef = doubles(want.get("coef"));
            for (int i = 0; i < wantCoef.length; i++) {
                if (Math.abs(fit.coefficients()[i] - wantCoef[i]) > COEF_TOLERANCE * Math.max(1.0, Math.abs(wantCoef[i]))) {
                    failures.add(g.get("name").asText() + ": " + fit.names()[i] + " " + fit.coefficients()[i] + " vs R's "
                            + wantCoef[i]);
                }
            }
            if (worst > FORECAST_RELATIVE) {
                failures.add(g.get("name").asText() + ": forecasts differ by " + worst + " of the series' scale");
            }
        }
        System.out.print(report);
        assertTrue(failures.isEmpty(), String.join("\n", failures) + "\n" + report);
    }

    @Test
    void estimatesGivenOrdersAsR() {
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (JsonNode g : goldens.get("series")) {
            double[] y = doubles(g.get("y"));
            int m = g.get("seasonality").asInt();
            for (JsonNode f : g.get("fixed")) {
                JsonNode spec = f.get("spec");
                int[] o = ints(spec.get("order"));
                int[] s = ints(spec.get("seasonal"));
                ArimaOrder order = new ArimaOrder(o[0], o[1], o[2], s[0], s[1], s[2], m);
                Constant c = constant(spec.get("constant").asText());
                Estimate e = ArimaEstimator.fit(y, order, c, Method.CSS_ML);
                String what = g.get("name").asText() + " " + order + " " + c;
                double[] want = doubles(f.get("coef"));
                for (int i = 0; i < want.length; i++) {
                    if (Math.abs(e.coef()[i] - want[i]) > COEF_TOLERANCE * Math.max(1.0, Math.abs(want[i]))) {
                        failures.add(what + ": coefficient " + i + " " + e.coef()[i] + " vs R's " + want[i]);
                    }
                }
                double ll = f.get("loglik").asDouble();
                if (Math.abs(e.loglik() - ll) > LOGLIK_RELATIVE * Math.abs(ll)) {
                    failures.add(what + ": loglik " + e.loglik() + " vs R's " + ll);
                }
                double[] fc = ArimaFit.of(e, e.state(), e.sigma2(), Double.NaN, "").forecast(g.get("horizon").asInt());
                double[] wantFc = doubles(f.get("forecast"));
                double scale = meanAbs(y);
                for (int k = 0; k < fc.length; k++) {
                    if (Math.abs(fc[k] - wantFc[k]) > FORECAST_RELATIVE * scale) {
                        failures.add(what + ": forecast " + (k + 1) + " " + fc[k] + " vs R's " + wantFc[k]);
                        break;
                    }
                }
                compared++;
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(compared >= 18, "compared " + compared);
    }

    /** The Kalman filter's exact Gaussian log-likelihood of given coefficients, nothing estimated. */
    @Test
    void exactLikelihoodAsR() {
        for (JsonNode g : goldens.get("series")) {
            double[] y = doubles(g.get("y"));
            JsonNode auto = g.get("auto");
            int[] o = ints(auto.get("order"));
            ArimaOrder order = new ArimaOrder(o[0], o[1], o[2], o[3], o[4], o[5], o[6]);
            JsonNode at = g.get("loglik_at");
            double want = at.get("loglik").asDouble();
            double got = ArimaEstimator.logLikelihood(y, order, constant(auto.get("constant").asText()), doubles(at.get("coef")));
            assertEquals(want, got, 1e-9 * Math.abs(want), g.get("name").asText());
        }
    }

    @Test
    void chooseDifferencesAsR() {
        for (JsonNode g : goldens.get("series")) {
            String name = g.get("name").asText();
            double[] y = doubles(g.get("y"));
            int m = g.get("seasonality").asInt();
            JsonNode t = g.get("tests");
            assertEquals(t.get("kpss").asDouble(), Differencing.kpss(y), 1e-10 * t.get("kpss").asDouble(), name);
            double[] dy = ArimaEstimator.diff(y, 1);
            assertEquals(t.get("kpss_diff").asDouble(), Differencing.kpss(dy), 1e-10 * t.get("kpss_diff").asDouble(), name);
            int sd = m > 1 && y.length > 2 * m ? Differencing.nsdiffs(y, m) : 0;
            assertEquals(t.get("nsdiffs").asInt(), sd, name);
            if (t.has("seasonal_strength")) {
                assertEquals(t.get("seasonal_strength").asDouble(), Differencing.seasonalStrength(y, m), 1e-9, name);
            }
            assertEquals(t.get("ndiffs").asInt(), Differencing.ndiffs(sd > 0 ? ArimaEstimator.diff(y, m) : y, 2), name);
        }
    }

    @Test
    void stationaryCovarianceAsR() {
        for (JsonNode c : goldens.get("covariances")) {
            double[] want = doubles(c.get("q0"));
            double[] got = StateSpace.of(doubles(c.get("phi")), doubles(c.get("theta")), new double[0]).pn;
            assertArrayEquals(want, got, 1e-10);
        }
    }

    /** Short series: the orders searched shrink with the length, down to a mean for two values. */
    @Test
    void shortSeriesAsR() {
        for (JsonNode s : goldens.get("short")) {
            double[] y = doubles(s.get("y"));
            ArimaFit fit = AutoArima.fit(y, s.get("seasonality").asInt(), Deadline.never());
            JsonNode want = s.get("auto");
            assertArrayEquals(ints(want.get("order")), fit.order(), "n = " + y.length);
            assertEquals(want.get("constant").asText(), fit.constant(), "n = " + y.length);
            assertArrayEquals(doubles(want.get("forecast")), fit.forecast(6), 1e-3 * meanAbs(y), "n = " + y.length);
        }
    }

    @Test
    void constantSeriesForecastsItsValue() {
        ArimaFit fit = AutoArima.fit(new double[] {4, 4, 4, 4, 4}, 1, Deadline.never());
        assertArrayEquals(new double[] {4, 4, 4}, fit.forecast(3));
        assertEquals("ARIMA(0,0,0) with non-zero mean", fit.model());
    }

    /**
     * A series that differencing makes constant (a polynomial in time, with or without a repeating season) gets
     * the differences and their constant, as auto.arima fits it: a line continues, a season repeats.
     */
    @Test
    void polynomialSeriesContinue() {
        double[] line = new double[40];
        double[] season = new double[40];
        double[] pattern = {1, 5, 3, 8};
        for (int i = 0; i < 40; i++) {
            line[i] = 3 + 2 * (i + 1);
            season[i] = pattern[i % 4];
        }
        ArimaFit lineFit = AutoArima.fit(line, 1, Deadline.never());
        assertEquals("ARIMA(0,1,0) with drift", lineFit.model());
        assertArrayEquals(new double[] {85, 87, 89}, lineFit.forecast(3), 1e-9);
        ArimaFit seasonFit = AutoArima.fit(season, 4, Deadline.never());
        assertEquals("ARIMA(0,0,0)(0,1,0)[4] with drift", seasonFit.model());
        assertArrayEquals(new double[] {1, 5, 3, 8, 1}, seasonFit.forecast(5), 1e-9);
        // Where R's auto.arima stops with an error, the series forecasts its last value.
        assertArrayEquals(new double[] {9, 9}, AutoArima.randomWalk(new double[] {1, 4, 9}, "why").forecast(2));
    }

    /**
     * A passed deadline stops the likelihood evaluations themselves: AirPassengers gets the random walk, and the note
     * says why; without a deadline the search goes on to R's model.
     */
    @Test
    void passedDeadlineStopsTheSearch() {
        double[] air = doubles(goldens.get("series").get(0).get("y"));
        ArimaFit full = AutoArima.fit(air, 12, Deadline.never());
        ArimaFit stopped = AutoArima.fit(air, 12, Deadline.afterSeconds(0));
        assertEquals("ARIMA(2,1,1)(0,1,0)[12]", full.model());
        assertEquals("", full.note());
        assertEquals("the trial's deadline passed before a model was fitted; forecasting the last value", stopped.note());
        assertArrayEquals(new double[] {air[air.length - 1], air[air.length - 1]}, stopped.forecast(2));
    }

    /** A series longer than MAX_HISTORY is fitted on its last MAX_HISTORY values, as if the rest were not there. */
    @Test
    void aLongSeriesIsFittedOnItsRecentValues() {
        Random rng = new Random(7);
        int n = AutoArima.MAX_HISTORY + 150;
        List<double[]> rows = new ArrayList<>();
        double level = 0;
        for (int t = 0; t < n; t++) {
            level = 0.6 * level + rng.nextGaussian();
            rows.add(new double[] {0, t, 10 + level});
        }
        double[] recent = rows.subList(150, n).stream().mapToDouble(r -> r[2]).toArray();
        ArimaFit alone = AutoArima.fit(recent, 1, Deadline.never());
        FeatureMatrix ahead = SeriesView.rows(List.of(new double[] {0, n}, new double[] {0, n + 2}));
        try (FittedModel model = new AutoArima().fit(SeriesView.training(rows), null, Params.of("seasonality", 1),
                new TrialContext(Deadline.never(), 1, 1))) {
            double[] got = model.predict(ahead).values();
            assertEquals(alone.forecast(3)[0], got[0], 1e-12);
            assertEquals(alone.forecast(3)[2], got[1], 1e-12);
        }
    }

    /** A fitted model saved and loaded through SeriesModel forecasts the same, without refitting. */
    @Test
    void savedModelForecastsTheSame(@TempDir Path dir) throws IOException {
        double[] air = doubles(goldens.get("series").get(0).get("y"));
        double[] lake = doubles(goldens.get("series").get(4).get("y"));
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < air.length; i++) {
            rows.add(new double[] {0, i, air[i]});
        }
        for (int i = 0; i < lake.length; i++) {
            rows.add(new double[] {1, 100 + i, lake[i]});
        }
        for (int i = 0; i < 10; i++) {
            rows.add(new double[] {2, i, 7.5}); // constant: a fit with undefined likelihood and AICc
        }
        AutoArima learner = new AutoArima();
        Params params = learner.portfolio(Task.FORECASTING, new DataShape(rows.size(), 2, 0, 0, 12, 1)).get(0);
        assertEquals(Params.of("seasonality", 12), params);
        FeatureMatrix ahead = SeriesView.rows(List.of(new double[] {0, 144}, new double[] {0, 150}, new double[] {1, 198},
                new double[] {1, 200}, new double[] {2, 12}));
        try (FittedModel model = learner.fit(SeriesView.training(rows), null, params, new TrialContext(Deadline.never(), 1, 1))) {
            double[] before = model.predict(ahead).values();
            double[] air7 = AutoArima.fit(air, 12, Deadline.never()).forecast(7);
            assertEquals(air7[0], before[0], 1e-9);
            assertEquals(air7[6], before[1], 1e-9);
            assertEquals(7.5, before[4]);
            assertTrue(model.note().contains("ARIMA(2,1,1)(0,1,0)[12] x1"), model.note());
            model.save(dir);
            try (FittedModel loaded = learner.load(dir, Task.FORECASTING, 0)) {
                assertArrayEquals(before, loaded.predict(ahead).values());
            }
        }
    }

    @Test
    void refusesBadParams() {
        AutoArima learner = new AutoArima();
        TrainingData data = SeriesView.training(List.of(new double[] {0, 0, 1}, new double[] {0, 1, 2}, new double[] {0, 2, 3}));
        TrialContext ctx = new TrialContext(Deadline.never(), 1, 1);
        assertThrows(IllegalArgumentException.class, () -> learner.fit(data, null, Params.of("seasonality", 0), ctx));
        assertThrows(IllegalArgumentException.class, () -> learner.fit(data, null, Params.of("max_p", 3), ctx));
    }

    private static String describe(JsonNode rec) {
        int[] o = ints(rec.get("order"));
        String s = "ARIMA(" + o[0] + "," + o[1] + "," + o[2] + ")";
        if (o[3] + o[4] + o[5] > 0) {
            s += "(" + o[3] + "," + o[4] + "," + o[5] + ")[" + o[6] + "]";
        }
        return switch (rec.get("constant").asText()) {
            case "drift" -> s + " with drift";
            case "mean" -> s + " with non-zero mean";
            default -> o[1] + o[4] == 0 ? s + " with zero mean" : s;
        };
    }

    private static Constant constant(String name) {
        return switch (name) {
            case "mean" -> Constant.MEAN;
            case "drift" -> Constant.DRIFT;
            default -> Constant.NONE;
        };
    }

    private static double meanAbs(double[] y) {
        double s = 0.0;
        for (double v : y) {
            s += Math.abs(v);
        }
        return s / y.length;
    }
}
