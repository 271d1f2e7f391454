package dev.automl.algorithms.boosting;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a LightGBM text model before the native library parses it. LightGBM parses the trees in an OpenMP loop,
 * where its own format errors abort the whole JVM ({@code terminate called after throwing an instance of
 * 'std::runtime_error'}), and it scans for '=' and indexes arrays without bounds; so a model file that is cut short
 * or damaged must be refused here, with a message, instead.
 */
final class LightGbmModelText {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*([eE][-+]?\\d+)?|\\.\\d+([eE][-+]?\\d+)?"
            + "|inf|nan|Infinity|NaN)");

    private LightGbmModelText() {
    }

    /** Throws an {@link IllegalStateException} saying what is wrong when the text is not a whole LightGBM model. */
    static void check(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        Map<String, String> header = new HashMap<>();
        int p = 0;
        while (p < b.length) {
            int end = lineEnd(b, p);
            String line = new String(b, p, end - p, StandardCharsets.UTF_8);
            if (line.startsWith("Tree=")) {
                break;
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                header.put(line.substring(0, eq), line.substring(eq + 1));
            }
            p = nextLine(b, end);
        }
        if (!text.contains("end of trees")) {
            throw damaged("it has no 'end of trees' line, so it is cut short");
        }
        int maxFeature = wholeNumber(header.getOrDefault("max_feature_idx", "-1"), "max_feature_idx");
        String sizes = header.get("tree_sizes");
        if (sizes == null) {
            // Without tree_sizes LightGBM reads the trees one after the other, each from its "Tree=" line.
            int tree = 0;
            while (p < b.length) {
                int end = lineEnd(b, p);
                if (end == p) {
                    p = nextLine(b, end);
                    continue;
                }
                if (!new String(b, p, end - p, StandardCharsets.UTF_8).startsWith("Tree=")) {
                    break;
                }
                p = checkTree(b, nextLine(b, end), b.length, tree++, maxFeature);
            }
            return;
        }
        long offset = p;
        String[] each = sizes.strip().split(" ");
        for (int tree = 0; tree < each.length; tree++) {
            long size;
            try {
                size = Long.parseLong(each[tree]);
            } catch (NumberFormatException e) {
                throw damaged("its tree_sizes line holds '" + abbreviated(each[tree]) + "', not a size");
            }
            if (size < 0 || offset + size > b.length) {
                throw damaged("tree " + tree + " ends after the end of the file, so the file is cut short");
            }
            int start = (int) offset;
            int end = lineEnd(b, start);
            if (!new String(b, start, end - start, StandardCharsets.UTF_8).startsWith("Tree=")) {
                throw damaged("tree " + tree + " does not start where tree_sizes says");
            }
            checkTree(b, nextLine(b, end), (int) (offset + size), tree, maxFeature);
            offset += size;
        }
    }

    /**
     * The key=value lines of one tree, up to the blank line that ends it, as LightGBM's Tree constructor reads them;
     * returns where the tree ends.
     */
    private static int checkTree(byte[] b, int from, int limit, int tree, int maxFeature) {
        Map<String, String> kv = new HashMap<>();
        int p = from;
        while (p < limit) {
            int end = lineEnd(b, p);
            if (end == p) {
                break;
            }
            String line = new String(b, p, Math.min(end, limit) - p, StandardCharsets.UTF_8);
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw damaged("tree " + tree + " has the line '" + abbreviated(line) + "', which is not key=value");
            }
            kv.put(line.substring(0, eq), line.substring(eq + 1));
            p = nextLine(b, end);
        }
        String where = "tree " + tree;
        int leaves = wholeNumber(required(kv, "num_leaves", where), where + " num_leaves");
        int categorical = wholeNumber(required(kv, "num_cat", where), where + " num_cat");
        if (leaves < 1 || categorical < 0) {
            throw damaged(where + " has " + leaves + " leaves and " + categorical + " categorical splits");
        }
        numbers(required(kv, "leaf_value", where), leaves, where + " leaf_value");
        for (String key : new String[] {"leaf_weight", "leaf_count"}) {
            if (kv.containsKey(key)) {
                numbers(kv.get(key), leaves, where + " " + key);
            }
        }
        if (leaves == 1) {
            return p;
        }
        int splits = leaves - 1;
        for (String key : new String[] {"left_child", "right_child"}) {
            for (double child : numbers(required(kv, key, where), splits, where + " " + key)) {
                // A child is a split (0 to splits - 1) or a leaf written as ~leaf (-1 to -leaves).
                if (child != Math.rint(child) || child < -leaves || child > splits - 1) {
                    throw damaged(where + " " + key + " points at " + child + ", outside the tree");
                }
            }
        }
        for (double f : numbers(required(kv, "split_feature", where), splits, where + " split_feature")) {
            if (f != Math.rint(f) || f < 0 || maxFeature >= 0 && f > maxFeature) {
                throw damaged(where + " splits on feature " + f + ", which the model does not have");
            }
        }
        numbers(required(kv, "threshold", where), splits, where + " threshold");
        for (String key : new String[] {"decision_type", "split_gain", "internal_value", "internal_weight",
                "internal_count"}) {
            if (kv.containsKey(key)) {
                numbers(kv.get(key), splits, where + " " + key);
            }
        }
        if (categorical > 0) {
            double[] bounds = numbers(required(kv, "cat_boundaries", where), categorical + 1, where + " cat_boundaries");
            double last = bounds[bounds.length - 1];
            if (last != Math.rint(last) || last < 0 || last > 1_000_000) {
                throw damaged(where + " has cat_boundaries ending at " + last);
            }
            numbers(required(kv, "cat_threshold", where), (int) last, where + " cat_threshold");
        }
        return p;
    }

    private static String required(Map<String, String> kv, String key, String where) {
        String v = kv.get(key);
        if (v == null) {
            throw damaged(where + " lacks its " + key + " line");
        }
        return v;
    }

    private static double[] numbers(String values, int expected, String what) {
        String s = values.strip();
        String[] parts = s.isEmpty() ? new String[0] : s.split(" ");
        if (parts.length != expected) {
            throw damaged(what + " has " + parts.length + " values where " + expected + " are expected");
        }
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!NUMBER.matcher(parts[i]).matches()) {
                throw damaged(what + " holds '" + abbreviated(parts[i]) + "', which is not a number");
            }
            out[i] = parts[i].matches("[-+]?(inf|Infinity)") ? (parts[i].startsWith("-") ? Double.NEGATIVE_INFINITY
                    : Double.POSITIVE_INFINITY) : parts[i].matches("[-+]?(nan|NaN)") ? Double.NaN
                    : Double.parseDouble(parts[i]);
        }
        return out;
    }

    private static int wholeNumber(String s, String what) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw damaged(what + " is '" + abbreviated(s) + "', not a whole number");
        }
    }

    private static int lineEnd(byte[] b, int from) {
        int i = from;
        while (i < b.length && b[i] != '\n' && b[i] != '\r') {
            i++;
        }
        return i;
    }

    private static int nextLine(byte[] b, int lineEnd) {
        int i = lineEnd;
        if (i < b.length && b[i] == '\r') {
            i++;
        }
        if (i < b.length && b[i] == '\n') {
            i++;
        }
        return i;
    }

    private static String abbreviated(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static IllegalStateException damaged(String why) {
        return new IllegalStateException("not a whole LightGBM model: " + why + ". Train the model again.");
    }
}
