package dev.automl.cli;

import dev.automl.data.InvalidInputException;
import picocli.CommandLine;

/** The {@code automl} command line: parses arguments and turns every failure into a message and an exit code. */
public final class Main {

    /** Exit code for a problem with the user's job, files or data. */
    static final int EXIT_INPUT = 2;
    /** Exit code for a run that finished without a model, or an internal error. */
    static final int EXIT_FAILED = 1;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        CommandLine cli = new CommandLine(new AutomlCommand());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof InvalidInputException) {
                cmd.getErr().println("error: " + e.getMessage());
                return EXIT_INPUT;
            }
            cmd.getErr().println("internal error: " + e);
            if (System.getenv("AUTOML_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("(set AUTOML_DEBUG=1 to see where)");
            }
            return EXIT_FAILED;
        });
        cli.setParameterExceptionHandler((e, params) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("error: " + e.getMessage());
            cmd.getErr().println("Usage: " + cmd.getHelp().synopsis(0).strip());
            return EXIT_INPUT;
        });
        return cli.execute(args);
    }
}
