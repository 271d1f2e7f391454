package dev.automl.data;

import java.nio.file.Path;
import java.util.Locale;

/** How a data file is stored: delimited text or Parquet, told apart by the file's name or the MLTable's read step. */
public enum DataFormat {
    DELIMITED(".csv, .tsv, .txt, optionally followed by .gz"),
    PARQUET(".parquet");

    private final String extensions;

    DataFormat(String extensions) {
        this.extensions = extensions;
    }

    /** The file name endings of this format, for messages. */
    public String extensions() {
        return extensions;
    }

    /** Whether a file's name marks it as data of this format (hidden files never are). */
    public boolean matches(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) {
            return false;
        }
        if (this == PARQUET) {
            return name.endsWith(".parquet");
        }
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        return name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt");
    }
}
