package dev.automl.algorithms.forecasting.ets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.forecasting.SeriesView;
import dev.automl.algorithms.forecasting.Cycle;
import dev.automl.algorithms.forecasting.Naive2;
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

import static dev.automl.algorithms.forecasting.GoldenFiles.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ExponentialSmoothing as a learner: its portfolio and parameters, the series view, saving, and the edge cases. */
class EtsLearnerTest {

    private static final TrialContext CTX = new TrialContext(Deadline.never(), 1, 1);
    private static final ExponentialSmoothing ETS = new ExponentialSmoothing();

    /** UKgas (R's M,A,M) and a constant series side by side; the saved model forecasts what the fitted one did. */
    @Test
    void fitsEachSeriesForecastsAsRAndSavesWhatItForecasts(@TempDir Path dir) throws IOException {
        JsonNode ukgas = null;
        for (JsonNode g : EtsGoldenTest.goldens().get("series")) {
            if (g.get("name").asText().equals("UKgas")) {
                ukgas = g;
            }
        }
        double[] gas = doubles(ukgas.get("y"));
        double[] flat = new double[20];
        Arrays.fill(flat, 5.0);
        List<Params> portfolio = ETS.portfolio(Task.FORECASTING, new DataShape(gas.length, 2, 0, 0, 4, 1));
        assertEquals(List.of(Params.of("seasonality", 4)), portfolio);
        List<double[]> rows = new ArrayList<>();
        for (int t = 0; t < gas.length; t++) {
            rows.add(new double[] {0, t, gas[t]});
        }
        for (int t = 0; t < flat.length; t++) {
            rows.add(new double[] {1, 100 + t, flat[t]});
        }
        List<double[]> ahead = new ArrayList<>();
        for (int k = 1; k <= 8; k++) {
            ahead.add(new double[] {0, gas.length - 1 + k});
            ahead.add(new double[] {1, 119 + k});
        }
        double[] want = doubles(ukgas.get("forecast"));
        try (FittedModel model = ETS.fit(SeriesView.training(rows), null, portfolio.get(0), CTX)) {
            double[] got = model.predict(SeriesView.rows(ahead)).values();
            for (int k = 0; k < 8; k++) {
                EtsGoldenTest.assertClose(want[k], got[2 * k], 1e-6, "UKgas " + (k + 1) + " ahead");
                assertEquals(5.0, got[2 * k + 1], 1e-12, "constant series");
            }
            assertEquals("ETS forms: A,N,N x1; M,A,M x1", model.note());
            model.save(dir);
            try (FittedModel loaded = ETS.load(dir, Task.REGRESSION, 0)) {
                assertArrayEquals(got, loaded.predict(SeriesView.rows(ahead)).values());
                assertEquals(portfolio.get(0), loaded.fittedParams());
                SeriesFit fit = ((SeriesModel) loaded).entries().get(0).fit();
                assertEquals("M,A,M", assertInstanceOf(EtsFit.class, fit).form().label());
            }
        }
    }

    @Test
    void offersRsDefaultAndNothingToSearch() {
        assertEquals("ExponentialSmoothing", ETS.name());
        assertTrue(ETS.inDefaultSearch());
        assertEquals(List.of(), ETS.space(Task.FORECASTING, new DataShape(100, 2, 0, 0, 12, 1)).hyperparameters());
        assertEquals(List.of(Params.of("seasonality", 1)), ETS.portfolio(Task.FORECASTING, new DataShape(100, 2, 0, 0, 1, 1)));
        assertEquals(List.of(Task.FORECASTING), List.copyOf(ETS.tasks()));
    }

    @Test
    void refusesParametersROrTheModelRefuses() {
        TrainingData y = SeriesView.training(List.of(new double[] {0, 0, 1}, new double[] {0, 1, 2}, new double[] {0, 2, 3}));
        for (Params bad : List.of(Params.of("alpha", 0.5), Params.of("seasonality", 0), Params.of("model", "ZZ"),
                Params.of("model", "NNN"), Params.of("model", "ZQZ"), Params.of("model", "ANM"), Params.of("model", "AMN"),
                Params.of("model", "MMA"), Params.of("model", "ZNZ", "damped", true),
                Params.of("model", "ZZA", "seasonality", 1), Params.of("model", "ZZM", "seasonality", 52))) {
            assertThrows(IllegalArgumentException.class, () -> ETS.fit(y, null, bad, CTX), bad.toString());
        }
    }

