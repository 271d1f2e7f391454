package dev.automl.algorithms.linear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.automl.algorithms.Params;
import dev.automl.data.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON file a linear model is saved as ({@value #FILE_NAME}): its kind, classes, coefficients and intercepts,
 * and the training means of its features when it was fitted with them.
 */
final class LinearFile {

    static final String FILE_NAME = "linear.json";
    static final String FORMAT = "automl.linear_model";
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LinearFile() {
    }

    static void write(Path dir, LinearModel m) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("learner", m.learner());
        root.put("task", m.task().id());
        root.put("kind", m.kind().name().toLowerCase(Locale.ROOT));
        root.put("num_classes", m.numClasses());
        root.put("num_features", m.numFeatures());
        root.set("params", MAPPER.valueToTree(m.fittedParams().values()));
        ArrayNode classes = root.putArray("classes");
        for (int c : m.classes()) {
            classes.add(c);
        }
        ArrayNode weights = root.putArray("coefficients");
        for (double[] row : m.weights()) {
            ArrayNode r = weights.addArray();
            for (double w : row) {
                r.add(w);
            }
        }
        ArrayNode intercepts = root.putArray("intercepts");
        for (double b : m.intercepts()) {
            intercepts.add(b);
        }
        ArrayNode prior = root.putArray("prior");
        for (double p : m.prior()) {
            prior.add(p);
        }
        double[] means = m.featureMeans();
        if (means != null) {
            // Optional within version 1: files without it still load, as models without contributions.
            ArrayNode meansNode = root.putArray("feature_means");
            for (double mean : means) {
                meansNode.add(mean);
            }
        }
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(FILE_NAME).toFile(), root);
    }

    @SuppressWarnings("unchecked")
    static LinearModel read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no " + FILE_NAME + " in " + dir);
        }
        JsonNode root = MAPPER.readTree(file.toFile());
        if (!FORMAT.equals(root.path("format").asText()) || root.path("version").asInt(-1) != VERSION) {
            throw new IOException(file + " is not a version " + VERSION + " '" + FORMAT + "' file");
        }
        try {
            Task task = Task.valueOf(text(root, "task", file).toUpperCase(Locale.ROOT));
            LinearModel.Kind kind = LinearModel.Kind.valueOf(text(root, "kind", file).toUpperCase(Locale.ROOT));
            JsonNode w = root.path("coefficients");
            double[][] weights = new double[w.size()][];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = doubles(w.get(i));
            }
            int[] classes = new int[root.path("classes").size()];
            for (int i = 0; i < classes.length; i++) {
                classes[i] = root.path("classes").get(i).asInt();
            }
            Map<String, Object> params = MAPPER.convertValue(root.path("params"), Map.class);
            return new LinearModel(text(root, "learner", file), task, kind, root.path("num_classes").asInt(),
                    root.path("num_features").asInt(), classes, weights, doubles(root.path("intercepts")),
                    doubles(root.path("prior")), Params.of(params == null ? Map.of() : params),
                    root.has("feature_means") ? doubles(root.get("feature_means")) : null);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode root, String field, Path file) throws IOException {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual()) {
            throw new IOException(file + " has no '" + field + "'");
        }
        return n.asText();
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
