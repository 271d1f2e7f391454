package dev.automl.algorithms.forecasting.ets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.automl.algorithms.forecasting.GoldenFiles;
import dev.automl.algorithms.forecasting.SeriesFit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.automl.algorithms.forecasting.GoldenFiles.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link EtsFit#updated} against R's {@code ets(y, model = fit, use.initial.values = TRUE)} in forecast 8.20
 * (testdata/forecasting/update/update_goldens.json, made by make_update_goldens.R): a form fitted on a series' first
 * n - k values, then its last k values taken in, forecasts what R's model of the whole series does.
 *
 * <p>Tolerances, forecasts relative to the series' mean absolute value, states to their own size, sigma2 to itself:
 * 1e-9 from R's own estimates, where only the recursion and R's residual variance are under test; 1e-6 from the fit
 * made here, which also carries the optimiser's agreement with R's. Measured on the eight goldens, both ways: states
 * and forecasts equal to R's to the last bit, sigma2 within 9e-16 (the fit's sum of squares is read back from its
 * sigma2). The slack is for platforms whose {@code Math.log} differs in the last bit, as in {@link EtsGoldenTest}.
 */
class EtsUpdateTest {

    private static final double FROM_R_ESTIMATES = 1e-9;
    private static final double FROM_OWN_FIT = 1e-6;

    private static JsonNode goldens;

    @BeforeAll
    static void load() throws IOException {
        goldens = GoldenFiles.read("testdata/forecasting/update/update_goldens.json");
        assertEquals("8.20", goldens.get("r_forecast_version").asText());
    }

