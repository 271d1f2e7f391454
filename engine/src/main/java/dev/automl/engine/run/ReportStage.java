package dev.automl.engine.run;

import dev.automl.report.RunReport;
import java.nio.file.Path;

/**
 * The run's last stage: writes the final summary.json from the other stages' results, then report.html from the run
 * folder's files, and says how the run ended. A report that cannot be written is said, never the run's end.
 */
final class ReportStage {

    private final RunContext ctx;

    ReportStage(RunContext ctx) {
        this.ctx = ctx;
    }

    AutoMLRun.Outcome report(Prepared p, SearchResult searched, EnsembleResult ensembles, FinishResult finished) {
        return report(p, searched, ensembles, finished, ExplainResult.skipped(null));
    }

    AutoMLRun.Outcome report(Prepared p, SearchResult searched, EnsembleResult ensembles, FinishResult finished,
                             ExplainResult explained) {
        if (searched.board().best().isEmpty()) {
            ctx.reporter().info("No trial completed; see " + ctx.out().path().resolve(RunDirectory.TRIALS)
                    + " for the reasons.");
        }
        ctx.out().writeSummary(RunSummary.finished(p, ctx, searched, ensembles, finished, explained,
                ctx.budget().elapsedSeconds()));
        try {
            Path report = RunReport.write(ctx.out().path());
            ctx.reporter().info("Report: " + report);
        } catch (RuntimeException e) {
            ctx.reporter().info("Writing " + RunReport.FILE + " failed (" + e.getMessage() + ")");
        }
        return new AutoMLRun.Outcome(searched.board(), ctx.out().path(), finished.saved() != null,
                searched.stoppedBecause(), finished.modelFailure());
    }
}
