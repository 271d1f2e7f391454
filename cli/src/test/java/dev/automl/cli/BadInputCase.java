package dev.automl.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * One folder of {@code testdata/bad-inputs}: the files a user has, the command they type, and the exit code and
 * message they should get, as its {@code case.properties} says.
 *
 * @param id       the folder's name, e.g. {@code 057-csv-unterminated-quote}
 * @param input    what is wrong with the input, in a few words
 * @param command  the arguments after {@code java -jar automl.jar}, split at spaces
 * @param message  a line the user must see, with the case's folder cut from paths ({@code data.csv, line 3: ...});
 *                 a trailing "..." means the line goes on
 * @param prepare  steps that make the inputs too large or too binary to commit (see {@link #prepare})
 * @param pending  why the case cannot pass yet, or null; a pending case is skipped with this reason
 */
record BadInputCase(String id, Path folder, String input, String category, List<String> command, int exit,
                    String message, List<String> prepare, String pending) {

    static final String PROPERTIES = "case.properties";
    /** Files every case starts with, under its own files: the small training table most jobs name. */
    static final String SHARED = "_shared";
    /** How a prepare step names a file of the project's testdata folder rather than of the case. */
    private static final String TESTDATA = "${testdata}/";

    static Path root() {
        return JarRunner.testdata("bad-inputs");
    }

    /** Every case, in the order of its number. */
    static List<BadInputCase> all() {
        try (Stream<Path> s = Files.list(root())) {
            return s.filter(p -> Files.isRegularFile(p.resolve(PROPERTIES)))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .map(BadInputCase::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BadInputCase load(Path folder) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(folder.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String id = folder.getFileName().toString();
        List<String> prepare = new ArrayList<>();
        for (int i = 1; p.getProperty("prepare." + i) != null; i++) {
            prepare.add(p.getProperty("prepare." + i));
        }
        for (String key : List.of("input", "category", "command", "exit", "message")) {
            if (p.getProperty(key) == null || p.getProperty(key).isBlank()) {
                throw new IllegalStateException(id + "/" + PROPERTIES + " lacks " + key);
            }
        }
        String pending = p.getProperty("pending");
        return new BadInputCase(id, folder, p.getProperty("input"), p.getProperty("category"),
                Arrays.asList(p.getProperty("command").strip().split("\\s+")), Integer.parseInt(p.getProperty("exit").strip()),
                p.getProperty("message").strip(), List.copyOf(prepare), pending == null || pending.isBlank() ? null : pending.strip());
    }

    /**
     * Fills {@code work} with the shared files, the case's files and what its prepare steps make. {@code model} is a
     * model folder trained once for all cases, or null when no case asked for it yet.
     */
    void prepare(Path work, Path model) throws IOException {
        copyTree(root().resolve(SHARED), work);
        copyTree(folder, work);
        Files.delete(work.resolve(PROPERTIES));
        for (String step : prepare) {
            apply(step, work, model);
        }
    }

    /** The text the output must contain: the message, without the "..." that marks the start of a long one. */
    String expectedText() {
        return message.endsWith("...") ? message.substring(0, message.length() - 3).strip() : message;
    }

    boolean needsModel() {
        return prepare.stream().anyMatch(s -> s.startsWith("model "));
    }

    /**
     * One step: {@code model DIR} (a copy of the shared model), {@code copy SRC DEST} ({@code ${testdata}/...} for the
     * project's testdata), {@code gzip SRC DEST}, {@code move SRC DEST}, {@code truncate FILE BYTES}, {@code mkdir DIR},
     * {@code delete PATH}, {@code write FILE TEXT}, {@code append FILE TEXT} and {@code replace FILE OLD => NEW}. TEXT
     * takes {@code \n} for a line break and {@code {N*c}} for N copies of c.
     */
    private static void apply(String step, Path work, Path model) throws IOException {
        String[] w = step.split(" ", 3);
        String verb = w[0];
        Path target = w[1].startsWith(TESTDATA) ? JarRunner.testdata(w[1].substring(TESTDATA.length()))
                : work.resolve(w[1]);
        String rest = w.length > 2 ? w[2] : "";
        switch (verb) {
            case "model" -> copyTree(model, target);
            case "copy" -> Files.copy(target, work.resolve(rest), StandardCopyOption.REPLACE_EXISTING);
            case "gzip" -> {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(work.resolve(rest)))) {
                    Files.copy(target, out);
                }
            }
            case "move" -> Files.move(target, work.resolve(rest), StandardCopyOption.REPLACE_EXISTING);
            case "truncate" -> {
                try (FileChannel c = FileChannel.open(target, StandardOpenOption.WRITE)) {
                    c.truncate(Long.parseLong(rest.strip()));
                }
            }
            case "mkdir" -> Files.createDirectories(target);
            case "delete" -> deleteTree(target);
            case "write" -> Files.writeString(target, text(rest));
            case "append" -> Files.writeString(target, text(rest), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            case "replace" -> {
                String[] parts = rest.split(" => ", 2);
                String before = Files.readString(target);
                if (!before.contains(parts[0])) {
                    throw new IllegalStateException(step + ": '" + parts[0] + "' is not in " + w[1]);
                }
                Files.writeString(target, before.replace(parts[0], parts[1]));
            }
            default -> throw new IllegalStateException("unknown prepare step: " + step);
        }
    }

    private static final Pattern REPEAT = Pattern.compile("\\{(\\d+)\\*(.)}");

    static String text(String s) {
        String t = s.replace("\\n", "\n");
        Matcher m = REPEAT.matcher(t);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
