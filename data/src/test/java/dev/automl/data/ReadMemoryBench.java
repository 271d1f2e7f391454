package dev.automl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's memory figure, against issue 5's target (under 3x the CSV's size for a numeric file): for
 * {@code DataSource.read}, the heap the table keeps (after GC), the peak heap of the read (sum of the heap pools'
 * peaks, an upper bound), and the smallest {@code -Xmx} with which a fresh JVM completes the read (bisection), with
 * that JVM's peak RSS. Run by hand:
 * {@code mvn -q -o verify -pl data -DskipITs -Dautoml.bench=true -Dtest=ReadMemoryBench
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "automl.bench", matches = "true")
class ReadMemoryBench {

    private static final double MB = 1 << 20;

    @TempDir
    Path tmp;

    @Test
    void hflights() throws Exception {
        measure("hflights", BenchFiles.HFLIGHTS, 227_496);
    }

    @Test
    void mixedMillionRows() throws Exception {
        measure("mixed 1M", BenchFiles.mixed(tmp, 1_000_000), 1_000_000);
    }

    @Test
    void numericMillionRows() throws Exception {
        measure("numeric 1M x 10", BenchFiles.numeric(tmp, 1_000_000, 10), 1_000_000);
    }

    /** Issue 5's figure: a 1,000,000-row, 20-column CSV. */
    @Test
    void numericMillionRowsTwentyColumns() throws Exception {
        measure("numeric 1M x 20", BenchFiles.numeric(tmp, 1_000_000, 20), 1_000_000);
    }

    private static void measure(String name, Path file, int rows) throws Exception {
        long raw = BenchFiles.uncompressedBytes(file);
        System.out.printf(Locale.ROOT, "%n== %s: %,d bytes of CSV (%.1f MB) (%s)%n", name, raw, raw / MB,
                BenchRuns.load());
        DataSource.read(file);
        long before = usedAfterGc();
        resetPeaks();
        Table t = DataSource.read(file);
        long peak = peakSum();
        long after = usedAfterGc();
        assertEquals(rows, t.rows());
        System.out.printf(Locale.ROOT, "  in this JVM: table kept %.1f MB (%.2fx the CSV), read peak <= %.1f MB"
                + " (%.2fx)%n", (after - before) / MB, (after - before) / (double) raw, (peak - before) / MB,
                (peak - before) / (double) raw);
        int low = 8;
        int high = 8192;
        assertTrue(readsWith(file, high).ok(), "the read needs more than " + high + " MB");
        Child best = null;
        while (high > low * 1.04 && high - low > 2) {
            int mid = (int) Math.sqrt((double) low * high);
            Child c = readsWith(file, mid);
            if (c.ok()) {
                high = mid;
                best = c;
            } else {
                low = mid;
            }
        }
        if (best == null) {
            best = readsWith(file, high);
        }
        System.out.printf(Locale.ROOT, "  fresh JVM: smallest -Xmx that completes the read %d MB (%.2fx the CSV),"
                + " peak RSS there %.0f MB, read %.2f s (%s)%n", high, high * MB / raw, best.rssKb() / 1024.0,
                best.seconds(), BenchRuns.load());
    }

    /** Whether a JVM with this heap limit reads the file, its peak RSS in kB and its wall time. */
    private record Child(boolean ok, long rssKb, double seconds) {
    }

    private static Child readsWith(Path file, int heapMb) throws Exception {
        Path rss = Files.createTempFile("rss", ".txt");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString(), java,
                    "-Xmx" + heapMb + "m", "-cp", System.getProperty("java.class.path"), ReadOnce.class.getName(),
                    file.toString()));
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null"))).start();
            boolean done = p.waitFor(120, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly().waitFor();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            String out = Files.readString(rss).trim();
            String[] lines = out.split("\n");
            long kb = done ? Long.parseLong(lines[lines.length - 1].trim()) : -1;
            return new Child(done && p.exitValue() == 0, kb, seconds);
        } finally {
            Files.deleteIfExists(rss);
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            Runtime r = Runtime.getRuntime();
            used = Math.min(used, r.totalMemory() - r.freeMemory());
        }
        return used;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakSum() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The child JVM's work: read the file, exit 0; an OutOfMemoryError exits non-zero. */
    static final class ReadOnce {
        public static void main(String[] args) {
            Table t = DataSource.read(Path.of(args[0]));
            System.out.println(t.rows());
        }
    }
}
