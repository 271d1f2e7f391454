package dev.automl.algorithms.boosting;

import dev.automl.algorithms.Deadline;

/**
 * Runs boosting one round at a time, between rounds asking the deadline whether to go on and the validation
 * loss whether to stop early, so that both libraries keep time limits and early stopping the same way.
 */
final class BoostingRounds {

    /** What a library must do for one round. */
    interface Booster {
        /** Adds one round; false when the library cannot grow the model any further. */
        boolean boostOneRound();

        /** The loss on the early-stopping rows of the model as it is now. */
        double validLoss();
    }

    /**
     * How training ended.
     *
     * @param rounds     rounds trained
     * @param bestRounds rounds of the model to keep: the best validation loss, or all rounds without validation
     * @param timedOut   whether the deadline cut training short
     */
    record Outcome(int rounds, int bestRounds, boolean timedOut) {

        /** The share of the rounds trained that a refit to {@code bestRounds} trains again. */
        double refitShare() {
            return rounds == 0 ? 1 : Math.min(1.0, (double) Math.max(1, bestRounds) / rounds);
        }
    }

    private BoostingRounds() {
    }

    /**
     * Trains up to {@code maxRounds} rounds. At least one round is always trained so that the model is usable
     * even when the deadline had passed before the start. Training also stops when the time left is shorter than
     * the last round took, as FLAML's LightGBM/XGBoost callbacks do (microsoft/FLAML flaml/automl/model.py), so
     * that a slow round does not overrun the deadline.
     *
     * @param stopping null when there are no early-stopping rows
     */
    static Outcome run(Booster booster, int maxRounds, EarlyStopping stopping, Deadline deadline) {
        int rounds = 0;
        long lastRoundNanos = 0;
        boolean timedOut = false;
        while (rounds < maxRounds) {
            if (rounds > 0 && (deadline.expired() || deadline.remainingSeconds() * 1e9 < lastRoundNanos)) {
                timedOut = true;
                break;
            }
            long start = System.nanoTime();
            if (!booster.boostOneRound()) {
                break;
            }
            rounds++;
            if (stopping != null && stopping.record(rounds, booster.validLoss())) {
                break;
            }
            lastRoundNanos = System.nanoTime() - start;
        }
        int best = rounds;
        if (stopping != null && stopping.bestRounds() > 0) {
            best = stopping.bestRounds();
        }
        return new Outcome(rounds, rounds == 0 ? 0 : Math.max(1, Math.min(best, rounds)), timedOut);
    }

    /**
     * Rounds to train when the caller set none: an upper bound of 10,000 when early stopping picks the real
     * count (AutoGluon's LightGBM and XGBoost default), otherwise 100 rounds at learning rate 0.1 (LightGBM's and
     * scikit-learn's defaults) scaled so that rounds x learning rate stays 10.
     */
    static int defaultRounds(boolean earlyStopping, double learningRate) {
        if (earlyStopping) {
            return 10_000;
        }
        long rounds = Math.round(10.0 / learningRate);
        return (int) Math.max(10, Math.min(10_000, rounds));
    }
}
