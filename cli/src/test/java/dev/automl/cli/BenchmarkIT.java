package dev.automl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke suite through the jar: one outer fold of three tiny tabular datasets and M4's holdout of a forecasting
 * one, results written, and resuming.
 */
class BenchmarkIT {

    @TempDir
    Path work;

    @Test
    void smokeSuiteScoresEachDatasetAndResumes() throws Exception {
        String suite = JarRunner.testdata("suites/smoke.yml").toString();
        JarRunner.Result r = JarRunner.run(work, "benchmark", suite, "--output", "out");
        assertEquals(0, r.exitCode(), r.toString());
        List<CSVRecord> rows = RunJobIT.csv(work.resolve("out/results.csv"));
        assertEquals(6, rows.size(), r.toString());
        for (CSVRecord row : rows) {
            assertEquals("ok", row.get("status"), row.toString());
            assertEquals("0", row.get("fold"));
            // Each fold's job has 10 s; the time promise adds 10 % and 15 s.
            assertTrue(Double.parseDouble(row.get("seconds")) < 10 * 1.1 + 15, row.toString());
        }
        // Floors a broken pipeline would miss: a uniform guess scores log loss 1.10 on iris, AUC 0.5 on blood
        // transfusion, and RMSE 16.7 (the standard deviation) on concrete.
        assertEquals("logloss", rows.get(0).get("metric"));
        assertTrue(Double.parseDouble(rows.get(0).get("score")) < 0.6, rows.get(0).toString());
        assertEquals("auc", rows.get(1).get("metric"));
        assertTrue(Double.parseDouble(rows.get(1).get("score")) > 0.6, rows.get(1).toString());
        assertEquals("rmse", rows.get(2).get("metric"));
        assertTrue(Double.parseDouble(rows.get(2).get("score")) < 9, rows.get(2).toString());
        // Orange juice sales, each series' last 8 weeks: sMAPE, MASE and OWA, which is 1 for Naive2; the engine must
        // beat Naive2 clearly (it reached 0.59 to 0.62 here).
        assertEquals(List.of("smape", "mase", "owa"), rows.subList(3, 6).stream().map(x -> x.get("metric")).toList());
        assertTrue(Double.parseDouble(rows.get(5).get("score")) < 0.85, rows.get(5).toString());
        assertTrue(Files.readString(work.resolve("out/summary.md")).contains("| oj_sales | owa |"));
        String summary = Files.readString(work.resolve("out/summary.md"));
        assertTrue(summary.contains("| iris | logloss |"), summary);
        assertTrue(Files.exists(work.resolve("out/runs/concrete/fold-0/leaderboard.csv")));
        // Iris's 150 rows, 50 per species, in ten stratified folds: every row once, 5 of each species per fold.
        List<CSVRecord> folds = RunJobIT.csv(work.resolve("out/folds/iris.csv"));
        assertEquals(150, folds.size());
        List<String> species = Files.readAllLines(JarRunner.testdata("iris/iris.csv")).stream().skip(1)
                .map(line -> line.substring(line.lastIndexOf(',') + 1)).toList();
        java.util.Map<String, Long> perFoldAndSpecies = new java.util.HashMap<>();
        for (int i = 0; i < folds.size(); i++) {
            assertEquals(String.valueOf(i), folds.get(i).get("row"));
            perFoldAndSpecies.merge(folds.get(i).get("fold") + "/" + species.get(i), 1L, Long::sum);
        }
        assertEquals(30, perFoldAndSpecies.size(), perFoldAndSpecies.toString());
        assertTrue(perFoldAndSpecies.values().stream().allMatch(n -> n == 5), perFoldAndSpecies.toString());

        JarRunner.Result again = JarRunner.run(work, "benchmark", suite, "--output", "out");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.stdout().contains("iris: folds [0] already in results.csv"), again.stdout());
        assertEquals(6, RunJobIT.csv(work.resolve("out/results.csv")).size());
    }

    @Test
    void misspeltSuiteKeyIsAnErrorWithItsLine() throws Exception {
        Path suite = work.resolve("suite.yml");
        Files.writeString(suite, "name: s\nbudget_second: 5\ndatasets: []\n");
        JarRunner.Result r = JarRunner.run(work, "benchmark", suite.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("suite.yml, line 2, column 1: unknown key 'budget_second'. Did you mean 'budget_seconds'?"),
                r.stderr());
    }
}
