package dev.automl.engine.validation;

import java.util.List;

/**
 * How trials are scored: the folds, and which rows the final model is refit on.
 *
 * @param fraction  the holdout share for {@link Kind#HOLDOUT}, 0 otherwise
 * @param refitRows the rows the final model trains on (all training rows; never user validation rows)
 */
public record ValidationPlan(Kind kind, List<Fold> folds, double fraction, int[] refitRows) {

    /** Azure's three ways to validate. */
    public enum Kind {
        HOLDOUT, KFOLD, USER;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ValidationPlan {
        folds = List.copyOf(folds);
    }

    /** Rows that carry a validation prediction: every row for k-fold, the validation rows otherwise. */
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
        java.util.Arrays.sort(out);
        return out;
    }
}
