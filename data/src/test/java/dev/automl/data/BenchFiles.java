package dev.automl.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/** The data files the speed benchmarks read: hflights, and generated CSV files with a fixed seed. */
public final class BenchFiles {

    /** 227,496 rows x 22 columns, gzip (issue 3's real-data figure). */
    public static final Path HFLIGHTS = Path.of("/work/shared/datasets/hflights/hflights.csv.gz");
    /** hflights' regression target. */
    public static final String HFLIGHTS_TARGET = "ArrDelay";
    /** The generated mixed file's binary target. */
    public static final String MIXED_TARGET = "label";

    private static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);

    private BenchFiles() {
    }

    /**
     * A mixed CSV file: 6 numeric columns (one 5 % missing), 3 categorical ones of 10, 200 and 5,000 levels (3 %
     * missing), an ISO date over ten years, a yes/no flag and a binary label that depends on some of them.
     */
    public static Path mixed(Path dir, int rows) throws IOException {
        Path f = dir.resolve("mixed-" + rows + ".csv");
        SplittableRandom r = new SplittableRandom(20261128L);
        StringBuilder line = new StringBuilder(160);
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("count,gauss,small,price,amount,ratio,colour,city,user,day,flag,label\n");
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                int count = r.nextInt(100_000);
                double gauss = gaussian(r) * 100;
                int small = r.nextInt(10);
                double price = r.nextInt(1_000_000) / 100.0;
                int colour = r.nextInt(10);
                line.append(count).append(',');
                fixed(line, gauss, 4).append(',');
                line.append(small).append(',');
                fixed(line, price, 2).append(',');
                if (r.nextInt(20) != 0) {
                    fixed(line, r.nextDouble() * 5000, 3);
                }
                line.append(',');
                fixed(line, r.nextDouble(), 6).append(',');
                if (r.nextInt(33) != 0) {
                    line.append("colour").append(colour);
                }
                line.append(',');
                if (r.nextInt(33) != 0) {
                    line.append("City ").append(r.nextInt(200));
                }
                line.append(',');
                if (r.nextInt(33) != 0) {
                    line.append('u').append(r.nextInt(5000));
                }
                line.append(',');
                line.append(FIRST_DAY.plusDays(r.nextInt(3652))).append(',');
                line.append(r.nextBoolean() ? "yes" : "no").append(',');
                double score = gauss / 100 + (colour < 3 ? 1 : 0) + small * 0.1 + gaussian(r);
                line.append(score > 0.8 ? "B" : "A").append('\n');
                w.append(line);
            }
        }
        return f;
    }

    /** A CSV file of numbers only, half integers and half decimals with four places. */
    public static Path numeric(Path dir, int rows, int cols) throws IOException {
        Path f = dir.resolve("numeric-" + rows + "x" + cols + ".csv");
        SplittableRandom r = new SplittableRandom(1);
        StringBuilder line = new StringBuilder(cols * 12);
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            for (int j = 0; j < cols; j++) {
                line.append(j > 0 ? "," : "").append('x').append(j);
            }
            w.append(line).append('\n');
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                for (int j = 0; j < cols; j++) {
                    if (j > 0) {
                        line.append(',');
                    }
                    if (j % 2 == 0) {
                        line.append(r.nextInt(100_000));
                    } else {
                        fixed(line, gaussian(r) * 100, 4);
                    }
                }
                w.append(line).append('\n');
            }
        }
        return f;
    }

    /** Bytes of the file as the reader sees them, after gunzip when it is compressed. */
    public static long uncompressedBytes(Path f) throws IOException {
        if (!f.toString().endsWith(".gz")) {
            return Files.size(f);
        }
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(f), 1 << 16)) {
            byte[] buf = new byte[1 << 16];
            long n = 0;
            for (int k; (k = in.read(buf)) > 0; ) {
                n += k;
            }
            return n;
        }
    }

    // String.format would take longer than the reads being measured.
    private static StringBuilder fixed(StringBuilder out, double v, int places) {
        long scale = (long) Math.pow(10, places);
        long units = Math.round(Math.abs(v) * scale);
        if (v < 0 && units != 0) {
            out.append('-');
        }
        out.append(units / scale).append('.');
        String frac = Long.toString(units % scale);
        for (int k = frac.length(); k < places; k++) {
            out.append('0');
        }
        return out.append(frac);
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller: SplittableRandom has no nextGaussian in Java 17.
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
