package dev.automl.algorithms;

import dev.automl.algorithms.bayes.MultinomialNaiveBayes;
import dev.automl.algorithms.boosting.GradientBoosting;
import dev.automl.algorithms.boosting.LightGbmLearner;
import dev.automl.algorithms.boosting.XGBoostLearner;
import dev.automl.algorithms.forecasting.Average;
import dev.automl.algorithms.forecasting.GlobalForecaster;
import dev.automl.algorithms.forecasting.Naive;
import dev.automl.algorithms.forecasting.SeasonalAverage;
import dev.automl.algorithms.forecasting.SeasonalNaive;
import dev.automl.algorithms.forecasting.arima.Arimax;
import dev.automl.algorithms.forecasting.arima.AutoArima;
import dev.automl.algorithms.forecasting.ets.ExponentialSmoothing;
import dev.automl.algorithms.forecasting.prophet.Prophet;
import dev.automl.algorithms.forest.DecisionTree;
import dev.automl.algorithms.forest.ExtremeRandomTrees;
import dev.automl.algorithms.forest.RandomForest;
import dev.automl.algorithms.linear.BernoulliNaiveBayes;
import dev.automl.algorithms.linear.ElasticNet;
import dev.automl.algorithms.linear.LassoLars;
import dev.automl.algorithms.linear.LinearSvm;
import dev.automl.algorithms.linear.LogisticRegression;
import dev.automl.algorithms.linear.StochasticGradientDescent;
import dev.automl.algorithms.neighbors.KNearestNeighbors;
import dev.automl.algorithms.svm.SupportVectorMachine;
import dev.automl.data.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every learner the engine can run, found by its Azure algorithm name. */
public final class LearnerCatalog {

    /** Azure's classification algorithm names, as its docs list them. */
    public static final List<String> AZURE_CLASSIFICATION = List.of("LogisticRegression", "SGD",
            "MultinomialNaiveBayes", "BernoulliNaiveBayes", "SVM", "LinearSVM", "KNN", "DecisionTree",
            "RandomForest", "ExtremeRandomTrees", "LightGBM", "GradientBoosting", "XGBoostClassifier");
    /** Azure's regression algorithm names. */
    public static final List<String> AZURE_REGRESSION = List.of("ElasticNet", "LassoLars", "SGD", "KNN",
            "DecisionTree", "RandomForest", "ExtremeRandomTrees", "LightGBM", "GradientBoosting", "XGBoostRegressor");

    /**
     * Azure's forecasting algorithm names: its series models, then the regression algorithms it trains as global
     * models on the series' features.
     */
    public static final List<String> AZURE_FORECASTING = List.of("AutoArima", "Prophet", "Naive", "SeasonalNaive",
            "Average", "SeasonalAverage", "ExponentialSmoothing", "Arimax", "TCNForecaster", "ElasticNet", "LassoLars",
            "SGD", "KNN", "DecisionTree", "RandomForest", "ExtremeRandomTrees", "LightGBM", "GradientBoosting",
            "XGBoostRegressor");

    private final List<Learner> learners;

    public LearnerCatalog(List<Learner> learners) {
        this.learners = List.copyOf(learners);
    }

    /** The learners this build ships. */
    public static LearnerCatalog standard() {
        return new LearnerCatalog(List.of(new LightGbmLearner(), XGBoostLearner.classifier(), XGBoostLearner.regressor(),
                new RandomForest(), new ExtremeRandomTrees(), new LogisticRegression(), new ElasticNet(), new DecisionTree(),
                new KNearestNeighbors(), new StochasticGradientDescent(), new LinearSvm(), new SupportVectorMachine(),
                new MultinomialNaiveBayes(), new LassoLars(), new GradientBoosting(), new BernoulliNaiveBayes(),
                new Naive(), new SeasonalNaive(), new Average(), new SeasonalAverage(), new ExponentialSmoothing(),
                new AutoArima(), new Arimax(), new Prophet()));
    }

    /** The same catalog with each learner replaced by what {@code f} makes of it, such as a decorated learner. */
    public LearnerCatalog map(java.util.function.UnaryOperator<Learner> f) {
        return new LearnerCatalog(learners.stream().map(f).toList());
    }

    /** Azure matches algorithm names ignoring case and underscores: {@code light_gbm} is {@code LightGBM}. */
    public static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    }

    public static List<String> azureNames(Task task) {
        return switch (task) {
            case CLASSIFICATION -> AZURE_CLASSIFICATION;
            case REGRESSION -> AZURE_REGRESSION;
            case FORECASTING -> AZURE_FORECASTING;
        };
    }

    /**
     * The order a forecasting job tries its learners in: the naive forecasts first (they cost next to nothing and
     * set the bar), then the strongest of each kind before the weaker ones, so that a job of a few trials (Azure's
     * examples allow ten) meets both the series models and a global one; the rest follow in catalog order.
     */
    static final List<String> FORECASTING_ORDER = List.of("Naive", "SeasonalNaive", "ExponentialSmoothing", "LightGBM",
            "Arimax", "Prophet", "AutoArima", "XGBoostRegressor", "Average", "SeasonalAverage");

    /**
     * The learners for a task, in catalog order; a forecasting job's are its series models and, as Azure does, every
     * regression learner as a global model over all series, in {@link #FORECASTING_ORDER}.
     */
    public List<Learner> forTask(Task task) {
        List<Learner> out = new ArrayList<>();
        for (Learner l : learners) {
            if (l.tasks().contains(task)) {
                out.add(l);
            }
        }
        if (task == Task.FORECASTING) {
            for (Learner l : learners) {
                if (l.tasks().contains(Task.REGRESSION)) {
                    out.add(new GlobalForecaster(l));
                }
            }
            out.sort(Comparator.comparingInt(l -> {
                int at = FORECASTING_ORDER.indexOf(l.name());
                return at < 0 ? FORECASTING_ORDER.size() : at;
            }));
        }
        return out;
    }

    /**
     * The learners a job runs, in catalog order: those {@code allowed} names (when it names none, those in the
     * default search), less those {@code blocked} names; names are the learners' own.
     */
    public List<Learner> select(Task task, List<String> allowed, List<String> blocked) {
        List<Learner> out = new ArrayList<>();
        for (Learner l : forTask(task)) {
            boolean in = allowed.isEmpty() ? l.inDefaultSearch() : allowed.contains(l.name());
            if (in && !blocked.contains(l.name())) {
                out.add(l);
            }
        }
        return out;
    }

    /** The learner with this name (in any spelling Azure accepts) for a task. */
    public Optional<Learner> find(String name, Task task) {
        String key = normalise(name);
        for (Learner l : forTask(task)) {
            if (normalise(l.name()).equals(key)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The learner saved under this exact name for a task: a forecasting model's regression learner is global. */
    public Optional<Learner> byName(String name, Task task) {
        for (Learner l : forTask(task)) {
            if (l.name().equals(name)) {
                return Optional.of(l);
            }
        }
        return byName(name);
    }

    /** The learner saved under this exact name, whatever the task. */
    public Optional<Learner> byName(String name) {
        for (Learner l : learners) {
            if (l.name().equals(name)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
