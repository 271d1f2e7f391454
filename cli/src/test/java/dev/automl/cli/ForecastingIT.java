package dev.automl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forecasting jobs run through the jar as a user runs them: a monthly series, nine weekly series, and bad input. */
class ForecastingIT {

    @TempDir
    Path work;

    /** AirPassengers: 1949-1959 to train on, 1960 as test data, a horizon of a year. */
    @Test
    void monthlySeriesIsForecastAndPredicted() throws Exception {
        List<String> lines = Files.readAllLines(JarRunner.testdata("forecasting/airline_passengers.csv"));
        Files.write(work.resolve("train.csv"), lines.subList(0, 133));
        List<String> test = new ArrayList<>(List.of(lines.get(0)));
        test.addAll(lines.subList(133, 145));
        Files.write(work.resolve("test.csv"), test);
        Path job = work.resolve("job.yml");
        Files.writeString(job, "type: automl\ntask: forecasting\ntarget_column_name: passengers\n"
                + "training_data:\n  path: train.csv\n  type: uri_file\ntest_data:\n  path: test.csv\n  type: uri_file\n"
                + "limits:\n  max_trials: 14\n"
                + "forecasting:\n  time_column_name: month\n  forecast_horizon: 12\n  target_lags: auto\n");
        JarRunner.Result run = JarRunner.run(work, "run", job.toString(), "--output", "out", "--seed", "1");
        assertEquals(0, run.exitCode(), run.toString());

        JsonNode s = RunJobIT.summary(work.resolve("out"));
        JsonNode f = s.get("forecasting");
        assertEquals(1, f.get("series").asInt());
        assertEquals("MS", f.get("frequency").asText());
        assertEquals(12, f.get("forecast_horizon").asInt());
        assertEquals(12, f.get("seasonality").asInt());
        assertEquals("[12,13,14,24,36]", f.get("target_lags").toString());
        assertEquals("rolling_origin", s.get("validation").get("type").asText());
        assertEquals(3, s.get("validation").get("folds").asInt());

        List<CSVRecord> board = RunJobIT.csv(work.resolve("out/leaderboard.csv"));
        Set<String> algorithms = new HashSet<>();
        double naive = Double.NaN;
        for (CSVRecord r : board) {
            algorithms.add(r.get("algorithm"));
            if (r.get("algorithm").equals("Naive")) {
                naive = Double.parseDouble(r.get("normalized_root_mean_squared_error"));
            }
            assertFalse(r.get("mean_absolute_scaled_error").isEmpty(), r.toString());
        }
        assertTrue(algorithms.containsAll(List.of("Naive", "SeasonalNaive", "Average", "SeasonalAverage", "LightGBM")),
                algorithms.toString());
        assertFalse(algorithms.contains("StackEnsemble"), "Azure leaves the stack out of forecasting by default");
        double best = Double.parseDouble(board.get(0).get("normalized_root_mean_squared_error"));
        assertTrue(best < 0.75 * naive, "best " + best + " against Naive's " + naive);

        // 1960 forecast from 1959: seasonal naive's errors are 11 % (MAPE); the model must do much better.
        JsonNode testScores = s.get("test");
        assertTrue(testScores.get("mean_absolute_percentage_error").asDouble() < 7, testScores.toString());
        assertTrue(testScores.get("mean_absolute_scaled_error").asDouble() < 1, testScores.toString());
        List<CSVRecord> forecast = RunJobIT.csv(work.resolve("out/forecast.csv"));
        assertEquals(12, forecast.size());
        assertEquals("1960-01-01", forecast.get(0).get("month"));
        assertEquals("417.0", forecast.get(0).get("passengers"));
        // Intervals from the validation errors: nested, widening with the steps ahead, and covering most of 1960.
        for (CSVRecord r : forecast) {
            double p = Double.parseDouble(r.get("prediction"));
            double lo80 = Double.parseDouble(r.get("lower_80"));
            double lo95 = Double.parseDouble(r.get("lower_95"));
            assertTrue(lo95 < lo80 && lo80 < p && p < Double.parseDouble(r.get("upper_80"))
                    && Double.parseDouble(r.get("upper_80")) < Double.parseDouble(r.get("upper_95")), r.toString());
        }
        double first = Double.parseDouble(forecast.get(0).get("upper_95")) - Double.parseDouble(forecast.get(0).get("lower_95"));
        double last = Double.parseDouble(forecast.get(11).get("upper_95")) - Double.parseDouble(forecast.get(11).get("lower_95"));
        assertTrue(last > first, first + " then " + last);
        assertTrue(testScores.get("prediction_interval_coverage_95").asDouble() >= 75, testScores.toString());

        // Without data: the year after the training data, as the run's forecast of its test data.
        JarRunner.Result p = JarRunner.run(work, "predict", "--model", "out/model", "--output", "next.csv");
        assertEquals(0, p.exitCode(), p.toString());
        assertTrue(p.stdout().contains("Wrote 12 forecasts to next.csv"), p.stdout());
        List<CSVRecord> next = RunJobIT.csv(work.resolve("next.csv"));
        assertEquals(List.of("month", "prediction", "lower_80", "upper_80", "lower_95", "upper_95"),
                next.get(0).getParser().getHeaderNames());
        for (int k = 0; k < 12; k++) {
            assertEquals(String.format("1960-%02d-01", k + 1), next.get(k).get("month"));
            assertEquals(forecast.get(k).get("prediction"), next.get(k).get("prediction"));
        }

        // A rolling forecast: with 1960's first six months given, the next six are within reach.
        List<String> rolling = new ArrayList<>(test.subList(0, 7));
        for (int m = 1; m <= 6; m++) {
            rolling.add(String.format("1961-%02d-01,", m));
        }
        Files.write(work.resolve("rolling.csv"), rolling);
        JarRunner.Result r = JarRunner.run(work, "predict", "--model", "out/model", "--data", "rolling.csv",
                "--output", "rolling-out.csv");
        assertEquals(0, r.exitCode(), r.toString());
        assertFalse(r.stdout().contains("Ignored"), r.stdout());
        assertEquals(12, RunJobIT.csv(work.resolve("rolling-out.csv")).size());

        // Too far: 1961-07 is 19 months after the last known value.
        Files.writeString(work.resolve("far.csv"), "month\n1961-07-01\n");
        JarRunner.Result far = JarRunner.run(work, "predict", "--model", "out/model", "--data", "far.csv", "--output", "x.csv");
        assertEquals(2, far.exitCode(), far.toString());
        assertTrue(far.stderr().contains("Row 1 is 19 steps after the last known value of 'passengers', but the model"
                + " forecasts at most 12 steps ahead (forecast_horizon)."), far.stderr());
    }

