package dev.automl.engine.trial;

import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Params;
import java.util.Map;

/** Leaderboard rows for tests, set by name: a learner's trial with a score, a time and what its refit repeats. */
public final class TrialRows {

    private static final LearnerCatalog CATALOG = LearnerCatalog.standard();

    private final int id;
    private final Candidate candidate;
    private TrialStatus status = TrialStatus.COMPLETED;
    private double score = Double.NaN;
    private double seconds = 1;
    private int folds = 1;
    private double refitShare = 1;
    private double[] predictions;

    private TrialRows(int id, Candidate candidate) {
        this.id = id;
        this.candidate = candidate;
    }

    /** A portfolio trial of the learner of that name, with its default hyperparameters. */
    public static TrialRows of(int id, String algorithm) {
        return of(id, algorithm, Params.empty(), 0);
    }

    public static TrialRows of(int id, String algorithm, Params params, int sampleRows) {
        return new TrialRows(id, new Candidate.Configuration(CATALOG.byName(algorithm).orElseThrow(), params,
                TrialOrigin.PORTFOLIO, sampleRows));
    }

    /** A row of the given candidate, such as an ensemble. */
    public static TrialRows of(int id, Candidate candidate) {
        return new TrialRows(id, candidate);
    }

    public TrialRows status(TrialStatus s) {
        this.status = s;
        return this;
    }

    public TrialRows score(double s) {
        this.score = s;
        return this;
    }

    public TrialRows seconds(double s) {
        this.seconds = s;
        return this;
    }

    /** How many folds have a model, and the share of the fitting work a refit repeats. */
    public TrialRows folds(int fitted, double share) {
        this.folds = fitted;
        this.refitShare = share;
        return this;
    }

    public TrialRows predictions(double[] p) {
        this.predictions = p;
        return this;
    }

    public TrialResult build() {
        if (status != TrialStatus.COMPLETED) {
            return TrialResult.failed(id, candidate, status, "failed in a test", seconds);
        }
        return TrialResult.completed(id, candidate, "", new TrialScores(Map.of(), score, predictions),
                new TrialFit(seconds, folds, candidate.params(), refitShare));
    }
}
