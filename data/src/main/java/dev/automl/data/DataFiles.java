package dev.automl.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finding data files in folders, and telling tab-separated files by name. */
final class DataFiles {

    private DataFiles() {
    }

    static boolean isTabSeparated(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tsv") || name.endsWith(".tsv.gz");
    }

    /** The data files of a format directly in a folder, or anywhere below it, sorted by their path. */
    static List<Path> in(Path folder, boolean recursive, DataFormat format) {
        try (Stream<Path> s = recursive ? Files.walk(folder) : Files.list(folder)) {
            return s.filter(Files::isRegularFile).filter(format::matches)
                    .filter(p -> !isUnderHiddenFolder(folder.relativize(p)))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("Cannot list the files in " + folder + ": " + whyUnlisted(e) + ".", e);
        }
    }

    /** Why a folder could not be listed, in words: the exceptions' own messages are bare paths or class names. */
    static String whyUnlisted(Exception e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (t instanceof AccessDeniedException a) {
            return "no permission to read " + a.getFile();
        }
        if (t instanceof NoSuchFileException n) {
            return n.getFile() + " disappeared while the folder was read";
        }
        if (t instanceof FileSystemLoopException l) {
            return "a symbolic link at " + l.getFile() + " leads back into the folder";
        }
        return String.valueOf(t.getMessage());
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
