package dev.automl.engine.validation;

import java.util.List;

/**
 * How trials are scored: the folds, and which rows the final model is refit on. The rows trials are scored on
 * ({@link #scoredRows}) are every fold's validation rows: a partition of them for holdout, k-fold and user data,
 * and for rolling origin the folds' windows one after another, since consecutive windows may share rows.
 *
 * @param fraction  the holdout share for {@link Kind#HOLDOUT}, 0 otherwise
 * @param refitRows the rows the final model trains on (all training rows; never user validation rows)
 */
public record ValidationPlan(Kind kind, List<Fold> folds, double fraction, int[] refitRows) {

    /** Azure's ways to validate: three for tabular data, rolling origin for forecasting. */
    public enum Kind {
        HOLDOUT, KFOLD, USER, ROLLING_ORIGIN;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ValidationPlan {
        folds = List.copyOf(folds);
    }

    /**
     * The rows trials are scored on, in the order of their predictions: every row for k-fold, the validation rows
     * for a holdout or user data (ascending), each fold's window in fold order for rolling origin.
     */
    public int[] scoredRows() {
        int n = 0;
        for (Fold f : folds) {
            n += f.valid().length;
        }
        int[] out = new int[n];
        int at = 0;
        for (Fold f : folds) {
            System.arraycopy(f.valid(), 0, out, at, f.valid().length);
            at += f.valid().length;
        }
        if (kind != Kind.ROLLING_ORIGIN) {
            java.util.Arrays.sort(out);
        }
        return out;
    }

    /**
     * The fold whose models stand in when a final refit does not fit: the first, or for rolling origin the last,
     * whose training rows reach nearest the end of each series (the first fold's would forecast from further back).
     */
    public int standInFold() {
        return kind == Kind.ROLLING_ORIGIN ? folds.size() - 1 : 0;
    }

    /** The stand-in fold as a leaderboard note says it: "first" or "last". */
    public String standInFoldName() {
        return kind == Kind.ROLLING_ORIGIN && folds.size() > 1 ? "last" : "first";
    }

    /** Where each validation row of a fold lies in {@link #scoredRows}, in the fold's row order. */
    public int[] scoredPositions(int fold) {
        int[] valid = folds.get(fold).valid();
        int[] out = new int[valid.length];
        if (kind == Kind.ROLLING_ORIGIN) {
            int offset = 0;
            for (int f = 0; f < fold; f++) {
                offset += folds.get(f).valid().length;
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = offset + i;
            }
            return out;
        }
        int[] scored = scoredRows();
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.binarySearch(scored, valid[i]);
        }
        return out;
    }
}
