package dev.automl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL at seeded random moments (reading, search, ensembles, refit, saving) and resumed with
 * {@code --resume}: each resumed run completes, keeps every trial the killed one finished without training it again,
 * and ends with the leaderboard of an unbroken run with the same seed.
 */
class ResumeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The bar: twenty kills. */
    static final int KILLS = 20;

    @TempDir
    Path work;

    /** Blood transfusion with LightGBM and logistic regression, unexplained: a job of a few seconds. */
    static Path bloodJob(Path work, String limits) throws IOException {
        Path job = work.resolve("blood.yml");
        Files.writeString(job, "type: automl\ntask: classification\ntarget_column_name: donated\n"
                + "training_data:\n  path: " + JarRunner.testdata("blood_transfusion/blood_transfusion.csv") + "\n"
                + "  type: uri_file\n"
                + "training:\n  allowed_training_algorithms: [LightGBM, LogisticRegression]\n"
                + "  enable_model_explainability: false\n"
                + "limits:\n" + limits);
        return job;
    }

    @Test
    void aRunKilledAtAnyMomentResumesToTheLeaderboardOfAnUnbrokenRun() throws Exception {
        Path job = bloodJob(work, "  max_trials: 6\n  timeout_minutes: 5\n");
        JarRunner.Result unbroken = JarRunner.run(work, "run", job.toString(), "--output", "unbroken", "--seed", "7");
        assertEquals(0, unbroken.exitCode(), unbroken.toString());
        List<Map<String, String>> expected = leaderboard(work.resolve("unbroken"));

        // Each kill comes at a seeded random line of what the unbroken run printed (reading, each trial, the
        // ensembles, the refit, saving, the report), a seeded random 0-300 ms after the line appears: moments spread
        // over every stage however fast the machine is.
        List<String> printed = unbroken.stdout().lines().filter(l -> l.startsWith("[")).toList();
        Random random = new Random(19);
        // Two kills at a time, each in its own folder: the path does not depend on the clock, so the load does not
        // change what the runs find, and the test takes half as long.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> kills = new ArrayList<>();
        for (int k = 0; k < KILLS; k++) {
            String marker = opening(printed.get(random.nextInt(printed.size())));
            long delayMillis = random.nextInt(300);
            Path out = work.resolve("killed-" + k);
            String name = "kill " + k + " " + delayMillis + " ms after '" + marker + "'";
            kills.add(pool.submit(() -> killAndResume(job, out, marker, delayMillis, name, expected)));
        }
        pool.shutdown();
        List<String> moments = new ArrayList<>();
        for (Future<String> f : kills) {
            try {
                moments.add(f.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof AssertionError a ? a : new AssertionError(e.getCause());
            }
        }
        System.out.println("ResumeIT: " + String.join("; ", moments));
    }

    private static String killAndResume(Path job, Path out, String marker, long delayMillis, String name,
                                        List<Map<String, String>> expected) throws Exception {
        boolean ended = killAfter(job, out, marker, delayMillis);
        List<JsonNode> finished = trials(out);
        JarRunner.Result resumed = JarRunner.run(out.getParent(), "run", job.toString(), "--output",
                out.getFileName().toString(), "--seed", "7", "--resume");
        String at = name + " (" + (ended ? "the run had ended" : finished.size() + " trials finished") + ")";
        assertEquals(0, resumed.exitCode(), at + "\n" + resumed);
        List<JsonNode> after = trials(out);
        for (JsonNode t : finished) {
            if (t.path("origin").asText().equals("ensemble")) {
                continue; // ensembles are built again from the same trials
            }
            JsonNode same = after.stream().filter(a -> a.path("trial_id").equals(t.path("trial_id")))
                    .findFirst().orElseThrow(() -> new AssertionError(at + ": trial " + t.path("trial_id") + " was lost"));
            assertEquals(t.path("metrics"), same.path("metrics"), at);
            assertEquals(t.path("fit_seconds"), same.path("fit_seconds"), at + ": trial " + t.path("trial_id")
                    + " was trained again");
        }
        long searchTrials = finished.stream().filter(t -> !t.path("origin").asText().equals("ensemble")).count();
        if (searchTrials > 0) {
            assertTrue(resumed.stdout().contains(searchTrials + " finished trials are replayed"), at + "\n" + resumed);
        }
        assertEquals(expected, leaderboard(out), at);
        return at;
    }

    /**
     * Starts the run and kills it with SIGKILL {@code delayMillis} after it prints a line opening with {@code marker};
     * whether it had ended by then.
     */
    private static boolean killAfter(Path job, Path out, String marker, long delayMillis)
            throws IOException, InterruptedException {
        Path jar = JarRunner.repoRoot().resolve("automl.jar");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "run", job.toString(), "--output", out.toString(), "--seed", "7")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = stdout.readLine()) != null && !opening(line).equals(marker)) {
                // Wait for the marker; the lines before it are of no interest.
            }
            if (line == null || p.waitFor(delayMillis, TimeUnit.MILLISECONDS)) {
                p.waitFor();
                return true;
            }
            p.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hook, no finally block runs
            p.waitFor();
            return false;
        }
    }

    /** A printed line's first three words after its time stamp, which name the step without its times or paths. */
    static String opening(String line) {
        String[] words = line.substring(line.indexOf(']') + 1).strip().split("\\s+");
        return String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(3, words.length)));
    }

    /** The whole lines of trials.jsonl. */
    private static List<JsonNode> trials(Path out) throws IOException {
        Path file = out.resolve("trials.jsonl");
        List<JsonNode> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        for (String line : end < 0 ? new String[0] : text.substring(0, end).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** leaderboard.csv without its times, which differ from run to run. */
    private static List<Map<String, String>> leaderboard(Path out) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord r : RunJobIT.csv(out.resolve("leaderboard.csv"))) {
            Map<String, String> row = new LinkedHashMap<>(r.toMap());
            row.remove("fit_seconds");
            rows.add(row);
        }
        return rows;
    }
}