    /** A fixed form is fitted as asked; damping can be fixed; a fixed multiplicative error on zeros turns additive. */
    @Test
    void fitsTheFormAsked() {
        double[] wwwusage = null;
        try {
            for (JsonNode g : EtsGoldenTest.goldens().get("series")) {
                if (g.get("name").asText().equals("WWWusage")) {
                    wwwusage = doubles(g.get("y"));
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals("A,A,N", chosen(wwwusage, 1, "ZZZ", false));
        assertEquals("M,Ad,N", chosen(wwwusage, 1, "MZN", null));
        assertEquals("A,N,N", chosen(wwwusage, 1, "ANN", null));
        double[] withZero = wwwusage.clone();
        withZero[3] = 0;
        assertEquals("A,N,N", chosen(withZero, 1, "MNN", null));
    }

    /**
     * Too short for the forms asked (R would fit Holt-Winters): ETS(A,N,N) while it can be fitted, then the last
     * value; a constant series forecasts its value.
     */
    @Test
    void shortAndConstantSeries() {
        EtsSelection.Outcome five = EtsSelection.fit(new double[] {3, 5, 4, 6, 5}, 1, "ZZZ", null, Deadline.never());
        assertNull(five.chosen());
        assertEquals("A,N,N", assertInstanceOf(EtsFit.class, five.model()).form().label());
        EtsSelection.Outcome three = EtsSelection.fit(new double[] {3, 5, 4}, 1, "ZZZ", null, Deadline.never());
        assertArrayEquals(new double[] {4, 4}, assertInstanceOf(Cycle.class, three.model()).forecast(2));
        // ETS(A,A,A) with m = 12 needs more than npars + 4 = 2 + 2 + 12 + 4 values; 20 is not enough.
        double[] twenty = new double[20];
        for (int t = 0; t < 20; t++) {
            twenty[t] = 10 + (t % 12) + 0.1 * t;
        }
        EtsSelection.Outcome seasonal = EtsSelection.fit(twenty, 12, "AAA", null, Deadline.never());
        assertNull(seasonal.chosen());
        assertEquals("A,N,N", assertInstanceOf(EtsFit.class, seasonal.model()).form().label());
        assertEquals("A,N,A", chosen(twenty, 12, "ZNA", null));
        double[] constant = new double[30];
        Arrays.fill(constant, 7.25);
        assertArrayEquals(new double[] {7.25, 7.25, 7.25},
                EtsSelection.fit(constant, 12, "ZZZ", null, Deadline.never()).model().forecast(3));
        assertTrue(EtsSelection.isConstant(new double[] {1, 1, 1 + 1e-12}));
        assertTrue(!EtsSelection.isConstant(new double[] {1, 1, 1.001}));
    }

    @Test
    void largestRootOfAPolynomial() {
        // (z - 0.5)(z + 2)(z^2 + 1) = z^4 + 1.5 z^3 + 1.5 z - 1.
        assertEquals(2.0, PolynomialRoots.maxModulus(new double[] {1, 1.5, 0, 1.5, -1}), 1e-13);
        double[] unity = new double[25];
        unity[0] = 1;
        unity[24] = -1;
        assertEquals(1.0, PolynomialRoots.maxModulus(unity), 1e-13);
        assertEquals(0.25, PolynomialRoots.maxModulus(new double[] {4, -1}), 0);
    }

    private static String chosen(double[] y, int m, String model, Boolean damped) {
        return assertInstanceOf(EtsFit.class, EtsSelection.fit(y, m, model, damped, Deadline.never()).model()).form().label();
    }

    /** Rows of (series, step, target). */
    /**
     * A deadline that has passed before a series is fitted leaves it M4's Naive2: an hourly series with a daily
     * cycle repeats its (seasonally adjusted) day, a series without one its last value; the model says it was cut.
     */
    @Test
    void seriesTheDeadlineLeavesUnfittedForecastAsNaive2() {
        List<double[]> rows = new ArrayList<>();
        double[] daily = new double[300];
        for (int t = 0; t < daily.length; t++) {
            daily[t] = 100 + 30 * Math.sin(2 * Math.PI * t / 24) + 0.05 * t;
            rows.add(new double[] {0, t, daily[t]});
        }
        double[] trend = new double[300];
        for (int t = 0; t < trend.length; t++) {
            trend[t] = 50 + t;
            rows.add(new double[] {1, t, trend[t]});
        }
        List<double[]> ahead = new ArrayList<>();
        for (int k = 1; k <= 30; k++) {
            ahead.add(new double[] {0, 299 + k});
        }
        ahead.add(new double[] {1, 300});
        try (FittedModel model = ETS.fit(SeriesView.training(rows), null, Params.of("seasonality", 24),
                new TrialContext(Deadline.afterSeconds(0), 1, 1))) {
            assertTrue(model.stoppedByDeadline());
            double[] got = model.predict(SeriesView.rows(ahead)).values();
            double[] naive2 = Naive2.forecast(daily, 24, 30);
            assertArrayEquals(naive2, Arrays.copyOf(got, 30), 1e-9);
            assertTrue(Math.abs(naive2[6] - naive2[18]) > 10, "the day's cycle is kept");
            assertEquals(349, got[30], 1e-9);
        }
    }

    /** A passed deadline leaves every form but the first out: R's first candidate, A,N,N, is what remains. */
    @Test
    void passedDeadlineKeepsTheFirstForm() {
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + t + 10 * Math.sin(2 * Math.PI * t / 12);
        }
        EtsSelection.Outcome out = EtsSelection.fit(y, 12, "ZZZ", null, Deadline.afterSeconds(0));
        assertEquals(1, out.candidates().size());
        assertEquals("A,N,N", assertInstanceOf(EtsFit.class, out.model()).form().label());
        assertTrue(EtsSelection.fit(y, 12, "ZZZ", null, Deadline.never()).candidates().size() > 1);
    }
}
