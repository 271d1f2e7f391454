package dev.automl.cli;

import dev.automl.algorithms.LearnerCatalog;
import dev.automl.engine.benchmark.BenchmarkRun;
import dev.automl.engine.benchmark.BenchmarkSuite;
import dev.automl.engine.benchmark.FoldResult;
import dev.automl.engine.benchmark.SuiteParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code automl benchmark SUITE.yml}: runs every dataset of a suite under the AutoML Benchmark's protocol. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Run a benchmark suite: 10 outer folds per dataset, a full AutoML job per fold, scored on the held-out tenth.")
final class BenchmarkCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SUITE.yml", description = "The suite file.")
    Path suiteFile;

    @Option(names = "--budget-seconds", paramLabel = "N", description = "Seconds per fold (default: the suite's budget_seconds).")
    Double budgetSeconds;

    @Option(names = "--folds", paramLabel = "0,1,2", description = "Which outer folds to run (default: the suite's folds).")
    String folds;

    @Option(names = "--output", paramLabel = "DIR", description = "Where to write results.csv and summary.md (default: outputs/<suite file name>).")
    Path output;

    @Override
    public Integer call() {
        BenchmarkSuite suite = SuiteParser.parse(suiteFile)
                .with(budgetSeconds, folds == null ? null : SuiteParser.parseFolds(folds));
        if (budgetSeconds != null && !(budgetSeconds > 0)) {
            throw new dev.automl.data.InvalidInputException("--budget-seconds must be more than 0.");
        }
        String name = suiteFile.getFileName().toString();
        Path out = output != null ? output : Path.of("outputs", name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
        long start = System.nanoTime();
        List<FoldResult> results = new BenchmarkRun(LearnerCatalog.standard(),
                line -> System.out.printf(Locale.ROOT, "[%7.1fs] %s%n", (System.nanoTime() - start) / 1e9, line),
                Runtime.getRuntime().availableProcessors()).execute(suite, out);
        long failed = results.stream().filter(r -> !r.ok()).count();
        System.out.println("Results in " + out.toAbsolutePath().normalize() + " (results.csv, summary.md)"
                + (failed > 0 ? "; " + failed + " folds failed" : ""));
        return 0;
    }
}
