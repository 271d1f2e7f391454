package dev.automl.data;

import java.util.Objects;

/**
 * How to read delimited text files, mirroring the options of MLTable's {@code read_delimited}.
 *
 * @param delimiter         the field separator; may be longer than one character
 * @param header            how header rows are found in the files
 * @param encoding          the text encoding of the files
 * @param emptyAsString     true: an empty field is the category value "" (numeric and date columns still read it
 *                          as missing, as Azure does); false: an empty field is missing
 * @param inferColumnTypes  false: every column without a type hint is read as categorical text
 * @param includePathColumn true: a last column {@value #PATH_COLUMN} holds the file each row came from
 */
public record CsvReadOptions(String delimiter, HeaderMode header, CsvEncoding encoding, boolean emptyAsString,
                             boolean inferColumnTypes, boolean includePathColumn) {

    /** Azure's name for the column {@code include_path_column} adds. */
    public static final String PATH_COLUMN = "Path";

    /** Azure's defaults: comma, a header in every file, UTF-8, empty fields missing, types inferred. */
    public static final CsvReadOptions DEFAULTS =
            new CsvReadOptions(",", HeaderMode.ALL_FILES_SAME_HEADERS, CsvEncoding.UTF8, false, true, false);

    public CsvReadOptions {
        Objects.requireNonNull(delimiter, "delimiter");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(encoding, "encoding");
        if (delimiter.isEmpty() || delimiter.contains("\"") || delimiter.contains("\n") || delimiter.contains("\r")) {
            throw new InvalidInputException("The delimiter " + Quoted.of(delimiter)
                    + " cannot separate fields: it must be non-empty and contain no quote or line break.");
        }
    }

    public CsvReadOptions withDelimiter(String d) {
        return new CsvReadOptions(d, header, encoding, emptyAsString, inferColumnTypes, includePathColumn);
    }

    public CsvReadOptions withHeader(HeaderMode h) {
        return new CsvReadOptions(delimiter, h, encoding, emptyAsString, inferColumnTypes, includePathColumn);
    }

    public CsvReadOptions withEncoding(CsvEncoding e) {
        return new CsvReadOptions(delimiter, header, e, emptyAsString, inferColumnTypes, includePathColumn);
    }

    public CsvReadOptions withEmptyAsString(boolean b) {
        return new CsvReadOptions(delimiter, header, encoding, b, inferColumnTypes, includePathColumn);
    }

    public CsvReadOptions withInferColumnTypes(boolean b) {
        return new CsvReadOptions(delimiter, header, encoding, emptyAsString, b, includePathColumn);
    }

    public CsvReadOptions withIncludePathColumn(boolean b) {
        return new CsvReadOptions(delimiter, header, encoding, emptyAsString, inferColumnTypes, b);
    }
}
