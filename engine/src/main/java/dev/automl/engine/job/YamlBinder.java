package dev.automl.engine.job;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.automl.data.InvalidInputException;
import dev.automl.data.Utf8File;
import dev.automl.data.YamlSyntaxProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a YAML file to a record type key by key, so that an unknown key or a value of the wrong type becomes an
 * error naming the file, the line and column, and the nearest valid key.
 */
public final class YamlBinder {

    private static final Pattern COERCED_VALUE = Pattern.compile("value \\((.*?)\\) out of range");
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private YamlBinder() {
    }

    /** A bound document, with where each of its keys is written for later checks of values. */
    public record Bound<T>(T value, String fileName, YamlKeyLocations locations) {

        /** An error about the value under a dotted key, citing where the key is written. */
        public InvalidInputException error(String key, String message) {
            String loc = locations.describe(key);
            return new InvalidInputException(fileName + (loc == null ? "" : ", " + loc) + ": " + message);
        }
    }

    /**
     * @param what        what the file is, for messages ("job file", "benchmark suite")
     * @param needs       what an empty file lacks, for the message about one
     * @param knownButNot the message for a key this engine knows but does not support yet, or null for an
     *                    unknown key
     */
    public static <T> Bound<T> bind(Path file, Class<T> type, String what, String needs, Function<String, String> knownButNot) {
        String fileName = file.getFileName().toString();
        String text = read(file, what, fileName);
        if (text.isBlank()) {
            throw new InvalidInputException(fileName + " is empty; " + needs + ".");
        }
        YamlKeyLocations locations;
        JsonNode root;
        try {
            locations = YamlKeyLocations.of(text);
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(YamlSyntaxProblem.of(e).message(fileName));
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the " + what + " " + file + ": " + e.getMessage());
        }
        if (root != null && !root.isObject() && !root.isNull() && !root.isMissingNode()) {
            throw new InvalidInputException(fileName + ", line 1, column 1: the " + what + " must be a block of keys"
                    + " (key: value lines), but it is " + (root.isArray() ? "a list" : "the single value '"
                    + abbreviated(root.asText()) + "'") + "; " + needs + ".");
        }
        T value;
        try {
            value = MAPPER.readValue(text, type);
        } catch (UnrecognizedPropertyException e) {
            throw unknownKey(fileName, e, locations, knownButNot);
        } catch (JsonMappingException e) {
            throw badValue(fileName, e);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(YamlSyntaxProblem.of(e).message(fileName));
        } catch (IOException e) {
            throw new InvalidInputException(fileName + ": " + e.getMessage());
        }
        if (value == null) {
            throw new InvalidInputException(fileName + " is empty; " + needs + ".");
        }
        return new Bound<>(value, fileName, locations);
    }

    /** The file's text; a folder, a missing file or bytes that are not UTF-8 are errors that say so. */
    private static String read(Path file, String what, String fileName) {
        Path shown = file.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("The " + what + " " + shown + " is a folder; name the YAML file itself.");
        }
        try {
            return Utf8File.read(file, fileName, what);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(capitalised(what) + " not found: " + shown);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the " + what + " " + shown + ": " + e.getMessage());
        }
    }

    private static String abbreviated(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String at(JsonLocation l) {
        return l == null ? "" : ", line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    private static String pathOf(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                parts.add(r.getFieldName());
            }
        }
        return String.join(".", parts);
    }

    private static InvalidInputException unknownKey(String fileName, UnrecognizedPropertyException e,
                                                    YamlKeyLocations locations, Function<String, String> knownButNot) {
        String key = pathOf(e);
        // Jackson reports where it stopped reading (after the value); the key's own position is what a user needs.
        String keyAt = locations.describe(key);
        String where = keyAt != null ? fileName + ", " + keyAt : fileName + at(e.getLocation());
        String notYet = knownButNot.apply(key);
        if (notYet != null) {
            return new InvalidInputException(where + ": " + notYet);
        }
        Collection<String> known = new TreeSet<>();
        for (Object o : e.getKnownPropertyIds()) {
            known.add(o.toString());
        }
        String nearest = NearestName.of(e.getPropertyName(), known);
        return new InvalidInputException(where + ": unknown key '" + key + "'."
                + (nearest == null ? "" : " Did you mean '" + nearest + "'?")
                + " Valid keys here: " + String.join(", ", known) + ".");
    }

    private static InvalidInputException badValue(String fileName, JsonMappingException e) {
        String key = pathOf(e);
        String where = fileName + at(e.getLocation());
        if (e instanceof InvalidFormatException f) {
            return new InvalidInputException(where + ": '" + key + "' must be " + describe(f.getTargetType())
                    + ", not '" + f.getValue() + "'.");
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new InvalidInputException(where + ": '" + key + "' must be " + describe(m.getTargetType()) + ".");
        }
        if (e.getCause() instanceof InputCoercionException c) {
            // A whole number beyond the key's range, such as max_trials: 99999999999.
            return new InvalidInputException(where + ": '" + key + "' must be " + describe(c.getTargetType())
                    + " from " + rangeOf(c.getTargetType()) + ", not " + abbreviated(String.valueOf(tokenText(c))) + ".");
        }
        return new InvalidInputException(where + ": '" + key + "': " + e.getOriginalMessage());
    }

    /** The number as written, which Jackson puts in its message: "Numeric value (99999999999) out of range ...". */
    private static String tokenText(InputCoercionException c) {
        Matcher m = COERCED_VALUE.matcher(String.valueOf(c.getOriginalMessage()));
        return m.find() ? m.group(1) : "that";
    }

    private static String rangeOf(Class<?> type) {
        return type == Long.class || type == long.class ? Long.MIN_VALUE + " to " + Long.MAX_VALUE
                : Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a block of keys";
    }
}
