package dev.automl.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One entry of an MLTable's {@code paths} list: a file, a folder or a glob pattern, relative to the MLTable's folder
 * unless absolute; only local paths are supported.
 */
public record MLTablePath(Kind kind, String location) {

    /** The key the entry is written with. */
    public enum Kind {
        FILE, FOLDER, PATTERN;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");

    /**
     * The data files this entry names, in reading order; a folder gives its files of the {@code format} the MLTable
     * reads. {@code mltable} is the MLTable file, for messages.
     */
    public List<Path> resolve(Path mltable, DataFormat format) {
        Path base = mltable.toAbsolutePath().normalize().getParent();
        String local = localPart(mltable);
        return switch (kind) {
            case FILE -> {
                Path file = base.resolve(local).normalize();
                if (!Files.isRegularFile(file)) {
                    throw new InvalidInputException(mltable + ": the paths entry '" + this + "' names " + file
                            + ", which " + (Files.isDirectory(file) ? "is a folder; write folder: instead of file:."
                            : "does not exist."));
                }
                yield List.of(file);
            }
            case FOLDER -> {
                Path folder = base.resolve(local).normalize();
                if (!Files.isDirectory(folder)) {
                    throw new InvalidInputException(mltable + ": the paths entry '" + this + "' names " + folder
                            + ", which " + (Files.exists(folder) ? "is a file; write file: instead of folder:."
                            : "does not exist."));
                }
                List<Path> files = DataFiles.in(folder, true, format);
                if (files.isEmpty()) {
                    throw new InvalidInputException(mltable + ": the folder " + folder + " of the paths entry '"
                            + this + "' holds no data files (" + format.extensions() + ").");
                }
                yield files;
            }
            case PATTERN -> matches(mltable, base, local);
        };
    }

    @Override
    public String toString() {
        return kind.key() + ": " + location;
    }

    private String localPart(Path mltable) {
        Matcher m = SCHEME.matcher(location);
        if (!m.find()) {
            return location;
        }
        if (m.group(1).equalsIgnoreCase("file")) {
            return location.substring(m.end());
        }
        throw new InvalidInputException(mltable + ": the paths entry '" + this + "' is a remote " + m.group(1)
                + ":// path; only local paths are supported. Download the data and point the MLTable at the local"
                + " files (a path relative to the MLTable's folder, or an absolute path).");
    }

    /**
     * The files a glob matches. The glob is split into the folders before its first wildcard, which are walked, and
     * the rest, which is matched against paths relative to them, so "../data/*.csv" works as well as "**.csv".
     */
    private List<Path> matches(Path mltable, Path base, String glob) {
        String[] parts = glob.split("/", -1);
        int fixed = 0;
        while (fixed < parts.length - 1 && !hasWildcard(parts[fixed])) {
            fixed++;
        }
        String prefix = String.join("/", List.of(parts).subList(0, fixed));
        if (prefix.isEmpty() && glob.startsWith("/")) {
            prefix = "/";
        }
        String rest = String.join("/", List.of(parts).subList(fixed, parts.length));
        Path root = base.resolve(prefix).normalize();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(Files::isRegularFile)
                        .filter(p -> matcher.matches(root.relativize(p)))
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .filter(p -> !p.equals(mltable.toAbsolutePath().normalize()))
                        .sorted().forEach(out::add);
            } catch (IOException | UncheckedIOException e) {
                throw new InvalidInputException(mltable + ": cannot list the files under " + root + " for the paths"
                        + " entry '" + this + "': " + DataFiles.whyUnlisted(e) + ".", e);
            }
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(mltable + ": the paths entry '" + this + "' matches no files under "
                    + root + ".");
        }
        return out;
    }

    private static boolean hasWildcard(String part) {
        return part.indexOf('*') >= 0 || part.indexOf('?') >= 0 || part.indexOf('[') >= 0 || part.indexOf('{') >= 0;
    }
}
