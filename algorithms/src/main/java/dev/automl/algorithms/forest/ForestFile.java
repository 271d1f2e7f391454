package dev.automl.algorithms.forest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.algorithms.Params;
import dev.automl.data.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two files a forest model is saved as: {@value #FILE_NAME}, a readable JSON header (learner, fitted
 * parameters, task, prior, and each tree's weight, split and leaf counts), and {@value #ARRAYS_NAME}, the trees'
 * arrays as little-endian binary, laid out as the header's {@code arrays.layout} says. Forests of deep trees hold
 * millions of nodes: as JSON numbers they took several times the bytes and far longer to write and parse.
 *
 * <p>Version 3 adds each leaf's cover (training weight), which TreeSHAP needs, after the tree's leaf values. Version
 * 2 files, saved before covers were recorded, still load and predict; their trees have no covers, and an ensemble
 * without covers is saved as version 2 again, since that is what it holds.
 */
final class ForestFile {

    static final String FILE_NAME = "forest.json";
    static final String ARRAYS_NAME = "forest.bin";
    static final String FORMAT = "automl.tree_ensemble";
    static final int VERSION = 3;
    /** The version before leaf covers, which is still read, and written for trees that have none. */
    static final int VERSION_WITHOUT_COVERS = 2;
    static final String LAYOUT = "for each tree in order: split_feature int32[splits], threshold float64[splits], "
            + "left_child int32[splits], right_child int32[splits], leaf_value float32[leaves * width], "
            + "leaf_cover float32[leaves]; a child >= 0 is a split, < 0 is leaf ~child; a row goes left when "
            + "x[split_feature] <= threshold; a leaf's cover is the training weight that reached it";
    static final String LAYOUT_WITHOUT_COVERS = "for each tree in order: split_feature int32[splits], threshold "
            + "float64[splits], left_child int32[splits], right_child int32[splits], leaf_value float32[leaves * "
            + "width]; a child >= 0 is a split, < 0 is leaf ~child; a row goes left when x[split_feature] <= threshold";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Bytes per split: feature, threshold, left and right child. */
    private static final long SPLIT_BYTES = Integer.BYTES + Double.BYTES + 2L * Integer.BYTES;

    /** What a forest file holds besides the trees. */
    record Header(String learner, Params params) {
    }

    /** A forest file's content. */
    record Content(Header header, TreeEnsemble ensemble) {
    }

    private ForestFile() {
    }

    /**
     * Writes the arrays first and the header, with their size and CRC-32, last: a header never describes arrays
     * not yet written, and one left over from an earlier save does not match the new arrays.
     */
    static void write(Path dir, Header header, TreeEnsemble e) throws IOException {
        boolean covers = e.hasCovers();
        ArrayFileWriter out = new ArrayFileWriter(dir.resolve(ARRAYS_NAME));
        try {
            for (TreeEnsemble.Tree tree : e.trees()) {
                out.ints(tree.splitFeature());
                out.doubles(tree.threshold());
                out.ints(tree.leftChild());
                out.ints(tree.rightChild());
                out.floats(tree.leafValue());
                if (covers) {
                    out.floats(tree.leafCover());
                }
            }
        } finally {
            out.close();
        }
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(dir.resolve(FILE_NAME).toFile(), JsonEncoding.UTF8)) {
            g.setCodec(MAPPER);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", covers ? VERSION : VERSION_WITHOUT_COVERS);
            g.writeStringField("learner", header.learner());
            g.writeStringField("task", e.task().id());
            g.writeNumberField("num_classes", e.numClasses());
            g.writeNumberField("num_features", e.numFeatures());
            g.writeNumberField("width", e.width());
            g.writeFieldName("params");
            g.writeObject(header.params().values());
            g.writeFieldName("prior");
            // Jackson writes doubles in their shortest round-tripping form, so they come back bit for bit.
            g.writeArray(e.prior(), 0, e.width());
            g.writeObjectFieldStart("arrays");
            g.writeStringField("file", ARRAYS_NAME);
            g.writeNumberField("bytes", out.bytes());
            g.writeNumberField("crc32", out.crc32());
            g.writeStringField("byte_order", "little-endian");
            g.writeStringField("layout", covers ? LAYOUT : LAYOUT_WITHOUT_COVERS);
            g.writeEndObject();
            g.writeArrayFieldStart("trees");
            for (int t = 0; t < e.trees().size(); t++) {
                TreeEnsemble.Tree tree = e.trees().get(t);
                g.writeStartObject();
                g.writeNumberField("weight", e.weight(t));
                g.writeNumberField("splits", tree.splitFeature().length);
                g.writeNumberField("leaves", tree.leaves());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** One tree's line of the header. */
    private record TreeCounts(double weight, int splits, int leaves) {
    }

    /** One tree's arrays as read, not yet checked. */
    private record RawTree(int[] feature, double[] threshold, int[] left, int[] right, float[] leafValue,
                           float[] leafCover) {
    }

    static Content read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no " + FILE_NAME + " in " + dir);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + " does not hold a JSON object");
        }
        String format = root.path("format").asText(null);
        int version = root.path("version").asInt(-1);
        if (!FORMAT.equals(format) || (version != VERSION && version != VERSION_WITHOUT_COVERS)) {
            throw new IOException(file + " is not a version " + VERSION_WITHOUT_COVERS + " or " + VERSION + " '"
                    + FORMAT + "' file (format " + format
                    + ", version " + (version < 0 ? null : version) + ")"
                    + (FORMAT.equals(format) && version == 1 ? ": it was saved by an older automl, refit the model" : ""));
        }
        String learner = text(root, "learner", file);
        Task task = task(text(root, "task", file), file);
        int numClasses = count(root, "num_classes", file);
        int numFeatures = count(root, "num_features", file);
        int width = task == Task.CLASSIFICATION ? numClasses : 1;
        if (count(root, "width", file) != width) {
            throw new IOException(file + ": width " + root.get("width") + " for a " + task.id() + " model with "
                    + numClasses + " classes, expected " + width);
        }
        double[] prior = doubles(root, "prior", file);
        List<TreeCounts> counts = trees(root, file);

        JsonNode arrays = root.path("arrays");
        if (!ARRAYS_NAME.equals(arrays.path("file").asText(null))
                || !"little-endian".equals(arrays.path("byte_order").asText(null))) {
            throw new IOException(file + ": 'arrays' must name " + ARRAYS_NAME + " and byte_order little-endian");
        }
        boolean covers = version == VERSION;
        long expected = 0;
        for (int t = 0; t < counts.size(); t++) {
            TreeCounts c = counts.get(t);
            if ((long) c.leaves() * width > Integer.MAX_VALUE) {
                throw new IOException(file + ": tree " + t + " has more leaf values than an array holds");
            }
            int perLeaf = width + (covers ? 1 : 0);
            expected += c.splits() * SPLIT_BYTES + (long) c.leaves() * perLeaf * Float.BYTES;
        }
        if (arrays.path("bytes").asLong(-1) != expected) {
            throw new IOException(file + ": arrays.bytes is " + arrays.get("bytes") + " but its trees' counts make "
                    + expected + " bytes");
        }
        Path bin = dir.resolve(ARRAYS_NAME);
        if (!Files.isRegularFile(bin)) {
            throw new IOException("no " + ARRAYS_NAME + " in " + dir + ", which " + FILE_NAME + " needs");
        }
        long actual = Files.size(bin);
        if (actual != expected) {
            throw new IOException(bin + " has " + actual + " bytes but " + file + " describes " + expected
                    + (actual < expected ? ": it is truncated" : ": it is not the file saved with this header"));
        }

        List<RawTree> raw = new ArrayList<>(counts.size());
        long crc;
        try (ArrayFileReader in = new ArrayFileReader(bin)) {
            for (TreeCounts c : counts) {
                raw.add(new RawTree(in.ints(c.splits()), in.doubles(c.splits()), in.ints(c.splits()),
                        in.ints(c.splits()), in.floats(c.leaves() * width), covers ? in.floats(c.leaves()) : null));
            }
            crc = in.crc32();
        }
        // Checked before the trees' structure, so that a damaged file is reported as such.
        if (crc != arrays.path("crc32").asLong(-1)) {
            throw new IOException(bin + " does not match " + file + ": its CRC-32 is " + crc + ", the header says "
                    + arrays.get("crc32"));
        }
        List<TreeEnsemble.Tree> trees = new ArrayList<>(counts.size());
        double[] weights = new double[counts.size()];
        for (int t = 0; t < counts.size(); t++) {
            RawTree r = raw.get(t);
            try {
                trees.add(new TreeEnsemble.Tree(r.feature(), r.threshold(), r.left(), r.right(), r.leafValue(), width,
                        r.leafCover()));
            } catch (IllegalArgumentException e) {
                throw new IOException(bin + ": tree " + t + ": " + e.getMessage(), e);
            }
            weights[t] = counts.get(t).weight();
        }
        TreeEnsemble ensemble;
        try {
            ensemble = new TreeEnsemble(task, numClasses, numFeatures, trees, weights, prior);
        } catch (IllegalArgumentException e) {
            throw new IOException(dir + ": " + e.getMessage(), e);
        }
        return new Content(new Header(learner, Params.of(params(root))), ensemble);
    }

    private static String text(JsonNode root, String field, Path file) throws IOException {
        JsonNode v = root.get(field);
        if (v == null || !v.isTextual()) {
            throw new IOException(file + ": '" + field + "' must be a string");
        }
        return v.asText();
    }

    private static Task task(String id, Path file) throws IOException {
        try {
            return Task.valueOf(id.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": unknown task '" + id + "'", e);
        }
    }

    private static int count(JsonNode root, String field, Path file) throws IOException {
        JsonNode v = root.get(field);
        if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToInt() || v.asInt() < 0) {
            throw new IOException(file + ": '" + field + "' must be a count, got " + v);
        }
        return v.asInt();
    }

    private static double[] doubles(JsonNode root, String field, Path file) throws IOException {
        JsonNode v = root.get(field);
        if (v == null || !v.isArray()) {
            throw new IOException(file + ": '" + field + "' must be an array of numbers");
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isNumber()) {
                throw new IOException(file + ": '" + field + "' must be an array of numbers");
            }
            out[i] = v.get(i).doubleValue();
        }
        return out;
    }

    private static List<TreeCounts> trees(JsonNode root, Path file) throws IOException {
        JsonNode v = root.get("trees");
        if (v == null || !v.isArray()) {
            throw new IOException(file + ": 'trees' must be an array");
        }
        List<TreeCounts> out = new ArrayList<>(v.size());
        for (int t = 0; t < v.size(); t++) {
            JsonNode tree = v.get(t);
            JsonNode weight = tree.get("weight");
            if (weight == null || !weight.isNumber()) {
                throw new IOException(file + ": tree " + t + " has no numeric weight");
            }
            int splits = count(tree, "splits", file);
            int leaves = count(tree, "leaves", file);
            if (leaves != splits + 1L) {
                throw new IOException(file + ": tree " + t + " has " + splits + " splits and " + leaves
                        + " leaves; a binary tree has one leaf more than splits");
            }
            out.add(new TreeCounts(weight.doubleValue(), splits, leaves));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> params(JsonNode root) {
        JsonNode v = root.get("params");
        if (v == null || v.isNull()) {
            return Map.of();
        }
        return MAPPER.convertValue(v, LinkedHashMap.class);
    }
}
