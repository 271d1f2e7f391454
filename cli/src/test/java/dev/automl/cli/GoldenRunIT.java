package dev.automl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the jobs of testdata/goldens with seed 1 and compares leaderboard.csv and summary.json, every value but the
 * times, with what the engine wrote before the run was reshaped into stages (see testdata/goldens/SOURCE.md): a
 * change that means no change of behaviour must leave them as they were.
 */
class GoldenRunIT {

    /** Keys whose values are measured times, anywhere in summary.json. */
    private static final Set<String> TIMES = Set.of("timing", "seconds", "estimated_seconds");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"bank-marketing", "covertype", "concrete"})
    void sameSeedSameResultsAsBeforeTheStages(String job) throws Exception {
        JarRunner.Result r = JarRunner.run(work, "run", JarRunner.testdata("goldens/" + job + ".yml").toString(),
                "--seed", "1", "--output", "out");
        assertEquals(0, r.exitCode(), r.toString());
        Path expected = JarRunner.testdata("goldens/expected/" + job);
        List<String> differences = new ArrayList<>();
        compare(JSON.readTree(expected.resolve("summary.json").toFile()),
                JSON.readTree(work.resolve("out/summary.json").toFile()), "summary", differences);
        compareLeaderboards(RunJobIT.csv(expected.resolve("leaderboard.csv")),
                RunJobIT.csv(work.resolve("out/leaderboard.csv")), differences);
        assertTrue(differences.isEmpty(), job + " differs from its golden:\n" + String.join("\n", differences));
    }

    private static void compareLeaderboards(List<CSVRecord> expected, List<CSVRecord> actual, List<String> differences) {
        if (expected.size() != actual.size()) {
            differences.add("leaderboard: " + expected.size() + " rows expected, " + actual.size() + " written");
            return;
        }
        if (!expected.isEmpty() && !expected.get(0).getParser().getHeaderNames()
                .equals(actual.get(0).getParser().getHeaderNames())) {
            differences.add("leaderboard: header " + actual.get(0).getParser().getHeaderNames());
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            for (String column : expected.get(i).getParser().getHeaderNames()) {
                String want = expected.get(i).get(column);
                String got = actual.get(i).get(column);
                if (!column.equals("fit_seconds") && !same(want, got)) {
                    differences.add("leaderboard row " + (i + 1) + " " + column + ": expected " + want + ", got " + got);
                }
            }
        }
    }

    private static void compare(JsonNode expected, JsonNode actual, String path, List<String> differences) {
        if (expected.isObject() && actual.isObject()) {
            List<String> want = new ArrayList<>();
            expected.fieldNames().forEachRemaining(want::add);
            List<String> got = new ArrayList<>();
            actual.fieldNames().forEachRemaining(got::add);
            if (!want.equals(got)) {
                differences.add(path + ": keys " + got + ", expected " + want);
            }
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!TIMES.contains(key) && actual.has(key)) {
                    compare(expected.get(key), actual.get(key), path + "." + key, differences);
                }
            }
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                differences.add(path + ": " + actual.size() + " items, expected " + expected.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(expected.get(i), actual.get(i), path + "[" + i + "]", differences);
            }
        } else if (!same(expected.asText(), actual.asText()) || expected.getNodeType() != actual.getNodeType()) {
            differences.add(path + ": expected " + expected + ", got " + actual);
        }
    }

    /**
     * Equal text, or numbers within 1e-8 relative: the last digit of a double may differ between CPUs, and an
     * iterative solver carries that further (ElasticNet's interior-point LASSO: 4e-9 between two AMD EPYC machines).
     */
    private static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            double x = Double.parseDouble(a);
            double y = Double.parseDouble(b);
            return Math.abs(x - y) <= 1e-8 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
