package dev.automl.engine.ensemble;

import dev.automl.algorithms.Learner;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Params;
import dev.automl.data.InvalidInputException;
import dev.automl.data.Task;
import dev.automl.engine.job.EnsembleSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack's meta-learner as {@code stack_meta_learner_type} names it, with the hyperparameters to try: one
 * configuration, or for the {@code CV} types a grid of penalties that cross-fitting chooses from (as
 * scikit-learn's LogisticRegressionCV and ElasticNetCV, which Azure uses by default).
 *
 * @param type       the Azure meta-learner type
 * @param candidates configurations to try, with {@code stack_meta_learner_kwargs} applied to each
 */
public record MetaLearnerChoice(String type, Learner learner, List<Params> candidates) {

    public static MetaLearnerChoice of(EnsembleSettings settings, Task task, LearnerCatalog catalog) {
        String type = settings.metaLearnerType() != null ? settings.metaLearnerType()
                : task == Task.CLASSIFICATION ? "LogisticRegressionCV" : "ElasticNetCV";
        Params kwargs = Params.of(settings.metaLearnerKwargs());
        List<Params> grid = switch (type) {
            // Our lambda is scikit-learn's 1 / C; LogisticRegressionCV tries C on a log grid.
            case "LogisticRegressionCV" -> withSolver(grid("lambda", 0.01, 0.1, 1.0, 10.0, 100.0));
            case "LogisticRegression" -> withSolver(List.of(Params.of("lambda", 1.0)));
            case "ElasticNetCV" -> grid("alpha", 1e-4, 1e-3, 1e-2, 1e-1, 1.0);
            case "ElasticNet" -> List.of(Params.of("alpha", 1e-3));
            // Ridge with a vanishing penalty: ordinary least squares that stays solvable for collinear members.
            case "LinearRegression" -> List.of(Params.of("alpha", 1e-8, "l1_ratio", 0.0));
            case "LightGBMClassifier", "LightGBMRegressor" -> List.of(Params.of("n_estimators", 100, "learning_rate", 0.05, "num_leaves", 8));
            default -> throw new InvalidInputException("Unknown stack_meta_learner_type '" + type + "'.");
        };
        String learnerName = switch (type) {
            case "LogisticRegressionCV", "LogisticRegression" -> "LogisticRegression";
            case "LightGBMClassifier", "LightGBMRegressor" -> "LightGBM";
            default -> "ElasticNet";
        };
        Learner learner = catalog.byName(learnerName).orElseThrow();
        List<Params> candidates = new ArrayList<>();
        for (Params p : grid) {
            Params merged = p.merge(kwargs);
            if (!candidates.contains(merged)) {
                candidates.add(merged);
            }
        }
        return new MetaLearnerChoice(type, learner, candidates);
    }

    /**
     * A looser tolerance than a trial's: a dozen log-probability features converge in tens of iterations, and the
     * stack is fitted many times over.
     */
    private static List<Params> withSolver(List<Params> grid) {
        return grid.stream().map(p -> p.merge(Params.of("tol", 1e-4, "max_iter", 100))).toList();
    }

    private static List<Params> grid(String key, double... values) {
        List<Params> out = new ArrayList<>();
        for (double v : values) {
            out.add(Params.of(key, v));
        }
        return out;
    }
}
