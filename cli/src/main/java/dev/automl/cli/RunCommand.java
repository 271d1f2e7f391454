package dev.automl.cli;

import dev.automl.algorithms.LearnerCatalog;
import dev.automl.engine.job.JobParser;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.run.AutoMLRun;
import dev.automl.engine.worker.Isolation;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code automl run JOB.yml}: runs the job and leaves the leaderboard, the summary and the model in a folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an AutoML job described by an Azure ML CLI v2 job YAML file.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOB.yml", description = "The AutoML job file (Azure ML CLI v2 format).")
    Path job;

    @Option(names = "--output", paramLabel = "DIR", description = "Where to write results (default: outputs/<job file name>).")
    Path output;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resume", description = "Continue a run that was killed, in the same output folder: the trials it"
            + " finished are kept without training them again, and the time limits count the time it spent.")
    boolean resume;

    @Option(names = "--isolation", paramLabel = "MODE", defaultValue = "native", converter = IsolationConverter.class,
            description = "Where learners fit: native (default) fits LightGBM and XGBoost in worker processes, so that a"
                    + " crash in their native code fails one trial instead of ending the run; none fits every learner in"
                    + " this process.")
    Isolation isolation;

    /** Reads {@code native} or {@code none}. */
    static final class IsolationConverter implements picocli.CommandLine.ITypeConverter<Isolation> {
        @Override
        public Isolation convert(String value) {
            for (Isolation i : Isolation.values()) {
                if (i.id().equals(value)) {
                    return i;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not native or none");
        }
    }

    @Override
    public Integer call() {
        // Time limits count from JVM start, so that start-up is inside the promise too.
        long startNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        LearnerCatalog catalog = LearnerCatalog.standard();
        JobSpec spec = new JobParser(catalog).parse(job);
        Path out = output != null ? output : Path.of("outputs", stripExtension(job.getFileName().toString()));
        ConsoleReporter console = new ConsoleReporter(System.out, spec.verbosity(), startNanos);
        AutoMLRun.Outcome outcome = new AutoMLRun(catalog, console).execute(spec,
                new AutoMLRun.Options(out, seed, startNanos, Runtime.getRuntime().availableProcessors(), resume,
                        isolation));
        console.printLeaderboard(outcome.leaderboard(), 10);
        console.info("Results in " + outcome.outputDir().toAbsolutePath().normalize());
        if (!outcome.modelSaved()) {
            Path model = outcome.outputDir().resolve("model");
            if (outcome.modelFailure() != null) {
                System.err.println("error: the model could not be saved: " + outcome.modelFailure() + ". "
                        + (java.nio.file.Files.isDirectory(model) ? model + " still holds the model saved before this run."
                        : "No model is in " + model + "."));
            } else {
                System.err.println("error: the run ended without a model; see " + outcome.outputDir().resolve("trials.jsonl")
                        + (java.nio.file.Files.isDirectory(model) ? " (" + model + " holds the model saved before this run)"
                        : ""));
            }
            return Main.EXIT_FAILED;
        }
        return 0;
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
