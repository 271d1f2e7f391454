package dev.automl.algorithms.boosting;

/**
 * Tracks the best validation loss over boosting rounds and says when patience has run out.
 */
final class EarlyStopping {

    private final int patience;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestRounds;

    EarlyStopping(int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1, got " + patience);
        }
        this.patience = patience;
    }

    /**
     * AutoGluon's rule for how many rounds without improvement to wait: {@code max(20, round(300 * min(1,
     * 10000 / rows)))}, autogluon/autogluon core/src/autogluon/core/models/_utils.py
     * ({@code get_early_stopping_rounds}); small data gets more patience because its validation loss is noisier.
     */
    static EarlyStopping forTrainingRows(int rows) {
        return new EarlyStopping(patienceFor(rows));
    }

    static int patienceFor(int rows) {
        double share = Math.min(1.0, 10_000.0 / Math.max(1, rows));
        return Math.max(20, (int) Math.round(300 * share));
    }

    int patience() {
        return patience;
    }

    /**
     * Records the validation loss after {@code rounds} rounds and returns true when the last {@code patience}
     * rounds brought no improvement. A NaN loss never counts as an improvement.
     */
    boolean record(int rounds, double loss) {
        if (loss < bestLoss) {
            bestLoss = loss;
            bestRounds = rounds;
        }
        return rounds - bestRounds >= patience;
    }

    /** Rounds of the best model so far; 0 before any finite loss was recorded. */
    int bestRounds() {
        return bestRounds;
    }

    double bestLoss() {
        return bestLoss;
    }
}
