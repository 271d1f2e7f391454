package dev.automl.algorithms.forecasting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * M4's Naive2 and seasonality test against the competition's own R code (testdata/forecasting/naive2_goldens.json,
 * made by make_naive2_goldens.R) on three M4 hourly series and one weekly.
 */
class Naive2Test {

    @Test
    void forecastsAsM4sRCode() throws Exception {
        JsonNode goldens = GoldenFiles.read("testdata/forecasting/naive2_goldens.json");
        int compared = 0;
        for (JsonNode g : goldens.get("series")) {
            double[] y = new double[g.get("y").size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = g.get("y").get(i).asDouble();
            }
            int m = g.get("frequency").asInt();
            int h = g.get("horizon").asInt();
            String name = g.get("name").asText();
            if (m > 1) {
                assertEquals(g.get("seasonal").asBoolean(), Naive2.seasonal(y, m), name);
            }
            double[] got = Naive2.forecast(y, m, h);
            for (int k = 0; k < h; k++) {
                double want = g.get("naive2").get(k).asDouble();
                assertEquals(want, got[k], 1e-9 * Math.abs(want), name + " step " + (k + 1));
            }
            compared++;
        }
        assertEquals(4, compared);
    }

    /**
     * White noise has no season; a sine of period 24 has one, once the series is long enough for R's acf to reach
     * lag 24 (10 log10(n) of at least 24: 252 values).
     */
    @Test
    void seasonalityTestTellsASeasonFromNoise() {
        java.util.Random rng = new java.util.Random(1);
        double[] noise = new double[400];
        double[] sine = new double[400];
        for (int t = 0; t < 400; t++) {
            noise[t] = 10 + rng.nextGaussian();
            sine[t] = 10 + Math.sin(2 * Math.PI * t / 24) + 0.1 * rng.nextGaussian();
        }
        assertEquals(false, Naive2.seasonal(noise, 24));
        assertEquals(true, Naive2.seasonal(sine, 24));
        assertEquals(false, Naive2.seasonal(java.util.Arrays.copyOf(sine, 240), 24));
    }
}
