package dev.automl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures rows per second on a 20-column numeric file; opt-in because timings on a shared machine are no test:
 * {@code mvn -o -pl featurization verify -Dautoml.benchmark=true -Dtest=CsvReadThroughputTest}.
 */
@EnabledIfSystemProperty(named = "automl.benchmark", matches = "true")
class CsvReadThroughputTest {

    private static final int ROWS = 500_000;

    @TempDir
    Path tmp;

    @Test
    void twentyNumericColumns() throws IOException {
        Path f = tmp.resolve("numeric20.csv");
        Random r = new Random(1);
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            for (int j = 0; j < 20; j++) {
                w.write((j > 0 ? "," : "") + "x" + j);
            }
            w.write('\n');
            for (int i = 0; i < ROWS; i++) {
                for (int j = 0; j < 20; j++) {
                    if (j > 0) {
                        w.write(',');
                    }
                    w.write(j % 2 == 0 ? Integer.toString(r.nextInt(100_000))
                            : String.format(Locale.ROOT, "%.4f", r.nextGaussian() * 100));
                }
                w.write('\n');
            }
        }
        for (int run = 1; run <= 5; run++) {
            long t0 = System.nanoTime();
            Table t = CsvReader.read(f, CsvReadOptions.DEFAULTS, Map.of());
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(ROWS, t.rows());
            System.out.printf(Locale.ROOT, "run %d: %,d rows x 20 numeric columns (%,d bytes) in %.2f s = %,.0f rows/s%n",
                    run, ROWS, Files.size(f), seconds, ROWS / seconds);
        }
    }
}
