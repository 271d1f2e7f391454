package dev.automl.engine.run;

/** The run's last stage: writes the final summary.json from the other stages' results and says how the run ended. */
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
        return new AutoMLRun.Outcome(searched.board(), ctx.out().path(), finished.saved() != null,
                searched.stoppedBecause());
    }
}
