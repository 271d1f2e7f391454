package dev.automl.algorithms.boosting;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Hyperparameter.Choice;
import dev.automl.algorithms.Hyperparameter.IntRange;
import dev.automl.algorithms.Hyperparameter.RealRange;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.SearchSpace;
import dev.automl.data.Task;
import java.util.List;

/**
 * LightGBM's search space and its portfolio of strong starting configurations, under LightGBM's own parameter
 * names. {@code n_estimators} is this project's name for the upper bound of boosting rounds.
 */
final class LightGbmConfigs {

    private LightGbmConfigs() {
    }

    static SearchSpace space(Task task, DataShape shape) {
        // More leaves than rows cannot be grown; FLAML caps num_leaves at the row count the same way.
        int maxLeaves = Math.max(4, Math.min(1024, shape.rows()));
        // No n_estimators: the engine always gives validation rows, and early stopping picks the rounds.
        return SearchSpace.of(
                new IntRange("num_leaves", 4, maxLeaves, true),
                new RealRange("learning_rate", 0.005, 0.3, true),
                new IntRange("min_data_in_leaf", 2, 128, true),
                new RealRange("feature_fraction", 0.4, 1.0, false),
                new RealRange("bagging_fraction", 0.5, 1.0, false),
                new RealRange("lambda_l1", 1e-3, 10, true),
                new RealRange("lambda_l2", 1e-3, 10, true),
                new Choice("max_bin", List.of(63, 255)),
                new Choice("extra_trees", List.of(false, true)));
    }

    /** The cheap start point: AutoGluon's LightGBM default (learning rate 0.05, 31 leaves, early stopped). */
    static Params start() {
        return Params.of("learning_rate", 0.05, "num_leaves", 31);
    }

    /**
     * Best first. Rounds are left to early stopping (or to the default when there are no early-stopping rows).
     * Sources: AutoGluon tabular/configs/hyperparameter_configs.py and zeroshot/zeroshot_portfolio_2023.py (ordered
     * by AutoGluon's priority); LightAutoML lightautoml/ml_algo/boost_lgbm.py for the size rule.
     */
    static List<Params> portfolio(Task task, DataShape shape) {
        return List.of(
                start(),
                // AutoGluon zeroshot 2023 GBM r131 (priority -3)
                Params.of("feature_fraction", 0.70, "learning_rate", 0.0121, "min_data_in_leaf", 14, "num_leaves", 53),
                lightAutoMl(task, shape.rows()),
                // GBM r96 (-6)
                Params.of("extra_trees", true, "feature_fraction", 0.56, "learning_rate", 0.0152,
                        "min_data_in_leaf", 48, "num_leaves", 16),
                // GBM r188 (-14)
                Params.of("extra_trees", true, "feature_fraction", 0.83, "learning_rate", 0.0339,
                        "min_data_in_leaf", 6, "num_leaves", 127),
                // GBM r130 (-18)
                Params.of("feature_fraction", 0.62, "learning_rate", 0.0471, "min_data_in_leaf", 56, "num_leaves", 89),
                // GBM r161 (-27)
                Params.of("feature_fraction", 0.59, "learning_rate", 0.0105, "min_data_in_leaf", 11, "num_leaves", 252));
    }

    /** LightAutoML's default LightGBM, whose learning rate and leaves grow with the number of rows. */
    static Params lightAutoMl(Task task, int rows) {
        double lr;
        if (rows <= 10_000) {
            lr = 0.01;
        } else if (rows <= 20_000) {
            lr = 0.02;
        } else if (rows <= 100_000) {
            lr = 0.03;
        } else if (rows <= 300_000) {
            lr = 0.04;
        } else {
            lr = 0.05;
        }
        boolean classification = task == Task.CLASSIFICATION;
        int leaves;
        if (rows <= 5_000) {
            leaves = 16;
        } else if (rows <= 10_000) {
            leaves = classification ? 32 : 24;
        } else if (rows <= 20_000) {
            leaves = classification ? 64 : 32;
        } else if (rows <= 50_000) {
            leaves = 32;
        } else if (rows <= 100_000) {
            leaves = classification ? 64 : 32;
        } else if (rows <= 300_000) {
            leaves = classification ? 128 : 64;
        } else {
            leaves = classification ? 244 : 128;
        }
        double sampling = classification ? 0.7 : 0.9;
        return Params.of("learning_rate", lr, "num_leaves", leaves, "feature_fraction", sampling,
                "bagging_fraction", sampling, "bagging_freq", 1);
    }
}
