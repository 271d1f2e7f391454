package dev.automl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs side by side: one output folder takes one run at a time, while runs into other folders proceed. */
class OutputFolderIT {

    @TempDir
    Path work;

    @Test
    void aSecondRunIntoTheSameFolderIsRefusedWhileARunIntoAnotherFolderProceeds() throws Exception {
        Path job = ResumeIT.bloodJob(work, "  timeout_minutes: 0.25\n");
        Path jar = JarRunner.repoRoot().resolve("automl.jar");
        Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "run", job.toString(), "--output", "shared")
                .directory(work.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // The first run holds the folder from its start; its state file shows that it got past reading.
            for (int i = 0; i < 600 && !Files.exists(work.resolve("shared/run-state.json")); i++) {
                Thread.sleep(50);
            }
            assertTrue(first.isAlive(), "the first run ended before the second could try its folder");

            JarRunner.Result second = JarRunner.run(work, "run", job.toString(), "--output", "shared");
            assertEquals(2, second.exitCode(), second.toString());
            assertTrue(second.stderr().contains("Another run is writing to the output folder "
                    + work.resolve("shared").toAbsolutePath().normalize() + " (process " + first.pid() + "). Wait for it to end, or give"
                    + " this run another --output."), second.toString());
            assertTrue(first.isAlive(), "the refused run must not disturb the first");

            JarRunner.Result other = JarRunner.run(work, "run", job.toString(), "--output", "other");
            assertEquals(0, other.exitCode(), other.toString());
        } finally {
            assertTrue(first.waitFor(2, TimeUnit.MINUTES));
        }
        assertEquals(0, first.exitValue());
        assertTrue(Files.exists(work.resolve("shared/model/model.json")));
    }
}
