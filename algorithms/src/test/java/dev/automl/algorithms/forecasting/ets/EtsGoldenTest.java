package dev.automl.algorithms.forecasting.ets;

import dev.automl.algorithms.forecasting.GoldenFiles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.automl.algorithms.Deadline;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static dev.automl.algorithms.forecasting.GoldenFiles.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ETS against R's forecast 8.20 on the 13 series of testdata/forecasting/ets/ets_goldens.json (made by
 * make_ets_goldens.R): the same chosen form, AICc, forecasts and every candidate form's AICc, and, independently of
 * the optimiser, the same likelihood and final state from R's own estimates.
 *
 * <p>Tolerances, relative: AICc 1e-8, forecasts 1e-6, each candidate's AICc 1e-6, heuristic initial states 1e-12.
 * On the machine the goldens were made on every one of these agrees to the last bit: the fit follows R's arithmetic
 * step for step. The slack is for other platforms, whose {@code Math.log} may differ in the last bit; nudging the
 * start by one ulp moved no AICc by more than 5e-10 nor any forecast by more than 4e-13.
 */
class EtsGoldenTest {

    private static final double AICC_TOL = 1e-8;
    private static final double FORECAST_TOL = 1e-6;
    private static final double FORM_AICC_TOL = 1e-6;
    private static final double INIT_TOL = 1e-12;

