package dev.automl.engine.job;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.automl.data.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Binds a YAML file to a record type key by key, so that an unknown key or a value of the wrong type becomes an
 * error naming the file, the line and column, and the nearest valid key.
 */
public final class YamlBinder {

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
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
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(capitalised(what) + " not found: " + file.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the " + what + " " + file.toAbsolutePath().normalize() + ": " + e.getMessage());
        }
        String fileName = file.getFileName().toString();
        if (text.isBlank()) {
            throw new InvalidInputException(fileName + " is empty; " + needs + ".");
        }
        YamlKeyLocations locations;
        try {
            locations = YamlKeyLocations.of(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(fileName + at(e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the " + what + " " + file + ": " + e.getMessage());
        }
        T value;
        try {
            value = MAPPER.readValue(text, type);
        } catch (UnrecognizedPropertyException e) {
            throw unknownKey(fileName, e, locations, knownButNot);
        } catch (JsonMappingException e) {
            throw badValue(fileName, e);
        } catch (IOException e) {
            throw new InvalidInputException(fileName + ": " + e.getMessage());
        }
        if (value == null) {
            throw new InvalidInputException(fileName + " is empty; " + needs + ".");
        }
        return new Bound<>(value, fileName, locations);
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
        return new InvalidInputException(where + ": '" + key + "': " + e.getOriginalMessage());
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
