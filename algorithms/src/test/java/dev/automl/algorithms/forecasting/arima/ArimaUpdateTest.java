package dev.automl.algorithms.forecasting.arima;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.forecasting.GoldenFiles;
import dev.automl.algorithms.forecasting.SeriesFit;
import dev.automl.algorithms.forecasting.SeriesModel;
import dev.automl.algorithms.forecasting.SeriesView;
import dev.automl.algorithms.forecasting.arima.ArimaEstimator.Constant;
import dev.automl.algorithms.forecasting.arima.ArimaEstimator.Estimate;
import dev.automl.algorithms.forecasting.arima.ArimaEstimator.Method;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.automl.algorithms.forecasting.GoldenFiles.doubles;
import static dev.automl.algorithms.forecasting.GoldenFiles.ints;
import static dev.automl.algorithms.forecasting.GoldenFiles.matrix;
import static dev.automl.algorithms.forecasting.GoldenFiles.strings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ArimaFit#updated} against R's {@code Arima(y, model = fit)} (with {@code xreg = } for a regression) in
 * forecast 8.20 (testdata/forecasting/update/update_goldens.json, made by make_update_goldens.R): a model fitted on a
 * series' first n - k values, then its last k values taken in, forecasts what R's model of the whole series does.
 *
 * <p>Tolerances, forecasts relative to the series' mean absolute value: 1e-9 from R's own coefficients, where only
 * the filter over the longer series and the regression term are under test (measured on the eleven goldens: at most
 * 6e-16, most equal to the last bit); 1e-6 from the coefficients estimated here, which carry the two optimisers'
 * disagreement (measured: at most 3.4e-8, the regression on two regressors with drift; 4e-13 for the long series
 * through the learner; both optimisers stop where the relative change falls below 1.5e-8).
 */
class ArimaUpdateTest {

    private static final double FROM_R_COEFFICIENTS = 1e-9;
    private static final double FROM_OWN_FIT = 1e-6;

    private static JsonNode goldens;

    @BeforeAll
    static void load() throws IOException {
        goldens = GoldenFiles.read("testdata/forecasting/update/update_goldens.json");
        assertEquals("8.20", goldens.get("r_forecast_version").asText());
    }

