package dev.automl.engine.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.data.InvalidInputException;
import dev.automl.data.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suite files: paths relative to the suite, defaults, located errors; results.csv read back as written. */
class SuiteParserTest {

    @TempDir
    Path dir;

    private Path suite(String yaml) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/d.csv"), "x,y\n1,a\n");
        Path f = dir.resolve("suites/s.yml");
        Files.createDirectories(f.getParent());
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void readsDatasetsRelativeToTheSuite() throws Exception {
        BenchmarkSuite s = SuiteParser.parse(suite("name: s\nbudget_seconds: 30\nfolds: [0, 2]\ndatasets:\n"
                + "  - name: d\n    path: ../data/d.csv\n    target: y\n    task: Classification\n"
                + "    drop_columns: [x]\n    reference: {H2O: 0.9}\n"));
        assertEquals(30, s.budgetSeconds());
        assertEquals(List.of(0, 2), s.folds());
        BenchmarkDataset d = s.datasets().get(0);
        assertEquals(dir.resolve("data/d.csv"), d.path());
        assertEquals(Task.CLASSIFICATION, d.task());
        assertEquals(List.of("x"), d.dropColumns());
        assertEquals(Map.of("H2O", 0.9), d.references());
        assertEquals(List.of(1, 3), s.with(null, SuiteParser.parseFolds("1,3")).folds());
    }

    @Test
    void mistakesAreLocated() throws Exception {
        String e = assertThrows(InvalidInputException.class, () -> SuiteParser.parse(suite("name: s\nfolds: [10]\ndatasets:\n"
                + "  - name: d\n    path: ../data/d.csv\n    target: y\n    task: classification\n"))).getMessage();
        assertEquals("s.yml, line 2, column 1: 'folds' holds 10; the outer folds are 0 to 9.", e);
        e = assertThrows(InvalidInputException.class, () -> SuiteParser.parse(suite("name: s\ndatasets:\n"
                + "  - name: d\n    path: ../data/nope.csv\n    target: y\n    task: classification\n"))).getMessage();
        assertTrue(e.contains("dataset 'd': '../data/nope.csv' points at "), e);
        assertThrows(InvalidInputException.class, () -> SuiteParser.parseFolds("0,x"));
    }

    @Test
    void resultsFileRoundTrips() {
        ResultsFile f = new ResultsFile(dir.resolve("results.csv"));
        FoldResult ok = FoldResult.ok("adult", 0, "classification", "auc", new FoldResult.Run(0.93, 61.2, 17, "LightGBM"));
        FoldResult failed = FoldResult.failed("car", 1, "classification", "logloss", new FoldResult.Run(Double.NaN, 3.0, 0, ""),
                "no model, \"quoted\"");
        f.append(ok);
        f.append(failed);
        List<FoldResult> back = f.read();
        assertEquals(ok, back.get(0));
        assertEquals(failed.message(), back.get(1).message());
        assertEquals("failed", back.get(1).status());
        assertFalse(back.get(1).ok());
        assertTrue(Double.isNaN(back.get(1).score()));
        String md = SummaryTable.render(new BenchmarkSuite("x", 60, List.of(0, 1), 0, List.of(
                new BenchmarkDataset("adult", dir, "class", Task.CLASSIFICATION, new BenchmarkDataset.Preparation(List.of(),
                        dev.automl.featurization.FeaturizationMode.AUTO), Map.of("H2O", 0.9312)))), back);
        assertTrue(md.contains("| adult | auc | 0.9300 | 1/1 | 61 | LightGBM | 0.9312 |"), md);
    }
}
