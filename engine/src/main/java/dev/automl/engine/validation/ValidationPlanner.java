package dev.automl.engine.validation;

import dev.automl.data.Task;
import dev.automl.featurization.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Chooses the validation scheme as Azure does (user data, else n_cross_validations, else by row count) and
 * splits rows, stratified by class for classification, reproducibly from a seed.
 */
public final class ValidationPlanner {

    /** Azure's thresholds: above 20,000 rows a 10 % holdout; from 1,000 rows 3 folds; below that 10 folds. */
    static final int HOLDOUT_ABOVE = 20_000;
    static final int FEW_ROWS = 1_000;
    static final double DEFAULT_HOLDOUT = 0.10;

    private ValidationPlanner() {
    }

    /**
     * @param target      labels of all rows: training rows first, then user validation rows
     * @param trainRows   how many leading rows are training data
     * @param folds       n_cross_validations, or null
     * @param holdout     validation_data_size, or null
     */
    public static ValidationPlan plan(Target target, int trainRows, Integer folds, Double holdout, long seed) {
        int total = target.size();
        int[] training = range(0, trainRows);
        if (total > trainRows) {
            return new ValidationPlan(ValidationPlan.Kind.USER, List.of(new Fold(training, range(trainRows, total))), 0, training);
        }
        if (folds != null) {
            return kfold(target, folds, seed);
        }
        if (holdout != null) {
            return holdout(target, holdout, seed);
        }
        if (total > HOLDOUT_ABOVE) {
            return holdout(target, DEFAULT_HOLDOUT, seed);
        }
        int k = total < FEW_ROWS ? 10 : 3;
        if (total < k) {
            throw new dev.automl.data.InvalidInputException("The training data has only " + total + (total == 1
                    ? " row" : " rows") + " with a target; under 1,000 rows the validation is 10-fold cross-validation,"
                    + " which needs at least 10. Add rows, or set n_cross_validations to fewer folds (at least 2).");
        }
        return kfold(target, k, seed);
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /** Rows shuffled within each stratum (one per class; one for regression), strata in class order. */
    private static List<int[]> strata(Target target, Random rng) {
        List<List<Integer>> groups = new ArrayList<>();
        if (target.task() == Task.CLASSIFICATION) {
            for (int k = 0; k < target.numClasses(); k++) {
                groups.add(new ArrayList<>());
            }
            for (int i = 0; i < target.size(); i++) {
                groups.get(target.classOf(i)).add(i);
            }
        } else {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < target.size(); i++) {
                all.add(i);
            }
            groups.add(all);
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> g : groups) {
            int[] rows = g.stream().mapToInt(Integer::intValue).toArray();
            for (int i = rows.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = rows[i];
                rows[i] = rows[j];
                rows[j] = t;
            }
            out.add(rows);
        }
        return out;
    }

    /** {@code k} stratified folds of the target's rows, drawn by the seed. */
    public static ValidationPlan kfold(Target target, int k, long seed) {
        if (k > target.size()) {
            throw new dev.automl.data.InvalidInputException("n_cross_validations is " + k + " but the training data has only "
                    + target.size() + " rows.");
        }
        Random rng = new Random(seed);
        List<List<Integer>> foldRows = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            foldRows.add(new ArrayList<>());
        }
        // Deal each stratum's shuffled rows round-robin, continuing where the previous stratum stopped, so
        // that fold sizes stay within one row of each other and every class spreads over the folds.
        int next = 0;
        for (int[] stratum : strata(target, rng)) {
            for (int row : stratum) {
                foldRows.get(next).add(row);
                next = (next + 1) % k;
            }
        }
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int[] valid = foldRows.get(f).stream().mapToInt(Integer::intValue).sorted().toArray();
            boolean[] inValid = new boolean[target.size()];
            for (int r : valid) {
                inValid[r] = true;
            }
            int[] train = new int[target.size() - valid.length];
            int at = 0;
            for (int i = 0; i < target.size(); i++) {
                if (!inValid[i]) {
                    train[at++] = i;
                }
            }
            folds.add(new Fold(train, valid));
        }
        return new ValidationPlan(ValidationPlan.Kind.KFOLD, folds, 0, range(0, target.size()));
    }

    static ValidationPlan holdout(Target target, double fraction, long seed) {
        Random rng = new Random(seed);
        List<Integer> valid = new ArrayList<>();
        for (int[] stratum : strata(target, rng)) {
            int take = (int) Math.round(stratum.length * fraction);
            for (int i = 0; i < take; i++) {
                valid.add(stratum[i]);
            }
        }
        int[] v = valid.stream().mapToInt(Integer::intValue).sorted().toArray();
        if (v.length == 0 || v.length == target.size()) {
            throw new dev.automl.data.InvalidInputException("A validation share of " + fraction + " leaves "
                    + (v.length == 0 ? "no validation rows" : "no training rows") + " in " + target.size() + " rows.");
        }
        boolean[] inValid = new boolean[target.size()];
        for (int r : v) {
            inValid[r] = true;
        }
        int[] train = Arrays.stream(range(0, target.size())).filter(i -> !inValid[i]).toArray();
        return new ValidationPlan(ValidationPlan.Kind.HOLDOUT, List.of(new Fold(train, v)), fraction, range(0, target.size()));
    }
}
