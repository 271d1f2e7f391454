package dev.automl.algorithms.forecasting.arima;

import dev.automl.algorithms.forecasting.GoldenFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;
import java.util.BitSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static dev.automl.algorithms.forecasting.GoldenFiles.doubles;
import static dev.automl.algorithms.forecasting.GoldenFiles.ints;
import static dev.automl.algorithms.forecasting.GoldenFiles.strings;
import static dev.automl.algorithms.forecasting.GoldenFiles.matrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regression with ARIMA errors against R's {@code auto.arima(y, xreg = )} in forecast 8.20
 * (testdata/forecasting/arima/arimax_goldens.json, made by make_arimax_goldens.R): the same model, its coefficients,
 * likelihood and forecasts given the future regressors; the columns dropped before fitting; the fit's JSON.
 */
class ArimaxTest {

    /** Coefficients relative to max(1, |R's|): the optimiser stops where the relative change falls below 1.5e-8. */
    private static final double COEF_RELATIVE = 1e-6;
    /** Point forecasts relative to the series' scale (its mean absolute value). */
    private static final double FORECAST_RELATIVE = 1e-6;
    private static final double LOGLIK_RELATIVE = 1e-8;

    private static JsonNode goldens;

    @BeforeAll
    static void load() throws IOException {
        goldens = GoldenFiles.read("testdata/forecasting/arima/arimax_goldens.json");
        assertEquals("8.20", goldens.get("r_forecast_version").asText());
    }

    @Test
    void choosesRsModelAndForecastsAsR() {
        StringBuilder report = new StringBuilder();
        List<String> failures = new ArrayList<>();
        for (JsonNode g : goldens.get("series")) {
            String name = g.get("name").asText();
            double[] y = doubles(g.get("y"));
            double[][] xreg = matrix(g.get("xreg"));
            double[][] future = matrix(g.get("future_xreg"));
            int h = g.get("horizon").asInt();
            long t0 = System.nanoTime();
            ArimaFit fit = AutoArima.fitWithRegressors(y, xreg, g.get("seasonality").asInt(), Deadline.never());
            double secs = (System.nanoTime() - t0) / 1e9;
            double worstCoef = 0.0;
            double worstFc = Double.NaN;
            boolean same = g.get("model").asText().equals(fit.model())
                    && Arrays.equals(ints(g.get("order")), fit.order())
                    && Arrays.equals(strings(g.get("names")), fit.names())
                    && Arrays.equals(ints(g.get("kept")), fit.regressors());
            if (!same) {
                failures.add(name + ": R chose " + g.get("model").asText() + " " + Arrays.toString(strings(g.get("names")))
                        + ", we " + fit.model() + " " + Arrays.toString(fit.names()) + " (" + fit.note() + ")");
            } else {
                double[] want = doubles(g.get("coef"));
                for (int i = 0; i < want.length; i++) {
                    worstCoef = Math.max(worstCoef, Math.abs(fit.coefficients()[i] - want[i]) / Math.max(1.0, Math.abs(want[i])));
                }
                double[] got = fit.forecast(h, future);
                double[] wantF = doubles(g.get("forecast"));
                double scale = meanAbs(y);
                worstFc = 0.0;
                for (int k = 0; k < h; k++) {
                    worstFc = Math.max(worstFc, Math.abs(got[k] - wantF[k]) / scale);
                }
                double loglik = g.get("loglik").asDouble();
                if (worstCoef > COEF_RELATIVE) {
                    failures.add(name + ": coefficients " + Arrays.toString(fit.coefficients()) + " vs R's " + Arrays.toString(want));
                }
                if (worstFc > FORECAST_RELATIVE) {
                    failures.add(name + ": forecasts differ by " + worstFc + " of the series' scale");
                }
                if (Math.abs(fit.loglik() - loglik) > LOGLIK_RELATIVE * Math.abs(loglik)) {
                    failures.add(name + ": loglik " + fit.loglik() + " vs R's " + loglik);
                }
                if (Math.abs(fit.aicc() - g.get("aicc").asDouble()) > 1e-6 * Math.abs(g.get("aicc").asDouble())) {
                    failures.add(name + ": AICc " + fit.aicc() + " vs R's " + g.get("aicc").asDouble());
                }
                if (Math.abs(fit.sigma2() - g.get("sigma2").asDouble()) > 1e-5 * g.get("sigma2").asDouble()) {
                    failures.add(name + ": sigma2 " + fit.sigma2() + " vs R's " + g.get("sigma2").asDouble());
                }
            }
            report.append(String.format("%-62s %-46s coef %.1e fc %.1e | %.2fs (R %.2fs)%n", name, fit.model(), worstCoef,
                    worstFc, secs, g.get("r_seconds").asDouble()));
        }
        System.out.print(report);
        assertTrue(failures.isEmpty(), String.join("\n", failures) + "\n" + report);
    }

