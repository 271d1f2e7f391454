package dev.automl.algorithms.forecasting.ets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.automl.algorithms.Deadline;

import dev.automl.algorithms.forecasting.GoldenFiles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Seconds taken by ExponentialSmoothing's automatic choice (R's {@code ets(y)}, every candidate form at m = 24) on
 * three hourly series; not a test, run it by hand:
 *
 * <pre>
 * mvn -o -q -pl algorithms -am test-compile
 * java -cp "algorithms/target/test-classes:algorithms/target/classes:$(cat cp.txt)" \
 *     dev.automl.algorithms.forecasting.ets.EtsSpeedBench [case ...]
 * </pre>
 *
 * <p>Cases: {@code 240}, M4 hourly H1's last 240 training hours (from ets_goldens.json); {@code 2000}, the first
 * 2,000 hours of Azure's NYC energy demand example; {@code energy}, the whole of it (gaps filled forward). The energy
 * series is read from the Azure examples' absolute path below; the cases needing it say so and are skipped when it is
 * absent. Each case prints wall-clock seconds and the thread's CPU seconds (steadier when other processes share the
 * machine), then the chosen form and every candidate's AICc, so runs before and after a change can be
 * compared beyond the goldens.
 */
public final class EtsSpeedBench {

    static final Path ENERGY = Path.of("/work/shared/azure-examples/cli/jobs/automl-standalone-jobs/"
            + "cli-automl-forecasting-task-energy-demand/training-mltable-folder/nyc-energy-train.csv");

    private EtsSpeedBench() {
    }

    public static void main(String[] args) throws IOException {
        List<String> cases = args.length == 0 ? List.of("240", "2000", "energy") : Arrays.asList(args);
        for (String c : cases) {
            switch (c) {
                case "240" -> run("M4 hourly H1, 240 values", m4Hourly240());
                case "2000" -> {
                    double[] energy = energy();
                    if (energy != null) {
                        run("energy demand, first 2,000 values", Arrays.copyOf(energy, 2000));
                    }
                }
                case "energy" -> {
                    double[] energy = energy();
                    if (energy != null) {
                        run("energy demand, " + energy.length + " values", energy);
                    }
                }
                default -> System.out.println("unknown case " + c + " (240, 2000, energy)");
            }
        }
    }

    private static void run(String what, double[] y) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        EtsSelection.Outcome out = EtsSelection.fit(y, 24, EtsSelection.AUTOMATIC, null, Deadline.never());
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf("%-40s %8.2f s (cpu %.2f s)  chose %s AICc %s%n", what, seconds, cpuSeconds,
                out.chosen() == null ? "-" : out.chosen().form().label(),
                out.chosen() == null ? "-" : Double.toString(out.chosen().aicc()));
        for (FormFit f : out.candidates()) {
            System.out.printf("    %-8s AICc %s%n", f.form().label(), f.aicc());
        }
    }

    static double[] m4Hourly240() throws IOException {
        for (JsonNode g : EtsGoldenTest.goldens().get("series")) {
            if (g.get("name").asText().equals("M4 hourly H1")) {
                return GoldenFiles.doubles(g.get("y"));
            }
        }
        throw new IllegalStateException("M4 hourly H1 is missing from ets_goldens.json");
    }

    /**
     * The energy example's demand on an hourly grid from its first to its last time stamp: rows sorted by time
     * stamp (the last of duplicates kept), missing hours and empty demands filled with the previous demand.
     */
    static double[] energy() throws IOException {
        if (!Files.isReadable(ENERGY)) {
            System.out.println("energy demand data absent (" + ENERGY + "): skipped");
            return null;
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        TreeMap<LocalDateTime, Double> rows = new TreeMap<>();
        List<String> lines = Files.readAllLines(ENERGY);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            rows.put(LocalDateTime.parse(cells[0], format), cells[1].isEmpty() ? Double.NaN : Double.parseDouble(cells[1]));
        }
        LocalDateTime first = rows.firstKey();
        int n = (int) Duration.between(first, rows.lastKey()).toHours() + 1;
        double[] y = new double[n];
        double last = Double.NaN;
        for (int i = 0; i < n; i++) {
            Double v = rows.get(first.plusHours(i));
            if (v != null && !Double.isNaN(v)) {
                last = v;
            }
            y[i] = last;
        }
        return y;
    }
}