    /**
     * validation_data as Azure takes it: AirPassengers trained to 1958, validated on 1959, tested on 1960; the final
     * model is refitted through 1959 and forecasts 1960 from there. A validation row inside the training data, or
     * validation_data beside n_cross_validations, is refused.
     */
    @Test
    void validationDataContinuesTheSeries() throws Exception {
        List<String> lines = Files.readAllLines(JarRunner.testdata("forecasting/airline_passengers.csv"));
        Files.write(work.resolve("train.csv"), lines.subList(0, 121));
        List<String> valid = new ArrayList<>(List.of(lines.get(0)));
        valid.addAll(lines.subList(121, 133));
        Files.write(work.resolve("valid.csv"), valid);
        List<String> test = new ArrayList<>(List.of(lines.get(0)));
        test.addAll(lines.subList(133, 145));
        Files.write(work.resolve("test.csv"), test);
        String job = "type: automl\ntask: forecasting\ntarget_column_name: passengers\n"
                + "training_data:\n  path: train.csv\n  type: uri_file\nvalidation_data:\n  path: valid.csv\n  type: uri_file\n"
                + "test_data:\n  path: test.csv\n  type: uri_file\nlimits:\n  max_trials: 8\n"
                + "forecasting:\n  time_column_name: month\n  forecast_horizon: 12\n";
        Files.writeString(work.resolve("job.yml"), job);
        JarRunner.Result run = JarRunner.run(work, "run", "job.yml", "--output", "out", "--seed", "1");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode s = RunJobIT.summary(work.resolve("out"));
        assertEquals("{\"type\":\"rolling_origin\",\"folds\":1,\"fraction\":0.0,\"validation_rows\":12,"
                + "\"from\":\"validation_data\"}", s.get("validation").toString());
        // Seasonal naive's MAPE on 1960 from 1959 is 11 %.
        assertTrue(s.get("test").get("mean_absolute_percentage_error").asDouble() < 8, s.get("test").toString());
        assertEquals("1960-01-01", RunJobIT.csv(work.resolve("out/forecast.csv")).get(0).get("month"));

        Files.write(work.resolve("overlap.csv"), List.of(lines.get(0), lines.get(120), lines.get(121)));
        assertCleanError(job.replace("valid.csv", "overlap.csv"), "Row 1 of validation_data is at 1958-12-01T00:00, not"
                + " after the training data of its series, which ends at 1958-12-01T00:00: validation rows continue the"
                + " training series.");
        assertCleanError(job + "n_cross_validations: 3\n", "name only one of validation_data, n_cross_validations and"
                + " validation_data_size.");
    }

