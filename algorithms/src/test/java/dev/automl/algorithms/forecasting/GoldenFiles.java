package dev.automl.algorithms.forecasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The forecasting goldens R made (JSON under {@code testdata/forecasting}), read for the tests that hold us to them. */
public final class GoldenFiles {

    private GoldenFiles() {
    }

    /** A JSON file, by its path from the repository's root, such as {@code testdata/forecasting/goldens.json}. */
    public static JsonNode read(String path) throws IOException {
        return new ObjectMapper().readTree(root().resolve(path).toFile());
    }

    /** The repository's root: the nearest folder up from the working directory that holds {@code testdata}. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("testdata"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    /** A JSON array of numbers; R's NA (null) is NaN. */
    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        }
        return out;
    }

    public static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    public static String[] strings(JsonNode array) {
        String[] out = new String[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asText();
        }
        return out;
    }

    /** A JSON array of rows of numbers. */
    public static double[][] matrix(JsonNode rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(rows.get(i));
        }
        return out;
    }
}
