package dev.automl.algorithms.boosting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.automl.algorithms.Params;
import dev.automl.data.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a saved boosting model needs besides the library's own model file: which learner wrote it, for which task
 * and number of classes, how many rounds to predict with, and the parameters to refit with.
 */
record ModelInfo(String learner, Task task, int numClasses, int rounds, Params params) {

    static final String FILE = "model-info.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    void write(Path dir) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("learner", learner);
        root.put("task", task.id());
        root.put("num_classes", numClasses);
        root.put("rounds", rounds);
        ObjectNode p = root.putObject("params");
        for (Map.Entry<String, Object> e : params.values().entrySet()) {
            Object v = e.getValue();
            if (v instanceof Long l) {
                p.put(e.getKey(), l);
            } else if (v instanceof Double d) {
                p.put(e.getKey(), d);
            } else if (v instanceof Boolean b) {
                p.put(e.getKey(), b);
            } else {
                p.put(e.getKey(), v.toString());
            }
        }
        Files.writeString(dir.resolve(FILE), JSON.writeValueAsString(root) + "\n");
    }

    /**
     * Reads the file and checks that it belongs to the expected learner, task and number of classes, so that a
     * model folder given to the wrong learner fails with a message that names the file.
     */
    static ModelInfo read(Path dir, String expectedLearner, Task expectedTask, int expectedClasses) throws IOException {
        Path file = dir.resolve(FILE);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IOException(file + " is missing: " + dir + " is not a model saved by " + expectedLearner, e);
        }
        String learner = text(root, "learner", file);
        Task task;
        try {
            task = Task.valueOf(text(root, "task", file).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": unknown task '" + root.get("task").asText() + "'", e);
        }
        int numClasses = root.path("num_classes").asInt(-1);
        int rounds = root.path("rounds").asInt(-1);
        if (!learner.equals(expectedLearner)) {
            throw new IOException(file + " was written by " + learner + ", not " + expectedLearner);
        }
        if (task != expectedTask) {
            throw new IOException(file + " holds a " + task.id() + " model, not " + expectedTask.id());
        }
        if (task == Task.CLASSIFICATION && numClasses != expectedClasses) {
            throw new IOException(file + " holds a model of " + numClasses + " classes, not " + expectedClasses);
        }
        if (rounds < 0) {
            throw new IOException(file + ": 'rounds' is missing or negative");
        }
        TreeMap<String, Object> params = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.path("params").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isIntegralNumber()) {
                params.put(e.getKey(), v.longValue());
            } else if (v.isNumber()) {
                params.put(e.getKey(), v.doubleValue());
            } else if (v.isBoolean()) {
                params.put(e.getKey(), v.booleanValue());
            } else {
                params.put(e.getKey(), v.asText());
            }
        }
        return new ModelInfo(learner, task, numClasses, rounds, new Params(params));
    }

    private static String text(JsonNode root, String key, Path file) throws IOException {
        JsonNode v = root.get(key);
        if (v == null || !v.isTextual()) {
            throw new IOException(file + ": '" + key + "' is missing");
        }
        return v.asText();
    }
}