    @Test
    void dropsConstantAndCollinearColumnsAndForecastsWithTheKeptOnes() {
        Random rnd = new Random(7);
        int n = 80;
        double[] y = new double[n];
        double[][] xreg = new double[n][4];
        double e = 0.0;
        for (int i = 0; i < n; i++) {
            double a = rnd.nextGaussian();
            double b = rnd.nextGaussian();
            e = 0.5 * e + rnd.nextGaussian();
            xreg[i] = new double[] {3.0, a, b, a - 2 * b};
            y[i] = 10 + 2 * a - b + e;
        }
        RegressorColumns chosen = RegressorColumns.choose(xreg);
        assertArrayEquals(new int[] {1, 2}, chosen.kept());
        assertTrue(chosen.dropped().contains("column 0 is constant"), chosen.dropped());
        assertTrue(chosen.dropped().contains("column 3 is collinear"), chosen.dropped());

        ArimaFit fit = AutoArima.fitWithRegressors(y, xreg, 1, Deadline.never());
        assertArrayEquals(new int[] {1, 2}, fit.regressors());
        assertTrue(fit.note().contains("regressors dropped"), fit.note());
        double[][] kept = chosen.select(xreg);
        ArimaFit direct = AutoArima.fitWithRegressors(y, kept, 1, Deadline.never());
        assertArrayEquals(direct.coefficients(), fit.coefficients(), 0.0);
        // The future rows hold every column; the fit reads only those it kept.
        double[][] future = {{3.0, 1.0, 0.0, 1.0}, {3.0, 0.0, 1.0, -2.0}};
        double[][] futureKept = {{1.0, 0.0}, {0.0, 1.0}};
        assertArrayEquals(direct.forecast(2, futureKept), fit.forecast(2, future), 0.0);
        assertThrows(IllegalStateException.class, () -> fit.forecast(2));
    }

    @Test
    void withoutUsableColumnsFitsPlainAutoArima() {
        double[] y = doubles(goldens.get("series").get(0).get("y"));
        double[][] xreg = new double[y.length][2];
        for (double[] row : xreg) {
            row[0] = 1.0;
            row[1] = -4.0;
        }
        ArimaFit fit = AutoArima.fitWithRegressors(y, xreg, 1, Deadline.never());
        ArimaFit plain = AutoArima.fit(y, 1, Deadline.never());
        assertEquals(plain.model(), fit.model());
        assertEquals(0, fit.regressors().length);
        assertTrue(fit.note().contains("no usable regressor"), fit.note());
        assertArrayEquals(plain.forecast(5), fit.forecast(5, null), 0.0);
        assertArrayEquals(plain.forecast(5), fit.forecast(5), 0.0);
    }

    /** Short series, more columns than values and a constant series fit something and forecast finite values. */
    @Test
    void shortSeriesFitWithoutErrors() {
        Random rnd = new Random(3);
        for (int n = 1; n <= 12; n++) {
            for (int k : new int[] {1, 3, 15}) {
                double[] y = new double[n];
                double[][] xreg = new double[n][k];
                double[][] future = new double[4][k];
                for (int i = 0; i < n; i++) {
                    y[i] = 5 + rnd.nextGaussian();
                    for (int j = 0; j < k; j++) {
                        xreg[i][j] = rnd.nextGaussian();
                    }
                }
                for (int period : new int[] {1, 4}) {
                    ArimaFit fit = AutoArima.fitWithRegressors(y, xreg, period, Deadline.never());
                    for (double v : fit.forecast(4, future)) {
                        assertTrue(Double.isFinite(v), n + " values, " + k + " columns: " + fit.model() + " " + fit.note());
                    }
                }
            }
        }
        double[] flat = new double[30];
        Arrays.fill(flat, 2.5);
        double[][] xreg = new double[30][1];
        for (int i = 0; i < 30; i++) {
            xreg[i][0] = i % 7;
        }
        ArimaFit fit = AutoArima.fitWithRegressors(flat, xreg, 1, Deadline.never());
        assertEquals(2.5, fit.forecast(3, new double[3][1])[2], 0.0);
    }

