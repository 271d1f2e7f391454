package dev.automl.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An MLTable file as parsed and checked: where the data is, how to read it and the transformations that follow.
 *
 * @param file  the MLTable file itself (absolute)
 * @param paths its {@code paths} entries
 * @param format how the files are stored: PARQUET after {@code read_parquet}, else DELIMITED
 * @param csv   the options of its {@code read_delimited} transformation (or the defaults); for Parquet, only
 *              {@code includePathColumn} applies
 * @param steps the transformations after the read, in order
 */
public record MLTableSpec(Path file, List<MLTablePath> paths, DataFormat format, CsvReadOptions csv,
                          List<TableStep> steps) {

    public static final String FILE_NAME = "MLTable";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final List<String> TOP_LEVEL_KEYS = List.of("$schema", "type", "paths", "transformations");
    private static final List<String> SUPPORTED =
            List.of("read_delimited", "read_parquet", "convert_column_types", "keep_columns", "drop_columns", "take",
                    "skip");
    private static final Set<String> NOT_YET = Set.of("read_json_lines", "read_delta_lake", "take_random_sample",
            "filter", "extract_columns_from_partition_format");
    private static final List<String> READ_DELIMITED_KEYS = List.of("delimiter", "header", "encoding",
            "empty_as_string", "infer_column_types", "support_multi_line", "include_path_column");

    public MLTableSpec {
        paths = List.copyOf(paths);
        steps = List.copyOf(steps);
    }

    /** Parses an MLTable file; every problem is an {@link InvalidInputException} naming the file and the key. */
    public static MLTableSpec parse(Path mltableFile) {
        Path file = mltableFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("MLTable file not found: " + file);
        }
        JsonNode root;
        try {
            root = YAML.readTree(Utf8File.read(file, file.toString(), "MLTable file"));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(YamlSyntaxProblem.of(e).message(file.toString()), e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read the file: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new InvalidInputException(file + " is empty; it needs at least a paths: list naming the data.");
        }
        if (!root.isObject()) {
            throw new InvalidInputException(file + ": expected keys such as paths: and transformations:, found "
                    + describe(root) + ".");
        }
        return new Parser(file).parse(root);
    }

    /** The data files of all {@code paths} entries, in reading order. */
    public List<Path> dataFiles() {
        List<Path> out = new ArrayList<>();
        for (MLTablePath p : paths) {
            out.addAll(p.resolve(file, format));
        }
        return out;
    }

    /** Reads the data and applies the transformations; {@code hints} fix column types as in {@link CsvReader}. */
    public Table read(Map<String, ColumnType> hints) {
        RowWindow window = RowWindow.of(steps);
        // The conversions decide how their columns are read; a caller's hint (a class label kept as text) wins.
        Map<String, ColumnType> readAs = new java.util.HashMap<>();
        for (TableStep step : steps) {
            if (step instanceof TableStep.ConvertColumnTypes convert) {
                convert.conversions().forEach(c -> c.columns().forEach(name -> readAs.put(name, c.readAs())));
            }
        }
        readAs.putAll(hints);
        Table table = format == DataFormat.PARQUET
                ? window(ParquetReader.read(dataFiles(), readAs, csv.includePathColumn()), window)
                : CsvReader.read(dataFiles(), csv, readAs, window);
        for (TableStep step : steps) {
            if (step instanceof TableStep.ConvertColumnTypes convert) {
                for (ColumnConversion c : convert.conversions()) {
                    requirePresent(table, c.columns(), "convert_column_types");
                    for (String name : c.columns()) {
                        table = hints.containsKey(name) ? table : table.with(convert(c, table.column(name)));
                    }
                }
            } else if (step instanceof TableStep.KeepColumns keep) {
                requirePresent(table, keep.names(), "keep_columns");
                table = table.keep(keep.names());
            } else if (step instanceof TableStep.DropColumns drop) {
                requirePresent(table, drop.names(), "drop_columns");
                table = table.drop(drop.names());
            }
        }
        return table;
    }

    private Column convert(ColumnConversion c, Column column) {
        Column converted;
        try {
            converted = c.apply(column);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": convert_column_types, " + e.getMessage(), e);
        }
        if (converted instanceof NumericColumn n) {
            for (int row = 0; row < n.size(); row++) {
                if (Double.isInfinite(n.get(row))) {
                    throw new InvalidInputException(file + ": convert_column_types, column '" + n.name() + "', row "
                            + (row + 1) + ": " + Quoted.of(column.text(row)) + " is beyond the range of numbers (about"
                            + " 1.8e308 either way).");
                }
            }
        }
        return converted;
    }

    /** The rows of a table that a take/skip window keeps (the CSV reader applies it while reading instead). */
    private static Table window(Table table, RowWindow w) {
        long from = Math.min(w.start(), table.rows());
        long to = Math.min(table.rows(), from + Math.min(w.count(), table.rows()));
        int[] rows = new int[(int) (to - from)];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (int) from + i;
        }
        return rows.length == table.rows() ? table : table.select(rows);
    }

    private void requirePresent(Table table, List<String> names, String step) {
        List<String> missing = names.stream().filter(n -> table.find(n).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(file + ": " + step + " names "
                    + (missing.size() == 1 ? "a column that is" : "columns that are") + " not in the data: "
                    + String.join(", ", missing) + ". Columns: " + String.join(", ", table.columnNames()) + ".");
        }
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            // A block scalar (a value after '|' or '>', or an indentation slip) spans lines; a message has one.
            String text = node.asText().strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
            return "'" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "'"
                    + (node.asText().strip().contains("\n") ? " (text over several lines)" : "");
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return node.isNull() ? "nothing" : node.toString();
    }

    /** The checks of one MLTable file, each failing with a message that starts with the file's path. */
    private static final class Parser {

        private final Path file;
        private final List<MLTablePath> paths = new ArrayList<>();
        private final List<TableStep> steps = new ArrayList<>();
        private CsvReadOptions csv = CsvReadOptions.DEFAULTS;
        private DataFormat format = DataFormat.DELIMITED;

        Parser(Path file) {
            this.file = file;
        }

        MLTableSpec parse(JsonNode root) {
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!TOP_LEVEL_KEYS.contains(key)) {
                    throw error("unknown key '" + key + "'. Valid keys: " + String.join(", ", TOP_LEVEL_KEYS) + ".");
                }
            }
            JsonNode type = root.get("type");
            if (type != null && !"mltable".equals(type.asText())) {
                throw error("type: must be mltable, found " + describe(type) + ".");
            }
            parsePaths(root.get("paths"));
            JsonNode transformations = root.get("transformations");
            if (transformations != null && !transformations.isNull()) {
                if (!transformations.isArray()) {
                    throw error("transformations: must be a list (each item starting with '- '), found "
                            + describe(transformations) + ".");
                }
                for (int i = 0; i < transformations.size(); i++) {
                    parseTransformation(i + 1, transformations.get(i));
                }
            }
            return new MLTableSpec(file, paths, format, csv, steps);
        }

        private void parsePaths(JsonNode node) {
            if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
                throw error("paths: is missing or empty; it must list the data, e.g. paths: [{file: ./train.csv}].");
            }
            if (!node.isArray()) {
                throw error("paths: must be a list (each item starting with '- '), found " + describe(node) + ".");
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode entry = node.get(i);
                String expected = "paths entry " + (i + 1) + " must be one of file:, folder: or pattern: with a path";
                if (!entry.isObject() || entry.size() != 1) {
                    throw error(expected + ", found " + describe(entry) + ".");
                }
                String key = entry.fieldNames().next();
                JsonNode value = entry.get(key);
                MLTablePath.Kind kind = switch (key) {
                    case "file" -> MLTablePath.Kind.FILE;
                    case "folder" -> MLTablePath.Kind.FOLDER;
                    case "pattern" -> MLTablePath.Kind.PATTERN;
                    default -> throw error(expected + ", found '" + key + "'.");
                };
                if (!value.isTextual() || value.asText().isBlank()) {
                    throw error(expected + "; " + key + ": has " + describe(value) + ".");
                }
                paths.add(new MLTablePath(kind, value.asText().strip()));
            }
        }

        private void parseTransformation(int position, JsonNode item) {
            String name;
            JsonNode args;
            if (item.isTextual()) {
                name = item.asText();
                args = null;
            } else if (item.isObject() && item.size() == 1) {
                name = item.fieldNames().next();
                args = item.get(name);
            } else if (item.isObject() && item.size() > 1) {
                throw error("transformation " + position + " has several keys (" + String.join(", ",
                        iterable(item.fieldNames())) + "); write each transformation as its own list item.");
            } else {
                throw error("transformation " + position + " must be a name with its arguments, e.g. take: 100;"
                        + " found " + describe(item) + ".");
            }
            String where = "transformation " + position + " (" + name + ")";
            if (name.startsWith("read_") && position != 1) {
                throw error(where + " must be the first transformation.");
            }
            switch (name) {
                case "read_delimited" -> csv = readDelimited(args, where);
                case "read_parquet" -> {
                    csv = CsvReadOptions.DEFAULTS.withIncludePathColumn(readParquet(args, where));
                    format = DataFormat.PARQUET;
                }
                case "convert_column_types" -> steps.add(new TableStep.ConvertColumnTypes(conversions(args, where)));
                case "keep_columns" -> steps.add(new TableStep.KeepColumns(columnNames(args, where, false)));
                case "drop_columns" -> steps.add(new TableStep.DropColumns(columnNames(args, where, true)));
                case "take" -> steps.add(new TableStep.Take(count(args, where)));
                case "skip" -> steps.add(new TableStep.Skip(count(args, where)));
                default -> throw error((NOT_YET.contains(name) ? "transformation '" + name + "' is not supported yet."
                        : "unknown transformation '" + name + "'.") + " Supported: " + String.join(", ", SUPPORTED)
                        + ".");
            }
        }

        private CsvReadOptions readDelimited(JsonNode args, String where) {
            CsvReadOptions o = CsvReadOptions.DEFAULTS;
            if (args == null || args.isNull()) {
                return o;
            }
            if (!args.isObject()) {
                throw error(where + " must hold options such as delimiter: and encoding:, found " + describe(args)
                        + ".");
            }
            for (Map.Entry<String, JsonNode> e : args.properties()) {
                String key = e.getKey();
                JsonNode v = e.getValue();
                String at = where + ", " + key;
                switch (key) {
                    case "delimiter" -> o = o.withDelimiter(delimiter(text(v, at), at));
                    case "header" -> o = o.withHeader(HeaderMode.forName(text(v, at)).orElseThrow(() -> error(at
                            + ": unknown value '" + v.asText() + "'. Valid values: " + HeaderMode.validNames() + ".")));
                    case "encoding" -> o = o.withEncoding(CsvEncoding.forName(text(v, at)).orElseThrow(() -> error(at
                            + ": unknown encoding '" + v.asText() + "'. Valid encodings: " + CsvEncoding.validNames()
                            + ".")));
                    case "empty_as_string" -> o = o.withEmptyAsString(bool(v, at));
                    case "infer_column_types" -> o = o.withInferColumnTypes(bool(v, at));
                    case "support_multi_line" -> bool(v, at); // quoted line breaks are always read as part of the field
                    case "include_path_column" -> o = o.withIncludePathColumn(bool(v, at));
                    default -> throw error(where + ": unknown option '" + key + "'. Valid options: "
                            + String.join(", ", READ_DELIMITED_KEYS) + ".");
                }
            }
            return o;
        }

        /** A list of {columns: ..., column_type: ...} entries, as Azure writes them. */
        private List<ColumnConversion> conversions(JsonNode args, String where) {
            if (args == null || !args.isArray() || args.isEmpty()) {
                throw error(where + " must be a list of entries with columns: and column_type:, found "
                        + (args == null ? "nothing" : describe(args)) + ".");
            }
            List<ColumnConversion> out = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                JsonNode entry = args.get(i);
                String at = where + ", entry " + (i + 1);
                if (!entry.isObject()) {
                    throw error(at + " must have columns: and column_type:, found " + describe(entry) + ".");
                }
                for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    if (!key.equals("columns") && !key.equals("column_type")) {
                        throw error(at + ": unknown key '" + key + "'. Valid keys: columns, column_type.");
                    }
                }
                List<String> columns = columnNames(entry.get("columns"), at + ", columns", false);
                out.add(conversion(columns, entry.get("column_type"), at + ", column_type"));
            }
            return out;
        }

        private ColumnConversion conversion(List<String> columns, JsonNode type, String at) {
            String valid = "Valid types: string, int, float, boolean, datetime (boolean and datetime may carry"
                    + " options, e.g. datetime: {formats: ['%Y-%m-%d']}).";
            if (type == null || type.isNull()) {
                throw error(at + " is missing. " + valid);
            }
            String name;
            JsonNode options = null;
            if (type.isTextual()) {
                name = type.asText();
            } else if (type.isObject() && type.size() == 1) {
                name = type.fieldNames().next();
                options = type.get(name);
            } else {
                throw error(at + ": expected a type, found " + describe(type) + ". " + valid);
            }
            ColumnConversion.Type t = switch (name) {
                case "string" -> ColumnConversion.Type.STRING;
                case "int" -> ColumnConversion.Type.INT;
                case "float" -> ColumnConversion.Type.FLOAT;
                case "boolean" -> ColumnConversion.Type.BOOLEAN;
                case "datetime" -> ColumnConversion.Type.DATETIME;
                default -> throw error(at + ": unknown type '" + name + "'. " + valid);
            };
            List<String> formats = List.of();
            java.util.Set<String> trueValues = ColumnConversion.DEFAULT_TRUE;
            java.util.Set<String> falseValues = ColumnConversion.DEFAULT_FALSE;
            String mismatchAs = "error";
            if (options != null && !options.isNull()) {
                List<String> keys = t == ColumnConversion.Type.DATETIME ? List.of("formats")
                        : t == ColumnConversion.Type.BOOLEAN ? List.of("true_values", "false_values", "mismatch_as")
                        : List.of();
                if (!options.isObject()) {
                    throw error(at + ", " + name + ": expected options, found " + describe(options) + ".");
                }
                for (Map.Entry<String, JsonNode> e : options.properties()) {
                    String o = at + ", " + name + ", " + e.getKey();
                    if (!keys.contains(e.getKey())) {
                        throw error(at + ", " + name + ": unknown option '" + e.getKey() + "'."
                                + (keys.isEmpty() ? " " + name + " takes no options." : " Valid options: "
                                + String.join(", ", keys) + "."));
                    }
                    switch (e.getKey()) {
                        case "formats" -> {
                            formats = columnNames(e.getValue(), o, false);
                            try {
                                formats.forEach(ColumnConversion::formatter);
                            } catch (InvalidInputException bad) {
                                throw error(o + ": " + bad.getMessage());
                            }
                        }
                        case "true_values" -> trueValues = java.util.Set.copyOf(columnNames(e.getValue(), o, false));
                        case "false_values" -> falseValues = java.util.Set.copyOf(columnNames(e.getValue(), o, false));
                        default -> {
                            mismatchAs = text(e.getValue(), o);
                            if (!List.of("error", "true", "false", "null").contains(mismatchAs)) {
                                throw error(o + ": unknown value '" + mismatchAs + "'. Valid values: error, true,"
                                        + " false, null.");
                            }
                        }
                    }
                }
            }
            return new ColumnConversion(columns, t, formats, trueValues, falseValues, mismatchAs);
        }

        /** Azure's read_parquet takes only include_path_column; returns its value. */
        private boolean readParquet(JsonNode args, String where) {
            boolean includePath = false;
            if (args == null || args.isNull()) {
                return false;
            }
            if (!args.isObject()) {
                throw error(where + " takes no value other than its options, found " + describe(args) + ".");
            }
            for (Map.Entry<String, JsonNode> e : args.properties()) {
                String at = where + ", " + e.getKey();
                if (!e.getKey().equals("include_path_column")) {
                    throw error(where + ": unknown option '" + e.getKey() + "'. Valid options: include_path_column.");
                }
                includePath = bool(e.getValue(), at);
            }
            return includePath;
        }

        private String delimiter(String d, String at) {
            // In a single-quoted YAML string '\t' is a backslash and a t; nobody means that as a delimiter.
            String real = d.equals("\\t") ? "\t" : d;
            if (real.isEmpty() || real.contains("\"") || real.contains("\n") || real.contains("\r")) {
                throw error(at + ": " + Quoted.of(d) + " cannot separate fields; it must be non-empty and contain"
                        + " no quote or line break.");
            }
            return real;
        }

        private List<String> columnNames(JsonNode args, String where, boolean emptyAllowed) {
            List<String> names = new ArrayList<>();
            if (args != null && args.isTextual()) {
                names.add(args.asText());
            } else if (args != null && args.isArray()) {
                for (JsonNode n : args) {
                    if (!n.isValueNode() || n.isNull()) {
                        throw error(where + ": expected column names, found " + describe(n) + ".");
                    }
                    names.add(n.asText());
                }
            } else {
                throw error(where + ": expected a column name or a list of column names, found "
                        + (args == null ? "nothing" : describe(args)) + ".");
            }
            if (names.isEmpty() && !emptyAllowed) {
                throw error(where + ": the list of columns is empty.");
            }
            return names;
        }

        private long count(JsonNode args, String where) {
            if (args == null || !args.isIntegralNumber() || !args.canConvertToLong() || args.asLong() < 0) {
                throw error(where + ": expected a whole number of rows (0 or more), found "
                        + (args == null ? "nothing" : describe(args)) + ".");
            }
            return args.asLong();
        }

        private String text(JsonNode v, String at) {
            if (v == null || !v.isValueNode() || v.isNull()) {
                throw error(at + ": expected a value, found " + (v == null ? "nothing" : describe(v)) + ".");
            }
            return v.asText();
        }

        private boolean bool(JsonNode v, String at) {
            if (v != null && v.isBoolean()) {
                return v.asBoolean();
            }
            if (v != null && v.isTextual() && (v.asText().equalsIgnoreCase("true")
                    || v.asText().equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(v.asText().strip());
            }
            throw error(at + ": expected true or false, found " + (v == null ? "nothing" : describe(v)) + ".");
        }

        private InvalidInputException error(String message) {
            return new InvalidInputException(file + ": " + message);
        }

        private static List<String> iterable(Iterator<String> it) {
            List<String> out = new ArrayList<>();
            it.forEachRemaining(out::add);
            return out;
        }
    }
}
