package dev.automl.algorithms.forecasting.prophet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.forecasting.GoldenFiles;
import dev.automl.algorithms.forecasting.SeriesFit;
import dev.automl.algorithms.forecasting.SeriesModel;
import dev.automl.algorithms.forecasting.SeriesView;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * {@link ProphetFit#updated}: Prophet's forecast is a function of time alone, so a fit that took in k new values
 * forecasts step h what it forecast step k + h before, whatever the values were (to 1e-12 of the series' scale: the
 * day of a step is summed in another order).
 */
class ProphetUpdateTest {

    @Test
    void forecastsStartAfterTheNewValues() throws IOException {
        List<String> names = List.of("AirPassengers additive", "USAccDeaths", "bike sharing daily",
                "synthetic daily with missing values");
        int tested = 0;
        for (JsonNode g : ProphetGoldenTest.goldens().get("series")) {
            if (!names.contains(g.get("name").asText())) {
                continue;
            }
            double[] y = GoldenFiles.doubles(g.get("y"));
            double stepDays = g.path("step_days").asDouble(365.25 / 12);
            List<double[]> rows = new ArrayList<>();
            for (int t = 0; t < y.length; t++) {
                rows.add(new double[] {0, t, y[t]});
            }
            SeriesFit fit;
            try (FittedModel model = new Prophet().fit(SeriesView.training(rows), null,
                    Params.of("step_days", stepDays), new TrialContext(Deadline.never(), 1, 1))) {
                fit = ((SeriesModel) model).entries().get(0).fit();
            }
            int k = 7;
            double[] before = fit.forecast(k + 12);
            double[] news = new double[k];
            Arrays.fill(news, -1e6);
            double[] after = fit.updated(news, null).orElseThrow().forecast(12);
            double scale = Arrays.stream(y).filter(Double::isFinite).map(Math::abs).max().orElse(1);
            assertArrayEquals(Arrays.copyOfRange(before, k, k + 12), after, 1e-12 * scale, g.get("name").asText());
            assertSame(fit, fit.updated(new double[0], null).orElseThrow());
            tested++;
        }
        assertEquals(names.size(), tested);
    }
}
