package dev.automl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Parquet copy of the bank marketing data (testdata/bank_marketing/parquet, written from the CSV) trains the same
 * model as the CSV: the same leaderboard, row for row, and the same predictions, whichever format predict reads.
 */
class ParquetIT {

    @TempDir
    Path work;

    private Path job(String name, String training, String validation) throws Exception {
        String yaml = "type: automl\ntask: classification\ntarget_column_name: y\nprimary_metric: AUC_weighted\n"
                + "training_data:\n  path: " + JarRunner.testdata(training) + "\n  type: mltable\n"
                + "validation_data:\n  path: " + JarRunner.testdata(validation) + "\n  type: mltable\n"
                + "limits:\n  max_trials: 2\n  max_concurrent_trials: 1\n"
                + "training:\n  allowed_training_algorithms: [LightGBM, LogisticRegression]\n"
                + "  enable_vote_ensemble: false\n  enable_stack_ensemble: false\n";
        Path f = work.resolve(name + ".yml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void parquetCopyTrainsTheSameModelAsTheCsv() throws Exception {
        JarRunner.Result csv = JarRunner.run(work, "run", job("csv", "bank_marketing/training-mltable-folder",
                "bank_marketing/validation-mltable-folder").toString(), "--output", "csv", "--seed", "3");
        JarRunner.Result parquet = JarRunner.run(work, "run", job("parquet", "bank_marketing/parquet/training",
                "bank_marketing/parquet/validation").toString(), "--output", "parquet", "--seed", "3");
        assertEquals(0, csv.exitCode(), csv.toString());
        assertEquals(0, parquet.exitCode(), parquet.toString());

        JsonNode s = RunJobIT.summary(work.resolve("parquet"));
        assertEquals(29_999, s.get("rows").asInt());
        List<CSVRecord> a = RunJobIT.csv(work.resolve("csv/leaderboard.csv"));
        List<CSVRecord> b = RunJobIT.csv(work.resolve("parquet/leaderboard.csv"));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            for (String column : a.get(i).getParser().getHeaderNames()) {
                if (!column.equals("fit_seconds")) {
                    assertEquals(a.get(i).get(column), b.get(i).get(column), "row " + i + " column " + column);
                }
            }
        }

        // Either model scores either format alike: the Parquet validation file through the CSV-trained model
        // gives the CSV validation file's probabilities through the Parquet-trained one.
        JarRunner.Result p1 = JarRunner.run(work, "predict", "--model", "csv/model", "--data",
                JarRunner.testdata("bank_marketing/parquet/validation/bank_marketing_validation_data.parquet").toString(),
                "--output", "p1.csv");
        JarRunner.Result p2 = JarRunner.run(work, "predict", "--model", "parquet/model", "--data",
                JarRunner.testdata("bank_marketing/validation-mltable-folder").toString(), "--output", "p2.csv");
        assertEquals(0, p1.exitCode(), p1.toString());
        assertEquals(0, p2.exitCode(), p2.toString());
        List<CSVRecord> r1 = RunJobIT.csv(work.resolve("p1.csv"));
        List<CSVRecord> r2 = RunJobIT.csv(work.resolve("p2.csv"));
        assertEquals(r1.size(), r2.size());
        assertTrue(r1.size() > 1000, "validation rows: " + r1.size());
        for (int i = 0; i < r1.size(); i++) {
            assertEquals(r1.get(i).toMap(), r2.get(i).toMap(), "row " + i);
        }
    }
}