    /** R's estimates, run over the training values, give R's state there; taking in the rest gives R's model of all. */
    @TestFactory
    List<DynamicTest> updatedFromRsEstimatesIsRsModelOfTheWholeSeries() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode g : goldens.get("ets")) {
            tests.add(DynamicTest.dynamicTest(g.get("name").asText(), () -> {
                Case c = new Case(g);
                EtsForm form = form(g);
                JsonNode par = g.get("par");
                Smoothing p = new Smoothing(par.get("alpha").asDouble(), par.path("beta").asDouble(0),
                        par.path("gamma").asDouble(0), par.path("phi").asDouble(1));
                double[] initial = doubles(g.get("initstate"));
                EtsRecursion.Pass pass = EtsRecursion.run(c.train, c.m(form), form, p, initial);
                int np = g.get("n_par").asInt();
                FormFit fit = new FormFit(form, c.m(form), p, initial, pass.finalState(), pass.lik(), np, c.train.length,
                        pass.sse() / (c.train.length - np));
                EtsFit before = fit.toSeriesFit();
                assertEquals(np, before.estimates(), "R's count of estimates");
                assertClose(g.get("sigma2").asDouble(), before.sigma2(), FROM_R_ESTIMATES, "sigma2");
                c.check(before, FROM_R_ESTIMATES);
            }));
        }
        return tests;
    }

    /** The form fitted here on the training values, as R fits it, forecasts after the new values as R's does. */
    @TestFactory
    List<DynamicTest> updatedFitForecastsAsR() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode g : goldens.get("ets")) {
            tests.add(DynamicTest.dynamicTest(g.get("name").asText(), () -> {
                Case c = new Case(g);
                EtsForm form = form(g);
                FormFit fit = FormFitter.fit(c.train, c.m(form), form).orElseThrow();
                assertEquals(fit.parameters(), fit.toSeriesFit().estimates(), "the fit's count of estimates");
                c.check(fit.toSeriesFit(), FROM_OWN_FIT);
            }));
        }
        return tests;
    }

    @Test
    void noNewValuesChangeNothing() {
        for (JsonNode g : goldens.get("ets")) {
            Case c = new Case(g);
            EtsFit fit = FormFitter.fit(c.train, c.m(form(g)), form(g)).orElseThrow().toSeriesFit();
            Optional<SeriesFit> same = fit.updated(new double[0], null);
            assertSame(fit, same.orElseThrow());
            assertArrayEquals(fit.forecast(12), same.get().forecast(12), 0.0, c.name);
        }
    }

    /** Values taken in a few at a time give the fit that taking them in at once gives, residual variance too. */
    @Test
    void updatesChain() {
        for (JsonNode g : goldens.get("ets")) {
            Case c = new Case(g);
            EtsFit fit = FormFitter.fit(c.train, c.m(form(g)), form(g)).orElseThrow().toSeriesFit();
            EtsFit once = (EtsFit) fit.updated(c.added, null).orElseThrow();
            int half = c.added.length / 2;
            EtsFit twice = (EtsFit) fit.updated(Arrays.copyOf(c.added, half), null).orElseThrow()
                    .updated(Arrays.copyOfRange(c.added, half, c.added.length), null).orElseThrow();
            assertEquals(once.n(), twice.n(), c.name);
            assertEquals(once.sigma2(), twice.sigma2(), 1e-12 * once.sigma2(), c.name);
            assertArrayEquals(once.forecast(24), twice.forecast(24), 1e-10 * c.scale, c.name);
        }
    }

    /**
     * An updated fit saves and loads as any other; a fit saved before fits counted their values loads, and takes in
     * new values with its residual variance unchanged (it cannot tell R's of the longer series).
     */
    @Test
    void roundTripsThroughJsonAndOldFitsStillUpdate() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode g = goldens.get("ets").get(0);
        Case c = new Case(g);
        EtsFit fit = FormFitter.fit(c.train, c.m(form(g)), form(g)).orElseThrow().toSeriesFit();
        EtsFit updated = (EtsFit) fit.updated(c.added, null).orElseThrow();
        EtsFit back = mapper.readValue(mapper.writeValueAsString(updated), EtsFit.class);
        assertEquals(updated.n(), back.n());
        assertArrayEquals(updated.forecast(24), back.forecast(24), 0.0);

        ObjectNode old = mapper.valueToTree(fit);
        old.remove("n");
        old.remove("sse");
        EtsFit loaded = mapper.treeToValue(old, EtsFit.class);
        assertEquals(0, loaded.n());
        assertArrayEquals(fit.forecast(24), loaded.forecast(24), 0.0);
        EtsFit oldUpdated = (EtsFit) loaded.updated(c.added, null).orElseThrow();
        assertEquals(fit.sigma2(), oldUpdated.sigma2());
        assertEquals(updated.level(), oldUpdated.level());
    }

    /** One golden: the series split at n - k, and the worst forecast difference found, relative to its scale. */
    private static final class Case {

        final String name;
        final JsonNode g;
        final double[] train;
        final double[] added;
        final double scale;

        Case(JsonNode g) {
            this.g = g;
            this.name = g.get("name").asText();
            double[] y = doubles(g.get("y"));
            int k = g.get("k").asInt();
            this.train = Arrays.copyOf(y, y.length - k);
            this.added = Arrays.copyOfRange(y, y.length - k, y.length);
            double s = 0;
            for (double v : y) {
                s += Math.abs(v);
            }
            this.scale = s / y.length;
        }

        int m(EtsForm form) {
            return form.hasSeason() ? g.get("seasonality").asInt() : 1;
        }

        /** The fit's forecasts from the training end, then its update's state, sigma2 and forecasts, against R's. */
        void check(EtsFit before, double tolerance) {
            double[] want = doubles(g.get("forecast"));
            double worstBefore = worst(want, before.forecast(want.length));
            EtsFit after = (EtsFit) before.updated(added, null).orElseThrow();
            assertEquals(train.length + added.length, after.n());
            assertClose(g.get("updated_sigma2").asDouble(), after.sigma2(), tolerance, "updated sigma2");
            double[] state = doubles(g.get("updated_final_state"));
            double[] mine = after.state();
            assertEquals(state.length, mine.length);
            double worstState = worstState(state, mine);
            double[] wantAfter = doubles(g.get("updated_forecast"));
            double worstAfter = worst(wantAfter, after.forecast(wantAfter.length));
            System.out.printf("%-22s %-8s before %.1e, updated state %.1e, forecasts %.1e, sigma2 %.1e%n", name,
                    before.form().label(), worstBefore, worstState, worstAfter,
                    Math.abs(after.sigma2() / g.get("updated_sigma2").asDouble() - 1));
            assertTrue(worstBefore <= tolerance, name + ": forecasts from the training end differ by " + worstBefore);
            assertTrue(worstState <= tolerance, name + ": the updated state differs by " + worstState);
            assertTrue(worstAfter <= tolerance, name + ": the updated forecasts differ by " + worstAfter);
        }

        /** The largest difference of forecasts, relative to the series' scale. */
        double worst(double[] want, double[] got) {
            double w = 0;
            for (int i = 0; i < want.length; i++) {
                w = Math.max(w, Math.abs(got[i] - want[i]) / scale);
            }
            return w;
        }

        /** The largest difference of states, each relative to itself or 1 (a trend near 0, seasons near 1). */
        static double worstState(double[] want, double[] got) {
            double w = 0;
            for (int i = 0; i < want.length; i++) {
                w = Math.max(w, Math.abs(got[i] - want[i]) / Math.max(1, Math.abs(want[i])));
            }
            return w;
        }
    }

    private static void assertClose(double want, double got, double relTol, String what) {
        assertTrue(Math.abs(got - want) <= relTol * Math.abs(want), what + ": R " + want + ", here " + got);
    }

    private static EtsForm form(JsonNode g) {
        return new EtsForm(Component.valueOf(g.get("error").asText()), Component.valueOf(g.get("trend").asText()),
                Component.valueOf(g.get("season").asText()), g.get("damped").asBoolean());
    }
}
