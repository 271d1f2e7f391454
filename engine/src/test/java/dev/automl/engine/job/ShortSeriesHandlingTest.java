package dev.automl.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.LearnerCatalog;
import dev.automl.data.CategoricalColumn;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import dev.automl.data.series.SeriesTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Azure's {@code short_series_handling_config} on two daily shops: shop a has 10 days, shop b 3; a horizon of 2 with
 * 2 folds 2 days apart needs 2 + 2 + 2 = 6 days of each series.
 */
class ShortSeriesHandlingTest {

    @TempDir
    Path dir;

    private JobSpec spec(String handling) throws IOException {
        Files.writeString(dir.resolve("data.csv"), "day,shop,sales,price\n2026-01-01,a,1,1\n");
        Path job = dir.resolve("job.yml");
        Files.writeString(job, "type: automl\ntask: forecasting\ntarget_column_name: sales\nn_cross_validations: 2\n"
                + "training_data:\n  path: ./data.csv\n  type: uri_file\n"
                + "forecasting:\n  time_column_name: day\n  time_series_id_column_names: shop\n  forecast_horizon: 2\n"
                + "  frequency: D\n  cv_step_size: 2\n" + (handling == null ? "" : "  short_series_handling_config: " + handling + "\n"));
        return new JobParser(LearnerCatalog.standard()).parse(job);
    }

    private static Table shops(int aDays, int bDays) {
        List<Double> times = new ArrayList<>();
        List<Integer> shop = new ArrayList<>();
        List<Double> sales = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            int days = s == 0 ? aDays : bDays;
            for (int d = 0; d < days; d++) {
                times.add((double) LocalDate.of(2026, 1, 10 + d).atStartOfDay().toEpochSecond(ZoneOffset.UTC));
                shop.add(s);
                sales.add(s == 0 ? 10.0 + d : 100.0 + 10 * d);
            }
        }
        int n = times.size();
        return new Table(List.of(new DateTimeColumn("day", times.stream().mapToDouble(Double::doubleValue).toArray()),
                new CategoricalColumn("shop", shop.stream().mapToInt(Integer::intValue).toArray(), List.of("a", "b")),
                new NumericColumn("sales", sales.stream().mapToDouble(Double::doubleValue).toArray()),
                new NumericColumn("price", new double[n])));
    }

    private static JobData assemble(JobSpec spec, Table t, List<String> notes) {
        return ForecastingData.assemble(spec, t, null, null, Map.of(), notes::add);
    }

    @Test
    void padLengthensAShortSeriesAtItsStartWithItsMedian() throws IOException {
        List<String> notes = new ArrayList<>();
        SeriesTable s = assemble(spec("pad"), shops(10, 3), notes).series().table();
        assertEquals(2, s.seriesCount());
        assertEquals(6, s.length(1));
        // Shop b's days 10-12 Jan (100, 110, 120, median 110) now start on 7 Jan.
        assertEquals(LocalDate.of(2026, 1, 7).atStartOfDay(), s.timeAt(1, 0));
        double[] y = s.target();
        int b = s.index().starts()[1];
        for (int k = 0; k < 3; k++) {
            assertEquals(110, y[b + k], 110 * 5e-4, "padded step " + k);
        }
        assertEquals(100, y[b + 3]);
        assertEquals(0.0, ((NumericColumn) s.table().column("price")).get(b), "numeric columns are 0 when padded");
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("short_series_handling_config: padded 1 of 2 series to 6"
                + " steps")), notes.toString());
    }

    @Test
    void dropAndAutoLeaveOutAShortSeriesWhenALongOneExists() throws IOException {
        for (String handling : new String[] {"drop", "auto", null}) {
            List<String> notes = new ArrayList<>();
            SeriesTable s = assemble(spec(handling), shops(10, 3), notes).series().table();
            assertEquals(1, s.seriesCount(), String.valueOf(handling));
            assertTrue(notes.stream().anyMatch(n -> n.startsWith("short_series_handling_config: left out 1 of 2 series")),
                    notes.toString());
        }
    }

    @Test
    void autoPadsOnlyRowsToTrainOnWhenNoSeriesIsLongEnough() throws IOException {
        // 5 days hold the 4 validated days and one to forecast them from: a day is padded to train on.
        List<String> notes = new ArrayList<>();
        SeriesTable s = assemble(spec("auto"), shops(5, 5), notes).series().table();
        assertEquals(2, s.seriesCount());
        assertEquals(6, s.length(0));
        assertEquals(6, s.length(1));
        // 3 days cannot fill the validation windows: auto asks for less, pad would invent them.
        String e = assertThrows(InvalidInputException.class, () -> assemble(spec("auto"), shops(5, 3), notes)).getMessage();
        assertEquals("The series shop=b has 3 steps, but forecast_horizon 2 with 2 validation folds 2 steps apart (and 2"
                + " steps to train on) needs at least 6; no series has that many. Shorten forecast_horizon, use fewer"
                + " folds (n_cross_validations) or a smaller cv_step_size, or set short_series_handling_config to pad to"
                + " validate on padded values.", e);
    }
}
