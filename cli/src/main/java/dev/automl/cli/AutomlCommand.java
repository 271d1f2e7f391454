package dev.automl.cli;

import picocli.CommandLine.Command;

/** The top-level {@code automl} command, which only dispatches to its subcommands. */
@Command(name = "automl", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs Azure Machine Learning AutoML jobs (classification, regression) on this machine.",
        subcommands = {RunCommand.class, PredictCommand.class, ReportCommand.class, BenchmarkCommand.class})
final class AutomlCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
