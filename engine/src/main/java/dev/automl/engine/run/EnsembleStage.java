package dev.automl.engine.run;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.engine.ensemble.EnsembleBuilder;
import dev.automl.engine.ensemble.MetaLearnerChoice;
import dev.automl.engine.job.EnsembleSettings;
import dev.automl.engine.trial.Candidate;
import dev.automl.engine.trial.Leaderboard;
import dev.automl.engine.trial.TrialResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The ensemble stage, Azure's last two iterations: builds the voting and the stack ensemble (as the job allows)
 * from the trials' validation predictions, and adds them to the leaderboard. It may not take the time that the
 * best trial's own refit needs.
 */
final class EnsembleStage {

    private final LearnerCatalog catalog;
    private final RunContext ctx;

    EnsembleStage(LearnerCatalog catalog, RunContext ctx) {
        this.catalog = catalog;
        this.ctx = ctx;
    }

    EnsembleResult build(Prepared p, SearchResult searched) {
        long start = System.nanoTime();
        Leaderboard board = searched.board();
        RefitEstimate estimate = searched.estimate();
        Deadline by = ctx.budget().jobEnd().minusSeconds(TimeBudget.SAVE_SECONDS + 1.5
                + (estimate.required() ? board.best().map(estimate::seconds).orElse(0.0) : 0));
        EnsembleSettings settings = p.spec().ensembles();
        List<TrialResult> candidates = EnsembleBuilder.candidates(board.ranked());
        if (!(settings.vote() || settings.stack()) || candidates.size() < 2) {
            return EnsembleResult.none(RunContext.secondsSince(start));
        }
        MetaLearnerChoice meta = settings.stack() ? MetaLearnerChoice.of(settings, p.data().target().task(), catalog) : null;
        EnsembleBuilder builder = new EnsembleBuilder(p.scorer(), p.data().target().select(p.plan().scoredRows()), meta,
                ctx.seed());
        int nextId = board.nextId();
        // The vote's selection also picks the stack's members, so it runs even when only the stack is wanted.
        TrialResult vote = builder.vote(nextId, candidates, by);
        List<TrialResult> built = new ArrayList<>();
        if (settings.vote()) {
            built.add(vote);
            nextId++;
        }
        if (settings.stack()) {
            built.add(builder.stack(nextId, candidates, ((Candidate.Vote) vote.candidate()).memberIds(), by));
        }
        for (TrialResult row : built) {
            board.add(row);
            ctx.out().record(row, board);
            ctx.reporter().trialFinished(row, board);
        }
        return new EnsembleResult(built, RunContext.secondsSince(start));
    }
}