    @Test
    void stopsAtTheDeadline() {
        JsonNode g = goldens.get("series").get(1);
        ArimaFit fit = AutoArima.fitWithRegressors(doubles(g.get("y")), matrix(g.get("xreg")), 12, Deadline.afterSeconds(0));
        assertTrue(!fit.note().isEmpty(), fit.model());
        assertEquals(12, fit.forecast(12, matrix(g.get("future_xreg"))).length);
    }

    @Test
    void roundTripsThroughJson() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode g = goldens.get("series").get(1);
        ArimaFit fit = AutoArima.fitWithRegressors(doubles(g.get("y")), matrix(g.get("xreg")), 12, Deadline.never());
        ArimaFit back = mapper.readValue(mapper.writeValueAsString(fit), ArimaFit.class);
        assertArrayEquals(fit.regressors(), back.regressors());
        double[][] future = matrix(g.get("future_xreg"));
        assertArrayEquals(fit.forecast(12, future), back.forecast(12, future), 0.0);
    }

    @Test
    void aFitSavedWithoutRegressorsStillLoads() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ArimaFit plain = AutoArima.fit(doubles(goldens.get("series").get(0).get("y")), 1, Deadline.never());
        ObjectNode old = mapper.valueToTree(plain);
        old.remove("regressors");
        ArimaFit back = mapper.treeToValue(old, ArimaFit.class);
        assertEquals(0, back.regressors().length);
        assertArrayEquals(plain.forecast(8), back.forecast(8), 0.0);
    }

    /**
     * As a learner, on the series view: the covariate columns are the regressors, a row's forecast reads its own
     * covariates (also when the rows ask for steps out of order and skip some), and R's forecasts come out; without
     * covariates in the shape, the portfolio is empty.
     */
    @Test
    void theLearnerReadsTheSeriesViewsCovariates() {
        JsonNode g = goldens.get("series").get(0);
        double[] y = doubles(g.get("y"));
        double[][] xreg = matrix(g.get("xreg"));
        double[][] future = matrix(g.get("future_xreg"));
        int k = xreg[0].length;
        List<String> names = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            names.add("x" + j);
        }
        names.add("_series_index");
        names.add("_series_step");
        float[] v = new float[y.length * (k + 2)];
        for (int t = 0; t < y.length; t++) {
            for (int j = 0; j < k; j++) {
                v[t * (k + 2) + j] = (float) xreg[t][j];
            }
            v[t * (k + 2) + k] = 0;
            v[t * (k + 2) + k + 1] = t;
        }
        TrainingData train = new TrainingData(new FeatureMatrix(v, y.length, k + 2, names, new BitSet()),
                new Target(Task.REGRESSION, y, List.of(), null));
        Arimax learner = new Arimax();
        assertEquals(List.of(), learner.portfolio(Task.FORECASTING, new DataShape(y.length, 2, 0, 0, 1, 1, 0)));
        Params params = learner.portfolio(Task.FORECASTING, new DataShape(y.length, 2, 0, 0,
                g.get("seasonality").asInt(), 1, k)).get(0);
        int[] ahead = {3, 1};
        float[] next = new float[ahead.length * (k + 2)];
        for (int i = 0; i < ahead.length; i++) {
            for (int j = 0; j < k; j++) {
                next[i * (k + 2) + j] = (float) future[ahead[i] - 1][j];
            }
            next[i * (k + 2) + k + 1] = y.length - 1 + ahead[i];
        }
        try (FittedModel model = learner.fit(train, null, params, new TrialContext(Deadline.never(), 1, 1))) {
            double[] got = model.predict(new FeatureMatrix(next, ahead.length, k + 2, names, new BitSet())).values();
            double[] want = doubles(g.get("forecast"));
            // The view holds floats: the regressors lose their digits beyond the seventh.
            double tolerance = 1e-5 * meanAbs(y);
            assertEquals(want[2], got[0], tolerance);
            assertEquals(want[0], got[1], tolerance);
            assertTrue(model.note().startsWith(g.get("model").asText()), model.note());
        }
    }

    private static double meanAbs(double[] y) {
        double s = 0.0;
        for (double v : y) {
            s += Math.abs(v);
        }
        return s / y.length;
    }
}
