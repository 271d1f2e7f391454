package dev.automl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose model cannot be written, as on a full disk: the file-size limit of the shell it runs under
 * ({@code ulimit -f 64}, 64 KB a file, which the JVM answers with "File too large" rather than dying of SIGXFSZ)
 * lets it write its trials and summary but not the model's 600 KB forest. The model saved by the run before stays
 * in the folder and still predicts, the run says why it could not save and exits 1, and nothing half-written is left.
 */
class FullDiskIT {

    @TempDir
    Path work;

    @Test
    void aModelThatCannotBeWrittenLeavesThePreviousOneAndAClearError() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no /bin/bash to set a file-size limit with");
        Path job = work.resolve("forest.yml");
        Path data = JarRunner.testdata("blood_transfusion/blood_transfusion.csv");
        Files.writeString(job, "type: automl\ntask: classification\ntarget_column_name: donated\n"
                + "training_data:\n  path: " + data + "\n  type: uri_file\n"
                + "training:\n  allowed_training_algorithms: [RandomForest]\n  enable_model_explainability: false\n"
                + "limits:\n  max_trials: 2\n  timeout_minutes: 2\n");
        JarRunner.Result first = JarRunner.run(work, "run", job.toString(), "--output", "out", "--seed", "3");
        assertEquals(0, first.exitCode(), first.toString());
        JarRunner.Result before = JarRunner.run(work, "predict", "--model", "out/model", "--data", data.toString(),
                "--output", "before.csv");
        assertEquals(0, before.exitCode(), before.toString());

        JarRunner.Result full = JarRunner.runUnder(work, List.of("/bin/bash", "-c", "ulimit -f 64 && exec \"$0\" \"$@\""),
                "run", job.toString(), "--output", "out", "--seed", "4");
        assertEquals(1, full.exitCode(), full.toString());
        assertTrue(full.stderr().startsWith("error: the model could not be saved: File too large. "), full.toString());
        assertTrue(full.stderr().strip().endsWith("out/model still holds the model saved before this run."), full.toString());
        assertTrue(full.stdout().contains("model failed: File too large"), full.toString());
        for (String printed : List.of(full.stdout(), full.stderr())) {
            assertFalse(printed.contains("Exception") || printed.contains("java.io") || printed.contains("\tat "), printed);
        }
        assertFalse(Files.exists(work.resolve("out/model.saving")), "the half-written model is cleared");
        try (Stream<Path> files = Files.walk(work.resolve("out"))) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".tmp")).toList());
        }

        JarRunner.Result after = JarRunner.run(work, "predict", "--model", "out/model", "--data", data.toString(),
                "--output", "after.csv");
        assertEquals(0, after.exitCode(), after.toString());
        assertEquals(Files.readString(work.resolve("before.csv")), Files.readString(work.resolve("after.csv")));
    }
}
