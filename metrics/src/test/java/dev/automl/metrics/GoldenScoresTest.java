package dev.automl.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Checks both score classes against values scikit-learn computed (testdata/metrics/make_goldens.py). */
class GoldenScoresTest {

    private static final double TOLERANCE = 1e-9;
    private static final JsonNode GOLDENS = load();

    @Test
    void goldensNameTheirScikitLearnVersion() {
        assertTrue(GOLDENS.path("sklearn_version").isTextual());
        assertTrue(GOLDENS.path("classification").size() >= 10);
        assertTrue(GOLDENS.path("regression").size() >= 5);
    }

    @TestFactory
    Stream<DynamicTest> classificationMatchesScikitLearn() {
        return stream(GOLDENS.path("classification")).map(c -> DynamicTest.dynamicTest(c.path("name").asText(), () -> {
            Map<String, Double> actual = ClassificationScores.compute(
                    ints(c.path("y")),
                    doubles(c.path("proba")),
                    c.path("num_classes").asInt(),
                    c.path("weights").isNull() ? null : doubles(c.path("weights")),
                    c.path("positive_class").asInt());
            assertMatches(c.path("name").asText(), c.path("expected"), actual);
            double alone = ClassificationScores.accuracy(ints(c.path("y")), doubles(c.path("proba")),
                    c.path("num_classes").asInt(), c.path("weights").isNull() ? null : doubles(c.path("weights")));
            assertEquals(c.path("expected").path("accuracy").asDouble(), alone, 1e-9, "accuracy alone");
        }));
    }

    @TestFactory
    Stream<DynamicTest> regressionMatchesScikitLearn() {
        return stream(GOLDENS.path("regression")).map(c -> DynamicTest.dynamicTest(c.path("name").asText(), () -> {
            Map<String, Double> actual = RegressionScores.compute(
                    doubles(c.path("y")),
                    doubles(c.path("pred")),
                    c.path("weights").isNull() ? null : doubles(c.path("weights")),
                    c.path("target_range").asDouble());
            assertMatches(c.path("name").asText(), c.path("expected"), actual);
        }));
    }

    private static void assertMatches(String caseName, JsonNode expected, Map<String, Double> actual) {
        List<String> expectedNames = new ArrayList<>();
        expected.fieldNames().forEachRemaining(expectedNames::add);
        assertEquals(expectedNames, new ArrayList<>(actual.keySet()), caseName + ": metric names and order");
        for (String name : expectedNames) {
            JsonNode e = expected.path(name);
            double a = actual.get(name);
            if (e.isNull()) {
                assertTrue(Double.isNaN(a), caseName + " " + name + ": expected NaN, got " + a);
            } else {
                assertEquals(e.asDouble(), a, TOLERANCE, caseName + " " + name);
            }
        }
    }

    private static JsonNode load() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("testdata"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            fail("no testdata/ folder above " + Path.of("").toAbsolutePath());
        }
        try {
            return new ObjectMapper().readTree(dir.resolve("testdata/metrics/goldens.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read testdata/metrics/goldens.json", e);
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
