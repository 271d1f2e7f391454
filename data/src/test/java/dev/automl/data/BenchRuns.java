package dev.automl.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Times an action over repeated runs after warm-up, and reads the machine's load, for the speed benchmarks. */
public final class BenchRuns {

    /** The measured work; may throw, which fails the benchmark. */
    public interface Action {
        void run() throws Exception;
    }

    private BenchRuns() {
    }

    /** Seconds of each of {@code runs} runs, sorted, after {@code warmups} unmeasured ones. */
    public static double[] seconds(int warmups, int runs, Action action) throws Exception {
        for (int i = 0; i < warmups; i++) {
            action.run();
        }
        double[] out = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            action.run();
            out[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(out);
        return out;
    }

    public static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The 1, 5 and 15 minute load averages, as uptime shows them; the machine is shared. */
    public static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return "load " + parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "load unknown";
        }
    }
}