    /**
     * Azure's orange juice data: nine store-brand series with gaps, weekly on Thursdays, with covariates, and the
     * imputers of Azure's example job: the gaps' sales are 0, a missing price is the last price.
     */
    @Test
    void manySeriesWithCovariatesAreForecast() throws Exception {
        Path job = work.resolve("oj.yml");
        Files.writeString(job, "type: automl\ntask: forecasting\ntarget_column_name: Quantity\n"
                + "training_data:\n  path: " + JarRunner.testdata("forecasting/oj-sales-train.csv") + "\n  type: uri_file\n"
                + "test_data:\n  path: " + JarRunner.testdata("forecasting/oj-sales-test.csv") + "\n  type: uri_file\n"
                + "limits:\n  max_trials: 8\n"
                + "featurization:\n  mode: custom\n  column_name_and_types:\n    CPWVOL5: Numeric\n"
                + "  transformer_params:\n    imputer:\n"
                + "      - fields: [\"Quantity\"]\n        parameters:\n          strategy: constant\n          fill_value: 0\n"
                + "      - fields: [\"INCOME\"]\n        parameters:\n          strategy: median\n"
                + "      - fields: [\"Price\"]\n        parameters:\n          strategy: ffill\n"
                + "forecasting:\n  time_column_name: WeekStarting\n  time_series_id_column_names: [Store, Brand]\n"
                + "  forecast_horizon: 20\n  frequency: W-THU\n  target_lags: auto\n"
                + "  features_unknown_at_forecast_time: [Advert]\n");
        JarRunner.Result run = JarRunner.run(work, "run", job.toString(), "--output", "out", "--seed", "1");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode s = RunJobIT.summary(work.resolve("out"));
        assertEquals(9, s.get("forecasting").get("series").asInt());
        // Advertising is unknown at forecast time: a feature only through its lags, each at least the horizon back.
        Set<String> described = new HashSet<>();
        new ObjectMapper().readTree(work.resolve("out/featurization.json").toFile())
                .forEach(e -> described.add(e.get("RawFeatureName").asText()));
        assertTrue(described.containsAll(List.of("Advert_lag20", "Advert_lag52", "Price")), described.toString());
        assertFalse(described.contains("Advert"), described.toString());
        assertEquals(51, s.get("forecasting").get("repairs").get("filled_steps").asInt());
        // Arimax regresses each series on its covariates (price, advertising), with ARIMA errors.
        CSVRecord arimax = RunJobIT.csv(work.resolve("out/leaderboard.csv")).stream()
                .filter(r -> r.get("algorithm").equals("Arimax")).findFirst().orElseThrow();
        assertEquals("completed", arimax.get("status"), arimax.toString());
        JsonNode guardrails = new ObjectMapper().readTree(
                work.resolve("out/guardrails.json").toFile());
        assertTrue(guardrails.toString().contains("51 targets filled with the constant 0\""), guardrails.toString());
        assertTrue(s.get("test").get("mean_absolute_scaled_error").asDouble() < 0.8, s.get("test").toString());
        List<CSVRecord> forecast = RunJobIT.csv(work.resolve("out/forecast.csv"));
        assertEquals(180, forecast.size());
        assertEquals(List.of("WeekStarting", "Store", "Brand", "Quantity", "prediction", "lower_80", "upper_80",
                "lower_95", "upper_95"), forecast.get(0).getParser().getHeaderNames());
        assertEquals("2", forecast.get(0).get("Store"));
        assertEquals("dominicks", forecast.get(0).get("Brand"));

        // The covariates are needed for the future: without data, predict says which.
        JarRunner.Result p = JarRunner.run(work, "predict", "--model", "out/model", "--output", "next.csv");
        assertEquals(2, p.exitCode(), p.toString());
        assertTrue(p.stderr().contains("besides the time and series: give their values for the times to forecast with"
                + " --data."), p.stderr());
        assertTrue(p.stderr().contains("Price"), p.stderr());

        // ffill at prediction: store 2's dominicks prices left blank after its first test week predict exactly as
        // that week's price written out does.
        List<String> rows = Files.readAllLines(JarRunner.testdata("forecasting/oj-sales-test.csv"));
        List<String> blank = new ArrayList<>(List.of(rows.get(0)));
        List<String> written = new ArrayList<>(List.of(rows.get(0)));
        String firstPrice = rows.get(1).split(",")[5];
        for (int i = 1; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",", -1);
            if (i > 1 && cells[1].equals("2") && cells[2].equals("dominicks")) {
                cells[5] = "";
                blank.add(String.join(",", cells));
                cells[5] = firstPrice;
                written.add(String.join(",", cells));
            } else {
                blank.add(rows.get(i));
                written.add(rows.get(i));
            }
        }
        Files.write(work.resolve("blank.csv"), blank);
        Files.write(work.resolve("written.csv"), written);
        for (String name : List.of("blank", "written")) {
            JarRunner.Result r = JarRunner.run(work, "predict", "--model", "out/model", "--data", name + ".csv",
                    "--output", name + "-out.csv");
            assertEquals(0, r.exitCode(), r.toString());
        }
        List<CSVRecord> fromBlank = RunJobIT.csv(work.resolve("blank-out.csv"));
        List<CSVRecord> fromWritten = RunJobIT.csv(work.resolve("written-out.csv"));
        assertEquals(180, fromBlank.size());
        for (int i = 0; i < fromBlank.size(); i++) {
            assertEquals(fromWritten.get(i).get("prediction"), fromBlank.get(i).get("prediction"), "row " + (i + 1));
        }
    }

    /**
     * Azure's bike share job: daily rentals with weather covariates and the US holiday calendar, whose days off are
     * features (Thanksgiving 2012 among the test days) and reach the featurization summary.
     */
    @Test
    void dailySeriesWithHolidays() throws Exception {
        Path job = work.resolve("bike.yml");
        Files.writeString(job, "type: automl\ntask: forecasting\ntarget_column_name: cnt\nn_cross_validations: 3\n"
                + "training_data:\n  path: " + JarRunner.testdata("forecasting/bike-share-train.csv") + "\n  type: uri_file\n"
                + "test_data:\n  path: " + JarRunner.testdata("forecasting/bike-share-test.csv") + "\n  type: uri_file\n"
                + "limits:\n  max_trials: 8\n"
                + "forecasting:\n  time_column_name: date\n  forecast_horizon: 14\n  frequency: D\n  target_lags: auto\n"
                + "  country_or_region_for_holidays: US\n"
                + "training:\n  blocked_training_algorithms: [\"extreme_random_trees\"]\n"
                + "  enable_model_explainability: true\n");
        JarRunner.Result run = JarRunner.run(work, "run", job.toString(), "--output", "out", "--seed", "1");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode s = RunJobIT.summary(work.resolve("out"));
        assertEquals("D", s.get("forecasting").get("frequency").asText());
        assertEquals(7, s.get("forecasting").get("seasonality").asInt());
        // Last week's value, a week or two back, scores 0.24-0.25 on these 122 days; the search must do clearly better.
        assertTrue(s.get("test").get("normalized_root_mean_squared_error").asDouble() < 0.2, s.get("test").toString());
        JsonNode featurization = new ObjectMapper().readTree(work.resolve("out/featurization.json").toFile());
        Set<String> kept = new HashSet<>();
        for (JsonNode e : featurization) {
            if (e.get("Dropped").asText().equals("No")) {
                kept.add(e.get("RawFeatureName").asText());
            }
        }
        assertTrue(kept.containsAll(List.of("_holiday", "_holiday_name", "_series_anchor", "cnt_lag15", "cnt_lag21", "temp")),
                kept.toString());
        assertEquals(122, RunJobIT.csv(work.resolve("out/forecast.csv")).size());

        // Explained on the test days, as Azure's job asks: the weather leads; the date and the series are not shuffled.
        JsonNode explanation = new ObjectMapper().readTree(work.resolve("out/explanations/explanation.json").toFile());
        assertEquals("the job's test rows", explanation.get("rows_are").asText());
        assertEquals(122, explanation.get("rows").asInt());
        List<CSVRecord> raw = RunJobIT.csv(work.resolve("out/explanations/raw_importance.csv"));
        assertTrue(List.of("temp", "atemp", "hum", "weathersit").contains(raw.get(0).get("column")), raw.toString());
        assertTrue(raw.stream().noneMatch(r -> r.get("column").equals("date")), raw.toString());
        CSVRecord anchor = RunJobIT.csv(work.resolve("out/explanations/engineered_importance.csv")).stream()
                .filter(r -> r.get("feature").equals("_series_anchor")).findFirst().orElseThrow();
        assertEquals("cnt", anchor.get("raw_column"), "the anchor is the rentals' own history");
    }

    @Test
    void badForecastingInputGetsClearErrors() throws Exception {
        List<String> lines = Files.readAllLines(JarRunner.testdata("forecasting/airline_passengers.csv"));
        List<String> dup = new ArrayList<>(lines.subList(0, 40));
        dup.add(5, lines.get(4));
        Files.write(work.resolve("dup.csv"), dup);
        String base = "type: automl\ntask: forecasting\ntarget_column_name: passengers\n"
                + "training_data:\n  path: dup.csv\n  type: uri_file\n";
        assertCleanError(base + "forecasting:\n  time_column_name: month\n", "In the time column 'month', rows 4 and 5"
                + " have the same time 1949-04-01T00:00. Each series needs one row per time; give"
                + " forecasting.target_aggregate_function (sum, max, min or mean) to combine them.");
        assertCleanError(base.replace("dup.csv", JarRunner.testdata("forecasting/airline_passengers.csv").toString())
                + "forecasting:\n  time_column_name: month\n  time_series_id_column_names: store\n",
                "The column 'store' named by forecasting.time_series_id_column_names is not in training_data.");
        assertCleanError(base.replace("dup.csv", JarRunner.testdata("forecasting/airline_passengers.csv").toString())
                + "n_cross_validations: 3\nforecasting:\n  time_column_name: month\n  forecast_horizon: 60\n",
                "The series has 144 steps, but forecast_horizon 60 with 3 validation folds 60 steps apart (and 2 steps to"
                        + " train on) needs at least 182; no series has that many.");
        assertCleanError(base + "training:\n  enable_stack_ensemble: true\nforecasting:\n  time_column_name: month\n",
                "'enable_stack_ensemble: true' is not supported for forecasting yet");
        assertCleanError(base + "training:\n  allowed_training_algorithms: [TCNForecaster]\nforecasting:\n"
                + "  time_column_name: month\n", "the algorithm 'TCNForecaster' is not available yet.");
        assertCleanError(base.replace("dup.csv", JarRunner.testdata("forecasting/airline_passengers.csv").toString())
                + "forecasting:\n  time_column_name: month\n  country_or_region_for_holidays: ZZ\n",
                "forecasting.country_or_region_for_holidays 'ZZ' is not a country or region with a holiday"
                        + " calendar here. Use one of: ");
        Files.writeString(work.resolve("words.csv"), "month,passengers\nsoon,1\nlater,2\n");
        assertCleanError(base.replace("dup.csv", "words.csv") + "forecasting:\n  time_column_name: month\n",
                "The time column 'month' was not read as dates or times: row 1 holds 'soon'.");
    }

    private void assertCleanError(String yaml, String expected) throws Exception {
        Path job = work.resolve("bad.yml");
        Files.writeString(job, yaml);
        JarRunner.Result r = JarRunner.run(work, "run", job.toString(), "--output", "bad-out");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains(expected), "expected <" + expected + "> in:\n" + r.stderr());
        assertFalse(r.stderr().contains("\tat "), r.stderr());
        assertFalse(r.stderr().contains("Exception"), r.stderr());
    }
}
