package dev.automl.data;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the first row of each delimited file is treated, with the names of MLTable's {@code header} option. */
public enum HeaderMode {
    /** Every file starts with the same header row. */
    ALL_FILES_SAME_HEADERS("all_files_same_headers"),
    /** Only the first file has a header row; the first row of every other file is data. */
    FROM_FIRST_FILE("from_first_file"),
    /** Every file has its own header row; the columns of all files are combined, missing where a file lacks one. */
    ALL_FILES_DIFFERENT_HEADERS("all_files_different_headers"),
    /** No file has a header row; columns are named Column1, Column2, ... as Azure names them. */
    NO_HEADER("no_header");

    private final String azureName;

    HeaderMode(String azureName) {
        this.azureName = azureName;
    }

    public String azureName() {
        return azureName;
    }

    public static Optional<HeaderMode> forName(String name) {
        for (HeaderMode m : values()) {
            if (m.azureName.equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The valid names, for error messages. */
    public static String validNames() {
        return Arrays.stream(values()).map(HeaderMode::azureName).collect(Collectors.joining(", "));
    }
}
