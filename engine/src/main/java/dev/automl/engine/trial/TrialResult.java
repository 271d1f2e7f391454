package dev.automl.engine.trial;

import dev.automl.algorithms.Params;
import java.util.Map;

/**
 * One leaderboard row: what was trained, how it ended, how it scored and what fitting it took.
 *
 * @param reason why it failed or timed out, or a note about a completed row (such as a sample of rows); empty for
 *               nothing to say
 */
public record TrialResult(int id, Candidate candidate, TrialStatus status, String reason, TrialScores scores,
                          TrialFit fit) {

    /** How the reason of a trial {@link #cutShort} begins; it then names the limit and how it was scored. */
    static final String CUT_SHORT = "cut short at ";

    /** A completed row. */
    public static TrialResult completed(int id, Candidate candidate, String note, TrialScores scores, TrialFit fit) {
        return new TrialResult(id, candidate, TrialStatus.COMPLETED, note, scores, fit);
    }

    /** A row without scores: it failed or timed out for the reason given. */
    public static TrialResult failed(int id, Candidate candidate, TrialStatus status, String reason, double seconds) {
        if (status == TrialStatus.COMPLETED) {
            throw new IllegalArgumentException("a failed row needs a status other than completed");
        }
        return new TrialResult(id, candidate, status, reason, TrialScores.NONE,
                new TrialFit(seconds, 0, candidate.params(), 1));
    }

    public boolean completed() {
        return status == TrialStatus.COMPLETED;
    }

    /** Whether the trial completed but was stopped at its deadline: a booster with fewer rounds, a smaller forest. */
    public boolean cutShort() {
        return completed() && reason != null && reason.startsWith(CUT_SHORT);
    }

    public String algorithm() {
        return candidate.algorithm();
    }

    public Params params() {
        return candidate.params();
    }

    public double score() {
        return scores.primary();
    }

    public Map<String, Double> metrics() {
        return scores.metrics();
    }

    public double[] validPredictions() {
        return scores.validPredictions();
    }

    public double fitSeconds() {
        return fit.seconds();
    }

    public int foldsFitted() {
        return fit.foldsFitted();
    }

    public Params refitParams() {
        return fit.refitParams();
    }

    public double refitShare() {
        return fit.refitShare();
    }

    /** How many of each fold's training rows the row trained on; 0 for all (and for ensembles). */
    public int sampleRows() {
        return candidate instanceof Candidate.Configuration c ? c.sampleRows() : 0;
    }

    /** Whether the row combines earlier rows rather than training one learner. */
    public boolean isEnsemble() {
        return candidate instanceof Candidate.Ensemble;
    }
}
