package dev.automl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's CSV load figure: rows/s and MB/s of {@code DataSource.read}, next to the steps beneath it (the bytes
 * from the page cache, gunzip, UTF-8 decoding, commons-csv's parse) so that the reader's own share shows. Run by
 * hand, timings are no test:
 * {@code mvn -q -o verify -pl data -DskipITs -Dautoml.bench=true -Dtest=CsvLoadBench
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "automl.bench", matches = "true")
class CsvLoadBench {

    private static final int MIXED_ROWS = 1_000_000;

    @TempDir
    Path tmp;

    @Test
    void hflights() throws Exception {
        measure("hflights", BenchFiles.HFLIGHTS, 227_496, 22, 5);
    }

    @Test
    void mixedMillionRows() throws Exception {
        measure("mixed 1M", BenchFiles.mixed(tmp, MIXED_ROWS), MIXED_ROWS, 12, 5);
    }

    @Test
    void twentyNumericColumns() throws Exception {
        measure("numeric 500k x 20", BenchFiles.numeric(tmp, 500_000, 20), 500_000, 20, 3);
    }

    private static void measure(String name, Path file, int rows, int cols, int runs) throws Exception {
        long onDisk = Files.size(file);
        long raw = BenchFiles.uncompressedBytes(file);
        boolean gz = onDisk != raw;
        System.out.printf(Locale.ROOT, "%n== %s: %,d rows x %d columns, %,d bytes on disk, %,d uncompressed (%s)%n",
                name, rows, cols, onDisk, raw, BenchRuns.load());
        report("cat > /dev/null", BenchRuns.seconds(1, runs, () -> command("cat", file)), rows, onDisk, raw);
        if (gz) {
            report("gzip -dc > /dev/null", BenchRuns.seconds(1, runs, () -> command("gzip", "-dc", file)), rows,
                    onDisk, raw);
        }
        report("java: bytes" + (gz ? " + gunzip" : ""), BenchRuns.seconds(1, runs, () -> bytes(file)), rows, onDisk,
                raw);
        report("java: + UTF-8 decode", BenchRuns.seconds(1, runs, () -> chars(file)), rows, onDisk, raw);
        report("commons-csv parse", BenchRuns.seconds(1, runs, () -> assertEquals(rows, commonsCsv(file))), rows,
                onDisk, raw);
        report("DataSource.read", BenchRuns.seconds(1, runs, () -> {
            Table t = DataSource.read(file);
            assertEquals(rows, t.rows());
            assertEquals(cols, t.columns().size());
        }), rows, onDisk, raw);
        System.out.println("  (" + BenchRuns.load() + " at the end)");
    }

    private static void report(String step, double[] seconds, int rows, long onDisk, long raw) {
        double s = BenchRuns.median(seconds);
        System.out.printf(Locale.ROOT, "  %-24s median %6.3f s (best %6.3f) %,12.0f rows/s %8.1f MB/s on disk"
                + " %8.1f MB/s uncompressed%n", step, s, seconds[0], rows / s, onDisk / s / 1e6, raw / s / 1e6);
    }

    private static void command(Object... args) throws Exception {
        List<String> words = java.util.Arrays.stream(args).map(String::valueOf).toList();
        Process p = new ProcessBuilder(words).redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertEquals(0, p.waitFor(), String.join(" ", words));
    }

    private static InputStream open(Path file) throws Exception {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return file.toString().endsWith(".gz") ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    private static long bytes(Path file) throws Exception {
        byte[] buf = new byte[1 << 16];
        long n = 0;
        try (InputStream in = open(file)) {
            for (int k; (k = in.read(buf)) > 0; ) {
                n += k;
            }
        }
        return n;
    }

    private static long chars(Path file) throws Exception {
        char[] buf = new char[1 << 15];
        long n = 0;
        try (Reader in = new InputStreamReader(open(file), StandardCharsets.UTF_8)) {
            for (int k; (k = in.read(buf)) > 0; ) {
                n += k;
            }
        }
        return n;
    }

    /** Data records, every field touched: the parse the reader builds on, without types or columns. */
    private static int commonsCsv(Path file) throws Exception {
        int records = -1;
        long length = 0;
        try (CSVParser p = CSVParser.parse(new InputStreamReader(open(file), StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            for (CSVRecord r : p) {
                for (int i = 0; i < r.size(); i++) {
                    length += r.get(i).length();
                }
                records++;
            }
        }
        return length >= 0 ? records : -1;
    }
}
