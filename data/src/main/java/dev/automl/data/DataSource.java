package dev.automl.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The engine's one way to read data: an MLTable folder, an MLTable file, a delimited text file or a Parquet file
 * into a {@link Table}, and further data (validation, test, predict) conformed to the training data's column types.
 */
public final class DataSource {

    private DataSource() {
    }

    /** Reads data with every column's type inferred. */
    public static Table read(Path fileOrFolder) {
        return read(fileOrFolder, Map.of());
    }

    /**
     * Reads data; {@code hints} fix the type of the columns they name (a CATEGORICAL hint keeps the exact text,
     * e.g. for a class label "1"), other columns are inferred, and names not in the data are ignored.
     *
     * <p>A folder is read through its MLTable file, or, without one, as its only data file; a file is read as an
     * MLTable file if it is named MLTable, else by its extension: {@code .parquet} as Parquet, others as delimited
     * text ({@code .tsv} is tab-separated).
     */
    public static Table read(Path fileOrFolder, Map<String, ColumnType> hints) {
        Path path = fileOrFolder.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new InvalidInputException("File or folder not found: " + path);
        }
        if (Files.isDirectory(path)) {
            return readFolder(path, hints);
        }
        if (path.getFileName().toString().equals(MLTableSpec.FILE_NAME)) {
            return MLTableSpec.parse(path).read(hints);
        }
        if (DataFormat.PARQUET.matches(path) || DataFormat.DELIMITED.matches(path)) {
            return readFile(path, hints);
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".json")) {
            throw new InvalidInputException(path + ": reading " + name.substring(name.lastIndexOf('.'))
                    + " files is not supported yet; convert the data to CSV or Parquet.");
        }
        throw new InvalidInputException(path + " is neither an MLTable folder nor a data file ("
                + DataFormat.DELIMITED.extensions() + "; " + DataFormat.PARQUET.extensions() + ").");
    }

    /**
     * Reads further data so that it matches the training data: each column that {@code schemaOf} has keeps its
     * type there (a bad value in a numeric column is an error naming its line), other columns are inferred.
     * Category codes of the two tables are independent; match categories by their text.
     */
    public static Table readLike(Path fileOrFolder, Table schemaOf) {
        return read(fileOrFolder, typesOf(schemaOf));
    }

    /** As {@link #readLike(Path, Table)}, with the column types given by name. */
    public static Table readLike(Path fileOrFolder, Map<String, ColumnType> schema) {
        return read(fileOrFolder, schema);
    }

    /** The type of each column of a table, by name, in column order. */
    public static Map<String, ColumnType> typesOf(Table table) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (Column c : table.columns()) {
            types.put(c.name(), c.type());
        }
        return types;
    }

    private static Table readFolder(Path folder, Map<String, ColumnType> hints) {
        Path mltable = folder.resolve(MLTableSpec.FILE_NAME);
        if (Files.isRegularFile(mltable)) {
            return MLTableSpec.parse(mltable).read(hints);
        }
        List<Path> files = new java.util.ArrayList<>(DataFiles.in(folder, false, DataFormat.DELIMITED));
        files.addAll(DataFiles.in(folder, false, DataFormat.PARQUET));
        if (files.size() == 1) {
            return readFile(files.get(0), hints);
        }
        if (files.isEmpty()) {
            throw new InvalidInputException(folder + " has no MLTable file and no data files ("
                    + DataFormat.DELIMITED.extensions() + "; " + DataFormat.PARQUET.extensions() + ").");
        }
        throw new InvalidInputException(folder + " has no MLTable file and " + files.size() + " data files ("
                + files.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "))
                + "). Add an MLTable file that says which to read, e.g. \"paths: [{pattern: ./*.csv}]\".");
    }

    private static Table readFile(Path file, Map<String, ColumnType> hints) {
        return DataFormat.PARQUET.matches(file) ? ParquetReader.read(List.of(file), hints)
                : CsvReader.read(file, defaultsFor(file), hints);
    }

    private static CsvReadOptions defaultsFor(Path file) {
        return DataFiles.isTabSeparated(file) ? CsvReadOptions.DEFAULTS.withDelimiter("\t") : CsvReadOptions.DEFAULTS;
    }
}
