package dev.automl.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar automl.jar ...} in a folder, as a user would, and captures what it printed. */
final class JarRunner {

    /** What a finished command left: exit code, output, and how long it took. */
    record Result(int exitCode, String stdout, String stderr, double seconds) {
        @Override
        public String toString() {
            return "exit " + exitCode + " after " + seconds + " s\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("testdata"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no testdata folder above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    static Path testdata(String relative) {
        return repoRoot().resolve("testdata").resolve(relative);
    }

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        return runUnder(workDir, List.of(), args);
    }

    /**
     * As {@link #run}, with the java command handed to {@code wrapper} (a shell that sets a limit first, say) as
     * its arguments.
     */
    static Result runUnder(Path workDir, List<String> wrapper, String... args) throws IOException, InterruptedException {
        Path jar = repoRoot().resolve("automl.jar");
        assertTrue(Files.exists(jar), "build the jar first: " + jar);
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("automl-out", ".txt");
        Path err = Files.createTempFile("automl-err", ".txt");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("automl " + String.join(" ", args) + " did not end within 10 minutes");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), seconds);
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
