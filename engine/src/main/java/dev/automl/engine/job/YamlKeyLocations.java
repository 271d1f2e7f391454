package dev.automl.engine.job;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each key of a YAML document is written, by dotted path (list items add no segment), so that errors
 * about values can cite a line and column.
 */
public final class YamlKeyLocations {

    private final Map<String, JsonLocation> byPath;

    private YamlKeyLocations(Map<String, JsonLocation> byPath) {
        this.byPath = byPath;
    }

    static YamlKeyLocations of(String yaml) throws IOException {
        Map<String, JsonLocation> found = new HashMap<>();
        Deque<String> open = new ArrayDeque<>();
        String pendingKey = null;
        try (JsonParser p = new YAMLFactory().createParser(yaml).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    pendingKey = p.currentName();
                    found.putIfAbsent(join(open, pendingKey), p.currentTokenLocation());
                } else if (t.isStructStart()) {
                    open.push(pendingKey == null ? "" : pendingKey);
                    pendingKey = null;
                } else if (t.isStructEnd()) {
                    open.pop();
                } else {
                    pendingKey = null;
                }
            }
        }
        return new YamlKeyLocations(found);
    }

    private static String join(Deque<String> open, String key) {
        List<String> parts = new ArrayList<>();
        open.descendingIterator().forEachRemaining(s -> {
            if (!s.isEmpty()) {
                parts.add(s);
            }
        });
        parts.add(key);
        return String.join(".", parts);
    }

    /** "line L, column C" of the key, or null when the key is not written in the file. */
    public String describe(String dottedPath) {
        JsonLocation l = byPath.get(dottedPath);
        return l == null ? null : "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }
}
