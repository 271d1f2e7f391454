package dev.automl.algorithms.forest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.algorithms.Params;
import dev.automl.metrics.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON file a forest model is saved as ({@value #FILE_NAME}): learner name, fitted parameters and every tree
 * in {@link TreeEnsemble.Tree}'s arrays. Written and read as a stream, because forests of deep trees run to
 * millions of nodes.
 */
final class ForestFile {

    static final String FILE_NAME = "forest.json";
    static final String FORMAT = "automl.tree_ensemble";
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    /** What a forest file holds besides the trees. */
    record Header(String learner, Params params) {
    }

    /** A forest file's content. */
    record Content(Header header, TreeEnsemble ensemble) {
    }

    private ForestFile() {
    }

    static void write(Path dir, Header header, TreeEnsemble e) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        try (JsonGenerator g = FACTORY.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.setCodec(MAPPER);
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("learner", header.learner());
            g.writeStringField("task", e.task().id());
            g.writeNumberField("num_classes", e.numClasses());
            g.writeNumberField("num_features", e.numFeatures());
            g.writeFieldName("params");
            g.writeObject(header.params().values());
            g.writeFieldName("prior");
            writeArray(g, e.prior());
            g.writeArrayFieldStart("trees");
            for (int t = 0; t < e.trees().size(); t++) {
                TreeEnsemble.Tree tree = e.trees().get(t);
                g.writeStartObject();
                g.writeNumberField("weight", e.weight(t));
                g.writeFieldName("split_feature");
                g.writeArray(tree.splitFeature(), 0, tree.splitFeature().length);
                g.writeFieldName("threshold");
                writeArray(g, tree.threshold());
                g.writeFieldName("left_child");
                g.writeArray(tree.leftChild(), 0, tree.leftChild().length);
                g.writeFieldName("right_child");
                g.writeArray(tree.rightChild(), 0, tree.rightChild().length);
                g.writeFieldName("leaf_value");
                writeArray(g, tree.leafValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void writeArray(JsonGenerator g, double[] values) throws IOException {
        // Jackson writes doubles in their shortest round-tripping form, so thresholds come back bit for bit.
        g.writeArray(values, 0, values.length);
    }

    static Content read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no " + FILE_NAME + " in " + dir);
        }
        String format = null;
        Integer version = null;
        String learner = null;
        Task task = null;
        int numClasses = -1;
        int numFeatures = -1;
        Map<String, Object> params = Map.of();
        double[] prior = null;
        List<TreeEnsemble.Tree> trees = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(file.toFile())) {
            p.setCodec(MAPPER);
            expect(p, p.nextToken(), JsonToken.START_OBJECT, file);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "format" -> format = p.getText();
                    case "version" -> version = p.getIntValue();
                    case "learner" -> learner = p.getText();
                    case "task" -> task = Task.valueOf(p.getText().toUpperCase(java.util.Locale.ROOT));
                    case "num_classes" -> numClasses = p.getIntValue();
                    case "num_features" -> numFeatures = p.getIntValue();
                    case "params" -> params = readParams(p);
                    case "prior" -> prior = readDoubles(p, file);
                    case "trees" -> {
                        expect(p, p.currentToken(), JsonToken.START_ARRAY, file);
                        if (task == null || numClasses < 0) {
                            throw new IOException(file + ": 'task' and 'num_classes' must come before 'trees'");
                        }
                        int width = task == Task.CLASSIFICATION ? numClasses : 1;
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            weights.add(readTree(p, file, width, trees));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }
        if (!FORMAT.equals(format) || version == null || version != VERSION) {
            throw new IOException(file + " is not a version " + VERSION + " '" + FORMAT + "' file (format "
                    + format + ", version " + version + ")");
        }
        if (learner == null || task == null || numFeatures < 0 || prior == null) {
            throw new IOException(file + " lacks one of learner, task, num_features, prior");
        }
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        TreeEnsemble ensemble;
        try {
            ensemble = new TreeEnsemble(task, Math.max(numClasses, 0), numFeatures, trees, w, prior);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return new Content(new Header(learner, Params.of(params)), ensemble);
    }

    private static double readTree(JsonParser p, Path file, int width, List<TreeEnsemble.Tree> out) throws IOException {
        double weight = 1;
        int[] feature = null;
        int[] left = null;
        int[] right = null;
        double[] threshold = null;
        double[] leafValue = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "weight" -> weight = p.getDoubleValue();
                case "split_feature" -> feature = readInts(p, file);
                case "threshold" -> threshold = readDoubles(p, file);
                case "left_child" -> left = readInts(p, file);
                case "right_child" -> right = readInts(p, file);
                case "leaf_value" -> leafValue = readDoubles(p, file);
                default -> p.skipChildren();
            }
        }
        if (feature == null || threshold == null || left == null || right == null || leafValue == null) {
            throw new IOException(file + ": tree " + out.size() + " lacks one of its arrays");
        }
        try {
            out.add(new TreeEnsemble.Tree(feature, threshold, left, right, leafValue, width));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": tree " + out.size() + ": " + e.getMessage(), e);
        }
        return weight;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readParams(JsonParser p) throws IOException {
        Map<String, Object> raw = p.readValueAs(LinkedHashMap.class);
        return raw == null ? Map.of() : raw;
    }

    private static int[] readInts(JsonParser p, Path file) throws IOException {
        expect(p, p.currentToken(), JsonToken.START_ARRAY, file);
        int[] out = new int[64];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = p.getIntValue();
        }
        return Arrays.copyOf(out, n);
    }

    private static double[] readDoubles(JsonParser p, Path file) throws IOException {
        expect(p, p.currentToken(), JsonToken.START_ARRAY, file);
        double[] out = new double[64];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = p.getDoubleValue();
        }
        return Arrays.copyOf(out, n);
    }

    private static void expect(JsonParser p, JsonToken got, JsonToken wanted, Path file) throws IOException {
        if (got != wanted) {
            throw new IOException(file + ": expected " + wanted + " at " + p.currentLocation() + ", found " + got);
        }
    }
}
