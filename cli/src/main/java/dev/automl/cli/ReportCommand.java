package dev.automl.cli;

import dev.automl.report.RunFolderException;
import dev.automl.report.RunReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code automl report}: writes report.html for a run folder from its files, as the run does at its end. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write RUN_DIR/report.html (one self-contained page: job, leaderboard, search over time, the best"
                + " model's charts, feature importance, featurization, timing) from the files of a run folder.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A folder `automl run` wrote (outputs/<job name>).")
    Path runDir;

    @Override
    public Integer call() {
        try {
            Path report = RunReport.write(runDir);
            System.out.println("Wrote " + report);
            return 0;
        } catch (RunFolderException e) {
            System.err.println("error: " + e.getMessage());
            return Main.EXIT_INPUT;
        }
    }
}