    /** R's coefficients, filtered over the training values, then the rest taken in: R's model of the whole series. */
    @TestFactory
    List<DynamicTest> updatedFromRsCoefficientsIsRsModelOfTheWholeSeries() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode g : goldens.get("arima")) {
            tests.add(DynamicTest.dynamicTest(g.get("name").asText(), () -> {
                Case c = new Case(g);
                c.check(c.fitOf(c.withRsCoefficients()), FROM_R_COEFFICIENTS, "R's coefficients");
            }));
        }
        return tests;
    }

    /** The orders fitted here on the training values, as R's Arima fits them, forecast after the new values as R's. */
    @TestFactory
    List<DynamicTest> updatedFitForecastsAsR() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode g : goldens.get("arima")) {
            tests.add(DynamicTest.dynamicTest(g.get("name").asText(), () -> {
                Case c = new Case(g);
                Estimate e = ArimaEstimator.fit(c.train, c.trainX, c.order, c.constant, Method.CSS_ML, Deadline.never());
                ArimaFit fit = c.fitOf(e);
                assertArrayEquals(strings(g.get("names")), fit.names());
                c.check(fit, FROM_OWN_FIT, "own estimate");
            }));
        }
        return tests;
    }

    /**
     * A series longer than {@link AutoArima#MAX_HISTORY}, through the learner: the fit of its recent values takes in
     * new ones as R's model of those recent values and the new ones does, the drift counting on from the first
     * value kept.
     */
    @Test
    void aFitOfALongSeriesRecentValuesUpdatesThem() {
        JsonNode g = goldens.get("long");
        double[] y = doubles(g.get("y"));
        int k = g.get("k").asInt();
        int n = y.length - k;
        List<double[]> rows = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            rows.add(new double[] {0, t, y[t]});
        }
        ArimaFit fit;
        try (FittedModel model = new AutoArima().fit(SeriesView.training(rows), null, Params.of("seasonality", 1),
                new TrialContext(Deadline.never(), 1, 1))) {
            fit = (ArimaFit) ((SeriesModel) model).entries().get(0).fit();
        }
        assertEquals(g.get("model").asText(), fit.model());
        assertEquals(AutoArima.MAX_HISTORY, fit.length());
        assertEquals(AutoArima.MAX_HISTORY, fit.errors().length);
        double scale = meanAbs(y);
        double[] want = doubles(g.get("forecast"));
        double before = worst(want, fit.forecast(want.length), scale);
        SeriesFit updated = fit.updated(Arrays.copyOfRange(y, n, y.length), null).orElseThrow();
        double[] wantAfter = doubles(g.get("updated_forecast"));
        double after = worst(wantAfter, updated.forecast(wantAfter.length), scale);
        System.out.printf("%-72s %-28s before %.1e, updated %.1e%n", g.get("name").asText(), fit.model(), before, after);
        assertTrue(before <= FROM_OWN_FIT, "forecasts from the training end differ by " + before);
        assertTrue(after <= FROM_OWN_FIT, "updated forecasts differ by " + after);
    }

    @Test
    void noNewValuesChangeNothing() {
        for (JsonNode g : goldens.get("arima")) {
            Case c = new Case(g);
            ArimaFit fit = c.fitOf(c.withRsCoefficients());
            SeriesFit same = fit.updated(new double[0], new double[0][]).orElseThrow();
            assertSame(fit, same);
            assertArrayEquals(c.forecast(fit, c.k + c.h), c.forecast((ArimaFit) same, c.k + c.h), 0.0, c.name);
        }
    }

    /** New values taken in a few at a time give the fit that taking them in at once gives. */
    @Test
    void updatesChain() {
        for (JsonNode g : goldens.get("arima")) {
            Case c = new Case(g);
            ArimaFit fit = c.fitOf(c.withRsCoefficients());
            int half = c.k / 2;
            ArimaFit once = (ArimaFit) fit.updated(c.added, c.addedX).orElseThrow();
            ArimaFit twice = (ArimaFit) fit.updated(Arrays.copyOf(c.added, half), c.rows(0, half)).orElseThrow()
                    .updated(Arrays.copyOfRange(c.added, half, c.k), c.rows(half, c.k)).orElseThrow();
            assertEquals(once.length(), twice.length());
            assertArrayEquals(once.errors(), twice.errors(), 0.0, c.name);
            assertArrayEquals(c.forecastAfter(once), c.forecastAfter(twice), 0.0, c.name);
        }
    }

    /**
     * An updated fit saves and loads as any other; a fit saved before fits kept their errors loads and forecasts, but
     * cannot take in new values.
     */
    @Test
    void roundTripsThroughJsonAndOldFitsCannotUpdate() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Case c = new Case(goldens.get("arima").get(7));
        ArimaFit fit = c.fitOf(c.withRsCoefficients());
        ArimaFit updated = (ArimaFit) fit.updated(c.added, c.addedX).orElseThrow();
        ArimaFit back = mapper.readValue(mapper.writeValueAsString(updated), ArimaFit.class);
        assertArrayEquals(c.forecastAfter(updated), c.forecastAfter(back), 0.0);
        assertArrayEquals(c.forecastAfter(updated),
                c.forecastAfter((ArimaFit) back.updated(new double[0], null).orElseThrow()), 0.0);

        ObjectNode old = mapper.valueToTree(fit);
        old.remove("errors");
        ArimaFit loaded = mapper.treeToValue(old, ArimaFit.class);
        assertArrayEquals(c.forecast(fit, c.k), c.forecast(loaded, c.k), 0.0);
        assertTrue(loaded.updated(c.added, c.addedX).isEmpty());
    }

    /** A regression needs each new value's covariates; a missing value is refused, as the contract rules it out. */
    @Test
    void refusesMissingCovariatesAndValues() {
        Case c = new Case(goldens.get("arima").get(7));
        ArimaFit fit = c.fitOf(c.withRsCoefficients());
        assertThrows(IllegalArgumentException.class, () -> fit.updated(c.added, null));
        assertThrows(IllegalArgumentException.class, () -> fit.updated(c.added, c.rows(0, 1)));
        double[] gap = c.added.clone();
        gap[1] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> fit.updated(gap, c.addedX));
    }

    /** The stand-ins: the random walk forecasts the last new value; a constant series' mean stays. */
    @Test
    void randomWalkAndConstantFitsUpdate() {
        ArimaFit walk = AutoArima.randomWalk(new double[] {1, 4, 9}, "why");
        assertArrayEquals(new double[] {7, 7}, walk.updated(new double[] {12, 7}, null).orElseThrow().forecast(2),
                1e-9);
        ArimaFit flat = AutoArima.fit(new double[] {4, 4, 4, 4, 4}, 1, Deadline.never());
        assertArrayEquals(new double[] {4, 4}, flat.updated(new double[] {6, 2}, null).orElseThrow().forecast(2), 0.0);
        ArimaFit line = AutoArima.fit(new double[] {5, 7, 9, 11, 13, 15, 17, 19}, 1, Deadline.never());
        assertEquals("ARIMA(0,1,0) with drift", line.model());
        assertArrayEquals(new double[] {23, 25}, line.updated(new double[] {21}, null).orElseThrow().forecast(2), 1e-9);
    }

    /** One golden: the series split at n - k, the regressors alike, and the order and constant R fitted. */
    private static final class Case {

        final JsonNode g;
        final String name;
        final int k;
        final int h;
        final double[] train;
        final double[] added;
        final double[][] trainX;
        final double[][] addedX;
        final double[][] futureX;
        final ArimaOrder order;
        final Constant constant;
        final double scale;

        Case(JsonNode g) {
            this.g = g;
            this.name = g.get("name").asText();
            double[] y = doubles(g.get("y"));
            k = g.get("k").asInt();
            h = g.get("horizon").asInt();
            int n = y.length - k;
            train = Arrays.copyOf(y, n);
            added = Arrays.copyOfRange(y, n, y.length);
            if (g.has("xreg")) {
                double[][] x = matrix(g.get("xreg"));
                trainX = Arrays.copyOf(x, n);
                addedX = Arrays.copyOfRange(x, n, y.length);
                futureX = matrix(g.get("future_xreg"));
            } else {
                trainX = null;
                addedX = null;
                futureX = null;
            }
            int[] o = ints(g.get("order"));
            order = new ArimaOrder(o[0], o[1], o[2], o[3], o[4], o[5], o[6]);
            constant = switch (g.get("constant").asText()) {
                case "mean" -> Constant.MEAN;
                case "drift" -> Constant.DRIFT;
                default -> Constant.NONE;
            };
            scale = meanAbs(y);
        }

        /** R's coefficients as an estimate with nothing estimated, its state left for the filter (as CSS's is). */
        Estimate withRsCoefficients() {
            double[] coef = doubles(g.get("coef"));
            double[][] pt = order.arma().expand(coef, false);
            return new Estimate(order, constant, Method.CSS_ML, coef, 0, Double.NaN, Double.NaN, Double.NaN, true,
                    train.length - order.delta().length, pt[0], pt[1], new double[train.length], null, null);
        }

        /** The fit of an estimate on the training values, as AutoArima makes it. */
        ArimaFit fitOf(Estimate e) {
            double[] state = e.state() != null ? e.state() : ArimaEstimator.filteredState(train, trainX, e);
            double[] errors = e.errors() != null ? e.errors() : ArimaEstimator.errors(train, trainX, e);
            int columns = trainX == null ? 0 : trainX[0].length;
            int[] regressors = new int[columns];
            for (int j = 0; j < columns; j++) {
                regressors[j] = j;
            }
            return ArimaFit.of(e, state, errors, Double.NaN, Double.NaN, "", regressors);
        }

        /** The new values' covariates from {@code from} to {@code to}; null without regressors. */
        double[][] rows(int from, int to) {
            return addedX == null ? null : Arrays.copyOfRange(addedX, from, to);
        }

        /** Forecasts from the training end, the new values' covariates then the future ones given. */
        double[] forecast(ArimaFit fit, int steps) {
            if (futureX == null) {
                return fit.forecast(steps);
            }
            double[][] ahead = new double[steps][];
            for (int i = 0; i < steps; i++) {
                ahead[i] = i < k ? addedX[i] : futureX[i - k];
            }
            return fit.forecast(steps, ahead);
        }

        /** Forecasts from the series' end. */
        double[] forecastAfter(ArimaFit fit) {
            return futureX == null ? fit.forecast(h) : fit.forecast(h, futureX);
        }

        void check(ArimaFit before, double tolerance, String what) {
            double[] want = doubles(g.get("forecast"));
            double worstBefore = worst(want, forecast(before, want.length), scale);
            ArimaFit after = (ArimaFit) before.updated(added, addedX).orElseThrow();
            assertEquals(train.length + k, after.length());
            double worstAfter = worst(doubles(g.get("updated_forecast")), forecastAfter(after), scale);
            System.out.printf("%-72s %-17s before %.1e, updated %.1e%n", name, what, worstBefore, worstAfter);
            assertTrue(worstBefore <= tolerance, name + ": forecasts from the training end differ by " + worstBefore);
            assertTrue(worstAfter <= tolerance, name + ": updated forecasts differ by " + worstAfter);
        }
    }

    private static double worst(double[] want, double[] got, double scale) {
        assertEquals(want.length, got.length);
        double w = 0;
        for (int i = 0; i < want.length; i++) {
            w = Math.max(w, Math.abs(got[i] - want[i]) / scale);
        }
        return w;
    }

    private static double meanAbs(double[] y) {
        double s = 0.0;
        for (double v : y) {
            s += Math.abs(v);
        }
        return s / y.length;
    }
}
