package dev.automl.algorithms.boosting;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Hyperparameter.IntRange;
import dev.automl.algorithms.Hyperparameter.RealRange;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.SearchSpace;
import dev.automl.data.Task;
import java.util.List;

/**
 * XGBoost's search space and its portfolio of strong starting configurations, under XGBoost's own parameter
 * names. {@code n_estimators} is this project's name for the upper bound of boosting rounds.
 */
final class XGBoostConfigs {

    private XGBoostConfigs() {
    }

    static SearchSpace space(Task task, DataShape shape) {
        // No n_estimators: the engine always gives validation rows, and early stopping picks the rounds.
        return SearchSpace.of(
                new IntRange("max_depth", 3, 12, false),
                new RealRange("learning_rate", 0.005, 0.3, true),
                new RealRange("min_child_weight", 0.5, 20, true),
                new RealRange("subsample", 0.5, 1.0, false),
                new RealRange("colsample_bytree", 0.4, 1.0, false),
                new RealRange("reg_lambda", 1e-3, 10, true),
                new RealRange("reg_alpha", 1e-3, 10, true));
    }

    /** The cheap start point: XGBoost's default depth with AutoGluon's learning rate of 0.1. */
    static Params start() {
        return Params.of("max_depth", 6, "learning_rate", 0.1);
    }

    /**
     * Best first. AutoGluon's zeroshot 2023 configurations come in its priority order
     * (tabular/configs/zeroshot/zeroshot_portfolio_2023.py); H2O's XGBoost presets
     * (h2o-automl/.../modeling/XGBoostSteps.java) keep their depth, min_rows (min_child_weight) and sampling but
     * use learning rate 0.1 with early stopping instead of H2O's 0.3, and the deepest one comes last because it is
     * the costliest.
     */
    static List<Params> portfolio(Task task, DataShape shape) {
        return List.of(
                start(),
                // AutoGluon XGB r33 (priority -8)
                Params.of("colsample_bytree", 0.69, "learning_rate", 0.0181, "max_depth", 10, "min_child_weight", 0.60),
                // H2O def_1
                h2o(10, 5, 0.6),
                // H2O def_3
                h2o(5, 3, 0.8),
                // AutoGluon XGB r89 (-16)
                Params.of("colsample_bytree", 0.66, "learning_rate", 0.0878, "max_depth", 5, "min_child_weight", 0.63),
                // H2O def_2
                h2o(15, 10, 0.6));
    }

    private static Params h2o(int maxDepth, int minRows, double sampleRate) {
        return Params.of("max_depth", maxDepth, "min_child_weight", minRows, "subsample", sampleRate,
                "colsample_bytree", 0.8, "colsample_bylevel", 0.8, "learning_rate", 0.1);
    }
}
