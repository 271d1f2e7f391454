package dev.automl.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jerolba.carpet.CarpetWriter;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.data.DataSource;
import dev.automl.data.InvalidInputException;
import dev.automl.engine.job.JobParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of valid CSV, job YAML, MLTable and Parquet files, each read in-process by the parser a
 * user's file goes through. A case passes when the file is read, or refused with an {@link InvalidInputException}
 * (what the command line prints as a message with exit code 2) whose message is one line naming no Java class; any
 * other exception, an error such as {@link StackOverflowError}, or taking over {@link #CASE_SECONDS} seconds fails
 * the test, and the case's files are kept in {@code target/fuzz/failures/} with its seed. {@code -Dfuzz.cases=10000}
 * runs the nightly length; {@code -Dfuzz.seed=N} picks another sequence of cases.
 */
class FuzzIT {

    private static final int CASE_SECONDS = 10;
    private static final Path WORK = Path.of("target", "fuzz").toAbsolutePath();
    /** The data file the MLTable seed (testdata/errors/take_skip_keep_drop) names. */
    private static final String MLTABLE_DATA = "measurements.csv";

    /** The kinds of file a user gives the engine, and how each is read. */
    enum Format {
        CSV("data.csv"), JOB("job.yml"), MLTABLE("MLTable"), PARQUET("data.parquet");

        final String fileName;

        Format(String fileName) {
            this.fileName = fileName;
        }
    }

    /** A row of every kind of column the Parquet reader takes, for the Parquet seed. */
    record Visit(String city, Integer visits, Long id, Double spend, Boolean member, LocalDate day, LocalDateTime at) {
    }

    private final LearnerCatalog catalog = LearnerCatalog.standard();

    @Test
    void mutatedFilesAreReadOrRefusedWithAMessage() throws Exception {
        int cases = Integer.getInteger("fuzz.cases", 500);
        long seed = Long.getLong("fuzz.seed", 19);
        Files.createDirectories(WORK);
        BadInputCase.deleteTree(WORK.resolve("failures"));
        Seeds seeds = Seeds.make(WORK.resolve("seeds"));
        List<String> failures = new ArrayList<>();
        int[] refused = new int[Format.values().length];
        int[] read = new int[Format.values().length];
        for (Format format : Format.values()) {
            for (int which = 0; which < seeds.count(format); which++) {
                // A seed that does not parse would make its cases refusals and the run meaningless.
                Path dir = WORK.resolve("seed-" + format.name().toLowerCase(Locale.ROOT) + "-" + which);
                BadInputCase.deleteTree(dir);
                seeds.prepare(format, which, dir, null);
                parse(format, dir.resolve(format.fileName));
            }
        }
        ExecutorService runner = newRunner();
        long t0 = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            long caseSeed = seed * 1_000_003L + i;
            Format format = Format.values()[i % Format.values().length];
            Path dir = WORK.resolve("case");
            BadInputCase.deleteTree(dir);
            Mutator mutator = new Mutator(caseSeed);
            byte[] input = seeds.prepare(format, mutator.pick(seeds.count(format)), dir, mutator);
            Path file = dir.resolve(format.fileName);
            Future<?> f = runner.submit(() -> {
                parse(format, file);
                return null;
            });
            String failure = null;
            try {
                f.get(CASE_SECONDS, TimeUnit.SECONDS);
                read[format.ordinal()]++;
            } catch (TimeoutException e) {
                f.cancel(true);
                // The stuck thread cannot be stopped; later cases get a fresh one.
                runner.shutdownNow();
                runner = newRunner();
                failure = "no answer within " + CASE_SECONDS + " s";
            } catch (ExecutionException e) {
                if (e.getCause() instanceof InvalidInputException refusal) {
                    refused[format.ordinal()]++;
                    failure = unclear(refusal.getMessage(), new String(input, StandardCharsets.UTF_8));
                } else {
                    failure = stackTrace(e.getCause());
                }
            }
            if (failure != null) {
                Path kept = WORK.resolve("failures").resolve(format.name().toLowerCase(Locale.ROOT) + "-" + caseSeed);
                BadInputCase.deleteTree(kept);
                BadInputCase.copyTree(dir, kept);
                Files.writeString(kept.resolve("FAILURE.txt"), "seed " + caseSeed + ", " + format + "\n" + failure);
                failures.add(format + " case seed " + caseSeed + " (" + input.length + " bytes, kept in " + kept + "): "
                        + failure.lines().limit(3).reduce((a, b) -> a + " | " + b).orElse(""));
            }
        }
        runner.shutdownNow();
        Files.write(WORK.resolve("failures.txt"), failures);
        double seconds = (System.nanoTime() - t0) / 1e9;
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "fuzz: %d cases (seed %d) in %.1f s;", cases,
                seed, seconds));
        for (Format format : Format.values()) {
            summary.append(String.format(Locale.ROOT, " %s %d read, %d refused;", format, read[format.ordinal()],
                    refused[format.ordinal()]));
        }
        summary.append(' ').append(failures.size()).append(" failures (all in ").append(WORK.resolve("failures.txt"))
                .append(')');
        System.out.println(summary);
        assertTrue(failures.isEmpty(), summary + ":\n" + String.join("\n", failures.subList(0, Math.min(20,
                failures.size()))));
    }

    private void parse(Format format, Path file) {
        switch (format) {
            case CSV, PARQUET -> DataSource.read(file);
            case MLTABLE -> DataSource.read(file.getParent());
            case JOB -> new JobParser(catalog).parse(file);
        }
    }

    /**
     * What is wrong with a refusal's message, as the command line would print it, or null when it reads well. A class
     * name the input itself holds (a mutation wrote {@code !!java.lang.Object}) is the user's text quoted back.
     */
    private static String unclear(String message, String input) {
        if (message == null || message.isBlank()) {
            return "a refusal without a message";
        }
        if (message.contains("\n")) {
            return "a message of several lines: " + message;
        }
        return LeakedInternals.in(message).filter(leak -> !input.contains(leak))
                .map(leak -> "a message that shows '" + leak + "': " + message).orElse(null);
    }

    private static ExecutorService newRunner() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
    }

    private static String stackTrace(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        return s.toString();
    }

    /**
     * The valid files cases start from, several of each format so that mutations reach different code: each case
     * mutates one of them, chosen by its seed. Every file is written into the case's folder, so that a job or an
     * MLTable file finds the data it names ({@code data.csv}, and the MLTable seeds' {@code measurements.csv}).
     */
    private record Seeds(Map<Format, List<byte[]>> files, byte[] csv, byte[] measurements) {

        static Seeds make(Path dir) throws IOException {
            Files.createDirectories(dir);
            byte[] csv = Files.readAllBytes(JarRunner.testdata("bad-inputs/_shared/train.csv"));
            Path take = JarRunner.testdata("errors/take_skip_keep_drop");
            Map<Format, List<byte[]>> files = new EnumMap<>(Format.class);
            files.put(Format.CSV, List.of(csv, Files.readAllBytes(JarRunner.testdata("errors/dates.csv")),
                    utf8("id,name,note,amount,when\n1,\"Smith, J\",\"said \"\"hi\"\"\nand left\",1.5e3,2024-01-02\n"
                            + "2,Zoë,,NA,2024-01-03 10:00\n3,  padded  ,\"\",-0.25,\n4,\"\",x,7,2024-02-30\n")));
            files.put(Format.JOB, List.of(
                    utf8("type: automl\ntask: classification\ntarget_column_name: label\nprimary_metric: accuracy\n"
                            + "training_data:\n  path: ./data.csv\n  type: uri_file\n"
                            + "limits:\n  max_trials: 3\n  timeout_minutes: 1\n  max_concurrent_trials: 1\n"
                            + "featurization:\n  mode: custom\n  column_name_and_types:\n    color: Categorical\n"
                            + "  transformer_params:\n    imputer:\n      - fields: [size]\n"
                            + "        parameters: {strategy: median}\n"
                            + "training:\n  allowed_training_algorithms: [LightGBM, LogisticRegression]\n"
                            + "  enable_stack_ensemble: false\n"),
                    utf8("$schema: https://azuremlschemas.azureedge.net/latest/autoMLJob.schema.json\ntype: automl\n"
                            + "experiment_name: fuzz\ntask: regression\ntarget_column_name: size\n"
                            + "primary_metric: r2_score\nlog_verbosity: warning\n"
                            + "training_data: {path: ./data.csv, type: uri_file}\n"
                            + "test_data:\n  path: ./data.csv\n  type: uri_file\nn_cross_validations: 3\n"
                            + "limits: {timeout_minutes: 2, trial_timeout_minutes: 1, max_trials: 4,"
                            + " enable_early_termination: true, exit_score: 0.9, max_cores_per_trial: -1}\n"
                            + "featurization:\n  mode: custom\n  blocked_transformers: [LabelEncoder]\n"
                            + "  transformer_params:\n    hash_one_hot_encoder:\n      - fields: [color]\n"
                            + "        parameters: {number_of_bits: 4}\n"
                            + "    tf_idf:\n      - parameters: {max_features: 50, ngram_range: [1, 2], use_idf: true}\n"
                            + "training:\n  blocked_training_algorithms: [KNN, xgboost_regressor]\n"
                            + "  enable_stack_ensemble: true\n  stack_ensemble_settings:\n"
                            + "    stack_meta_learner_type: elasticnet\n    stack_meta_learner_kwargs: {alpha: 0.5}\n"),
                    utf8("type: automl\ntask: forecasting\ntarget_column_name: size\n"
                            + "training_data: {path: ./data.csv, type: uri_file}\nvalidation_data_size: 0.2\n"
                            + "forecasting:\n  time_column_name: day\n  forecast_horizon: 3\n"
                            + "  time_series_id_column_names: [color]\n  frequency: D\n  target_lags: [1, 2]\n"
                            + "  target_rolling_window_size: 3\n")));
            files.put(Format.MLTABLE, List.of(Files.readAllBytes(take.resolve("MLTable")),
                    utf8("type: mltable\npaths:\n  - file: ./data.csv\n  - pattern: ./data*.csv\ntransformations:\n"
                            + "  - read_delimited:\n      delimiter: ','\n      header: all_files_same_headers\n"
                            + "      encoding: utf8\n      empty_as_string: false\n      include_path_column: true\n"
                            + "  - convert_column_types:\n      - columns: [age]\n        column_type: float\n"
                            + "      - columns: label\n        column_type:\n          boolean:\n"
                            + "            true_values: ['yes']\n            false_values: ['no']\n"
                            + "            mismatch_as: error\n  - drop_columns: [color]\n  - take: 30\n")));
            files.put(Format.PARQUET, List.of(parquet(dir.resolve("visits.parquet"))));
            return new Seeds(files, csv, Files.readAllBytes(take.resolve(MLTABLE_DATA)));
        }

        private static byte[] utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }

        private static byte[] parquet(Path file) throws IOException {
            List<Visit> visits = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                visits.add(new Visit(i % 7 == 3 ? null : List.of("Oslo", "Lima", "Pune").get(i % 3),
                        i % 5 == 0 ? null : i * 3, 1000L + i, i % 6 == 1 ? null : i * 1.25, i % 2 == 0,
                        LocalDate.of(2024, 1, 1).plusDays(i), LocalDateTime.of(2024, 1, 1, 0, 0).plusHours(i * 7L)));
            }
            try (OutputStream out = Files.newOutputStream(file);
                 // Uncompressed, so that a changed byte is more often a changed value than a page that fails to
                 // decompress, and the value readers get damaged values to read.
                 CarpetWriter<Visit> w = new CarpetWriter.Builder<>(out, Visit.class)
                         .withCompressionCodec(CompressionCodecName.UNCOMPRESSED).build()) {
                w.write(visits);
            }
            return Files.readAllBytes(file);
        }

        int count(Format format) {
            return files.get(format).size();
        }

        /**
         * Writes a case's files into {@code dir}: seed {@code which} of the format, mutated by {@code m} (left valid
         * when null), and the data files the seeds name.
         */
        byte[] prepare(Format format, int which, Path dir, Mutator m) throws IOException {
            Files.createDirectories(dir);
            Files.write(dir.resolve("data.csv"), csv);
            Files.write(dir.resolve(MLTABLE_DATA), measurements);
            byte[] valid = files.get(format).get(which);
            byte[] mutated = m == null ? valid : format == Format.PARQUET ? m.mutateBinary(valid) : m.mutateText(valid);
            Files.write(dir.resolve(format.fileName), mutated);
            return mutated;
        }
    }
}