    @TestFactory
    List<DynamicTest> choosesRsFormAndForecastsAsR() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode g : goldens().get("series")) {
            tests.add(DynamicTest.dynamicTest(g.get("name").asText(), () -> {
                double[] y = doubles(g.get("y"));
                EtsSelection.Outcome out = EtsSelection.fit(y, g.get("seasonality").asInt(), "ZZZ", null, Deadline.never());
                assertNotNull(out.chosen(), "an ETS form was chosen");
                assertEquals(form(g), out.chosen().form());
                assertClose(g.get("aicc").asDouble(), out.chosen().aicc(), AICC_TOL, "AICc");
                double[] want = doubles(g.get("forecast"));
                double[] got = out.model().forecast(want.length);
                for (int k = 0; k < want.length; k++) {
                    assertClose(want[k], got[k], FORECAST_TOL, "forecast " + (k + 1) + " steps ahead");
                }
                // Every form R fitted, fitted alike; none that R could not fit (R's AICc absent or null).
                JsonNode forms = g.get("forms_aicc");
                int fittedByR = 0;
                for (JsonNode aicc : forms) {
                    fittedByR += aicc.isNull() ? 0 : 1;
                }
                assertEquals(fittedByR, out.candidates().size(), "candidate forms fitted");
                for (FormFit f : out.candidates()) {
                    JsonNode r = forms.path(f.form().code());
                    assertTrue(r.isNumber(), f.form().label() + " fitted here but not by R");
                    assertClose(r.asDouble(), f.aicc(), FORM_AICC_TOL, "AICc of " + f.form().label());
                }
            }));
        }
        return tests;
    }

    /** The recursion and likelihood checked apart from the optimiser: R's estimates give R's AICc and final state. */
    @TestFactory
    List<DynamicTest> rsEstimatesGiveRsLikelihood() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode g : goldens().get("series")) {
            tests.add(DynamicTest.dynamicTest(g.get("name").asText(), () -> {
                double[] y = doubles(g.get("y"));
                EtsForm form = form(g);
                int m = form.hasSeason() ? g.get("seasonality").asInt() : 1;
                JsonNode par = g.get("par");
                Smoothing p = new Smoothing(par.get("alpha").asDouble(), par.path("beta").asDouble(0),
                        par.path("gamma").asDouble(0), par.path("phi").asDouble(1));
                double[] initial = doubles(g.get("initstate"));
                EtsRecursion.Pass pass = EtsRecursion.run(y, m, form, p, initial);
                // R counts the estimates: the smoothing parameters and every initial state but the last season.
                int estimated = Smoothing.count(form) + initial.length - (form.hasSeason() ? 1 : 0);
                FormFit fit = new FormFit(form, m, p, initial, pass.finalState(), pass.lik(), estimated, y.length, 0);
                assertEquals(g.get("aicc").asDouble(), fit.aicc(), 1e-6, "AICc of R's estimates");
                assertEquals(g.get("loglik").asDouble(), -0.5 * pass.lik(), 1e-6, "log-likelihood of R's estimates");
                double[] finalState = doubles(g.get("final_state"));
                for (int i = 0; i < finalState.length; i++) {
                    assertClose(finalState[i], pass.finalState()[i], 1e-9, "final state " + i);
                }
                double[] heuristic = doubles(g.get("heuristic_initstate"));
                double[] mine = InitialStates.of(y, m, form.trend(), form.season());
                assertEquals(heuristic.length, mine.length);
                for (int i = 0; i < heuristic.length; i++) {
                    assertClose(heuristic[i], mine[i], INIT_TOL, "heuristic initial state " + i);
                }
            }));
        }
        return tests;
    }

    /**
     * The admissible region (the stability test that decides where the optimiser may go) on R's grid of seasonal
     * parameters: the same verdicts, and the characteristic polynomial's largest root to 1e-9.
     */
    @Test
    void admissibleRegionAsRs() throws IOException {
        JsonNode grid = goldens().get("admissible");
        String verdicts = grid.get("verdicts").asText();
        double[] maxRoot = doubles(grid.get("max_root"));
        EtsForm seasonal = new EtsForm(Component.A, Component.A, Component.A, true);
        int i = 0;
        int refused = 0;
        for (double m : doubles(grid.get("m"))) {
            for (double alpha : doubles(grid.get("alpha"))) {
                for (double betaShare : doubles(grid.get("beta_share"))) {
                    for (double gammaShare : doubles(grid.get("gamma_share"))) {
                        for (double phi : doubles(grid.get("phi"))) {
                            Smoothing p = new Smoothing(alpha, betaShare * alpha, gammaShare * (1 - alpha), phi);
                            String at = "m " + m + ", " + p;
                            boolean admissible = ParameterRegion.admissible(seasonal, (int) m, p);
                            assertEquals(verdicts.charAt(i) == '1', admissible, at);
                            refused += admissible ? 0 : 1;
                            double root = PolynomialRoots.maxModulus(ParameterRegion.characteristic((int) m, p.alpha(),
                                    p.beta(), p.gamma(), p.phi()));
                            assertEquals(maxRoot[i], root, 1e-9, at);
                            i++;
                        }
                    }
                }
            }
        }
        assertEquals(verdicts.length(), i);
        assertEquals(255, refused);
    }

    @Test
    void goldensAreFromForecast820() throws IOException {
        JsonNode goldens = goldens();
        assertEquals("8.20", goldens.get("r_forecast_version").asText());
        assertEquals(13, goldens.get("series").size());
        List<String> forms = new ArrayList<>();
        goldens.get("series").forEach(g -> forms.add(form(g).label()));
        // The goldens cover every component: both errors, no, additive and damped trend, all three seasons.
        assertTrue(forms.containsAll(List.of("M,Ad,M", "A,N,A", "M,A,M", "M,N,N", "A,Ad,N", "A,A,A", "A,N,N",
                "A,Ad,A", "M,N,M")), forms.toString());
    }

    static EtsForm form(JsonNode g) {
        return new EtsForm(Component.valueOf(g.get("error").asText()), Component.valueOf(g.get("trend").asText()),
                Component.valueOf(g.get("season").asText()), g.get("damped").asBoolean());
    }

    static void assertClose(double want, double got, double relTol, String what) {
        assertTrue(Math.abs(got - want) <= relTol * Math.max(1.0, Math.abs(want)),
                what + ": R " + want + ", here " + got);
    }

    static JsonNode goldens() throws IOException {
        return GoldenFiles.read("testdata/forecasting/ets/ets_goldens.json");
    }
}
