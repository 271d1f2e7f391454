package dev.automl.engine.trial;

import dev.automl.algorithms.Params;

/**
 * What fitting a row took and found, for the leaderboard and for planning its refit on all rows.
 *
 * @param seconds     wall time of the trial, every fold included
 * @param foldsFitted how many folds have a model (fewer than planned when the job's end cut the trial short)
 * @param refitParams the parameters to refit with on all rows (such as the boosting rounds early stopping found)
 * @param refitShare  the share of the fitting work a refit with {@code refitParams} repeats (below 1 when early
 *                    stopping trained rounds past the best one)
 */
public record TrialFit(double seconds, int foldsFitted, Params refitParams, double refitShare) {
}
