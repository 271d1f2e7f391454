package dev.automl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's mistakes end with exit code 2 and a message that says what and where, never a stack trace. */
class BadInputIT {

    @TempDir
    Path work;

    private JarRunner.Result runJob(String yaml) throws IOException, InterruptedException {
        Path job = work.resolve("job.yml");
        Files.writeString(job, yaml);
        return JarRunner.run(work, "run", job.toString(), "--output", "out");
    }

    private static void assertCleanError(JarRunner.Result r, String expected) {
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains(expected), "expected <" + expected + "> in:\n" + r.stderr());
        assertFalse(r.stderr().contains("\tat "), "stack trace printed:\n" + r.stderr());
        assertFalse(r.stderr().contains("Exception"), "exception name printed:\n" + r.stderr());
    }

    private static String blood() {
        return JarRunner.testdata("blood_transfusion/blood_transfusion.csv").toString();
    }

    @Test
    void misspelledKeyNamesLineColumnAndNearestKey() throws Exception {
        JarRunner.Result r = runJob("type: automl\ntask: classification\ntarget_column_name: donated\n"
                + "training_data:\n  path: " + blood() + "\n  type: uri_file\n"
                + "limits:\n  timout_minutes: 5\n");
        assertCleanError(r, "job.yml, line 8, column 3: unknown key 'limits.timout_minutes'. Did you mean 'timeout_minutes'?");
    }

    @Test
    void missingTargetColumnListsTheColumns() throws Exception {
        JarRunner.Result r = runJob("type: automl\ntask: classification\ntarget_column_name: Donated\n"
                + "training_data:\n  path: " + blood() + "\n  type: uri_file\n");
        assertCleanError(r, "The column 'Donated' named by target_column_name is not in training_data. "
                + "Its columns are: recency, frequency, monetary, time, donated.");
    }

    @Test
    void oneClassTargetIsRefused() throws Exception {
        Path csv = work.resolve("one-class.csv");
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < 30; i++) {
            sb.append(i).append(",yes\n");
        }
        Files.writeString(csv, sb.toString());
        JarRunner.Result r = runJob("type: automl\ntask: classification\ntarget_column_name: y\n"
                + "training_data:\n  path: " + csv + "\n  type: uri_file\n");
        assertCleanError(r, "The target column 'y' has only one class ('yes') in the training data; "
                + "classification needs at least two classes.");
    }

    @Test
    void rowWithTooManyFieldsGivesItsLineNumber() throws Exception {
        Path csv = work.resolve("bad.csv");
        Files.writeString(csv, "a,b,label\n1,2,x\n3,4,y\n5,6,x,extra\n7,8,y\n");
        JarRunner.Result r = runJob("type: automl\ntask: classification\ntarget_column_name: label\n"
                + "training_data:\n  path: " + csv + "\n  type: uri_file\n");
        assertCleanError(r, "line 4");
        assertTrue(r.stderr().contains("bad.csv"), r.stderr());
    }

    @Test
    void allAlgorithmsBlockedIsAnError() throws Exception {
        JarRunner.Result r = runJob("type: automl\ntask: regression\ntarget_column_name: frequency\n"
                + "training_data:\n  path: " + blood() + "\n  type: uri_file\n"
                + "training:\n  allowed_training_algorithms: [LightGBM]\n  blocked_training_algorithms: [lightgbm]\n");
        assertCleanError(r, "the allowed and blocked algorithm lists leave no algorithm to train.");
    }

    @Test
    void classificationOnlyAlgorithmInRegressionJobNamesTheValidOnes() throws Exception {
        JarRunner.Result r = runJob("type: automl\ntask: regression\ntarget_column_name: frequency\n"
                + "training_data:\n  path: " + blood() + "\n  type: uri_file\n"
                + "training:\n  allowed_training_algorithms: [LogisticRegression]\n");
        assertCleanError(r, "'LogisticRegression' is a classification algorithm; this is a regression job. Available for regression: ");
    }

    @Test
    void missingDataFileIsNamed() throws Exception {
        JarRunner.Result r = runJob("type: automl\ntask: classification\ntarget_column_name: y\n"
                + "training_data:\n  path: ./nowhere.csv\n  type: uri_file\n");
        assertCleanError(r, "nowhere.csv, which does not exist.");
    }

    @Test
    void missingJobFileIsNamed() throws Exception {
        JarRunner.Result r = JarRunner.run(work, "run", "no-such-job.yml");
        assertCleanError(r, "Job file not found: ");
    }

    @Test
    void forecastingWithoutItsTimeColumnIsRefusedClearly() throws Exception {
        JarRunner.Result r = runJob("type: automl\ntask: forecasting\ntarget_column_name: y\n"
                + "training_data:\n  path: " + blood() + "\n  type: uri_file\n");
        assertCleanError(r, "a forecasting job needs 'forecasting.time_column_name': the column of the times its rows are at.");
        r = runJob("type: automl\ntask: forecasting\ntarget_column_name: donated\n"
                + "training_data:\n  path: " + blood() + "\n  type: uri_file\nforecasting:\n  time_column_name: t\n");
        assertCleanError(r, "The column 't' named by forecasting.time_column_name is not in training_data.");
    }

    @Test
    void unsupportedAzureOptionIsRefusedByName() throws Exception {
        JarRunner.Result r = runJob("type: automl\ntask: classification\ntarget_column_name: donated\n"
                + "training_data:\n  path: " + blood() + "\n  type: uri_file\n"
                + "test_data_size: 0.2\n");
        assertCleanError(r, "'test_data_size' is an Azure AutoML option this engine does not support yet");
    }

    @Test
    void predictWithoutAFeatureColumnNamesIt() throws Exception {
        JarRunner.Result run = runJob("type: automl\ntask: classification\ntarget_column_name: donated\n"
                + "training_data:\n  path: " + blood() + "\n  type: uri_file\nlimits:\n  max_trials: 1\n");
        assertEquals(0, run.exitCode(), run.toString());
        Path csv = work.resolve("new.csv");
        Files.writeString(csv, "recency,frequency,time\n2,50,98\n");
        JarRunner.Result r = JarRunner.run(work, "predict", "--model", "out/model", "--data", csv.toString(), "--output", "p.csv");
        assertCleanError(r, "Column 'monetary' is missing from the data; the model was trained with it.");
    }
}
