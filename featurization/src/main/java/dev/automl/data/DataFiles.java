package dev.automl.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Which files count as delimited data: by name, .csv, .tsv or .txt, optionally gzip-compressed (.gz). */
final class DataFiles {

    static final String EXTENSIONS = ".csv, .tsv, .txt, optionally followed by .gz";

    private DataFiles() {
    }

    static boolean isDataFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) {
            return false;
        }
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        return name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt");
    }

    static boolean isTabSeparated(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tsv") || name.endsWith(".tsv.gz");
    }

    /** The data files directly in a folder, or anywhere below it, sorted by their path. */
    static List<Path> in(Path folder, boolean recursive) {
        try (Stream<Path> s = recursive ? Files.walk(folder) : Files.list(folder)) {
            return s.filter(Files::isRegularFile).filter(DataFiles::isDataFile)
                    .filter(p -> !isUnderHiddenFolder(folder.relativize(p)))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("Cannot list the files in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static boolean isUnderHiddenFolder(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
