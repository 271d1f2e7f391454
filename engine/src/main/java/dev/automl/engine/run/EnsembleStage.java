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
import java.util.Locale;

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
        Deadline by = ctx.budget().modelEnd().minusSeconds(TimeBudget.SAVE_SECONDS + 1.5
                + (estimate.required() ? board.best().map(estimate::seconds).orElse(0.0) : 0));
        EnsembleSettings settings = p.spec().ensembles();
        List<TrialResult> candidates = EnsembleBuilder.candidates(board.ranked());
        if (!estimate.required()) {
            double building = SearchStage.ENSEMBLE_BUILD_SECONDS
                    + SearchStage.ENSEMBLE_SECONDS_PER_ROW * p.plan().scoredRows().length;
            // The time finish will have for refits, as the search planned it: to the model's end less saving.
            double forRefits = ctx.budget().modelEnd().remainingSeconds() - TimeBudget.SAVE_SECONDS - building;
            Candidates onAll = onAllRows(candidates, estimate, forRefits);
            if (!onAll.left().isEmpty()) {
                String ids = String.join(", ", onAll.left().stream().limit(6).map(String::valueOf).toList())
                        + (onAll.left().size() > 6 ? ", ..." : "");
                ctx.reporter().info(String.format(Locale.ROOT, "Ensembles use the trials whose models will be on all"
                        + " %d training rows (%d of %d candidates): refitting trial(s) %s would not fit in the %.0f s"
                        + " left.", p.plan().refitRows().length, onAll.kept().size(), candidates.size(), ids,
                        forRefits));
            }
            candidates = onAll.kept();
        }
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

    /** The ensembles' candidates, and the sampled trials left out because their refit on all rows would not fit. */
    record Candidates(List<TrialResult> kept, List<Integer> left) {
    }

    /**
     * With a holdout on large data the search trained on samples; when the time left affords the refit of some of
     * them on all rows, the ensembles are built only from those and from the trials that saw all of their fold's
     * rows, so that the final model is trained on all rows, not partly on a sample (on the generated 3,000,000-row
     * table the stack kept three members' models of 50,000 to 200,000 rows): the best sampled trials first, as many
     * as their likely refits fit in {@code seconds} together (the search planned the leader's likely refit, and
     * {@link FinishStage} tries a refit that will likely fit). When none fits, every model is a sample's anyway, and
     * all candidates stay.
     */
    static Candidates onAllRows(List<TrialResult> candidates, RefitEstimate estimate, double seconds) {
        List<TrialResult> kept = new ArrayList<>();
        List<Integer> left = new ArrayList<>();
        double planned = 0;
        boolean anyRefit = false;
        for (TrialResult t : candidates) {
            if (!estimate.sampled(t)) {
                kept.add(t);
                continue;
            }
            double likely = estimate.refitSeconds(t) / RefitEstimate.SAFETY;
            if (planned + likely <= seconds) {
                planned += likely;
                kept.add(t);
                anyRefit = true;
            } else {
                left.add(t.id());
            }
        }
        return anyRefit ? new Candidates(kept, left) : new Candidates(candidates, List.of());
    }
}
