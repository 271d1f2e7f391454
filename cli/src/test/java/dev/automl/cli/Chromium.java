package dev.automl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a page in headless Chromium (the distribution's package, /usr/bin/chromium) and reports what it did: the
 * DOM after its scripts ran and what Chromium logged. Chromium exits 0 whatever the page does, and logs every
 * console message and uncaught error as a line with ":CONSOLE", which is how a test sees them.
 */
final class Chromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");

    /** The page's DOM after its scripts, and Chromium's log. */
    record Page(String dom, String log) {

        /** A data-* attribute of the body, or null. */
        String bodyData(String name) {
            Matcher m = Pattern.compile("<body[^>]*\\sdata-" + name + "=\"([^\"]*)\"").matcher(dom);
            return m.find() ? m.group(1) : null;
        }

        List<String> consoleLines() {
            return log.lines().filter(l -> l.contains(":CONSOLE")).toList();
        }
    }

    private Chromium() {
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    static Page open(Path html, Path profile) throws IOException, InterruptedException {
        Path out = Files.createTempFile("chromium-dom", ".html");
        Path err = Files.createTempFile("chromium-log", ".txt");
        try {
            List<String> cmd = new ArrayList<>(flags(profile));
            cmd.addAll(List.of("--enable-logging=stderr", "--v=0", "--dump-dom", html.toUri().toString()));
            run(cmd, out, err);
            return new Page(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A PNG of the page at the given window size. */
    static void screenshot(Path html, Path png, Path profile, int width, int height)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(flags(profile));
        cmd.addAll(List.of("--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(),
                "--window-size=" + width + "," + height, html.toUri().toString()));
        Path log = Files.createTempFile("chromium-log", ".txt");
        try {
            run(cmd, log, log);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static List<String> flags(Path profile) {
        // No network, no first-run work, a throwaway profile: the page must render from itself alone.
        return List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile.toAbsolutePath(), "--virtual-time-budget=5000");
    }

    private static void run(List<String> cmd, Path out, Path err) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not end within 2 minutes: " + String.join(" ", cmd));
        }
    }
}
