package dev.automl.algorithms.boosting;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.SearchSpace;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeatureView;
import dev.automl.featurization.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Azure's {@code XGBoostClassifier} and {@code XGBoostRegressor}: XGBoost with histogram trees, trained round by
 * round under the trial's deadline and early-stopped on the validation rows when there are some. Uses only
 * xgboost4j's Java API, which needs no Scala library.
 */
public final class XGBoostLearner implements Learner {

    /** The Azure AutoML name of the classification learner. */
    public static final String CLASSIFIER = "XGBoostClassifier";
    /** The Azure AutoML name of the regression learner. */
    public static final String REGRESSOR = "XGBoostRegressor";

    /** AutoGluon's XGBoost learning rate; XGBoost's own default of 0.3 overfits small data quickly. */
    private static final double DEFAULT_LEARNING_RATE = 0.1;

    private static final XGBoostLearner CLASSIFIER_INSTANCE = new XGBoostLearner(Task.CLASSIFICATION);
    private static final XGBoostLearner REGRESSOR_INSTANCE = new XGBoostLearner(Task.REGRESSION);

    private final Task task;

    private XGBoostLearner(Task task) {
        this.task = task;
    }

    /** {@code XGBoostClassifier}. */
    public static XGBoostLearner classifier() {
        return CLASSIFIER_INSTANCE;
    }

    /** {@code XGBoostRegressor}. */
    public static XGBoostLearner regressor() {
        return REGRESSOR_INSTANCE;
    }

    @Override
    public String name() {
        return task == Task.CLASSIFICATION ? CLASSIFIER : REGRESSOR;
    }

    @Override
    public Set<Task> tasks() {
        return Set.of(task);
    }

    @Override
    public FeatureView view() {
        return FeatureView.TREES;
    }

    /** FLAML's cost of XGBoost relative to LightGBM (microsoft/FLAML flaml/automl/model.py). */
    @Override
    public boolean runsNativeCode() {
        return true;
    }

    /** Labels, weights and predictions only: the library keeps its binned copy of the rows in native memory. */
    @Override
    public long heapBytes(int rows, int features, int numClasses, Params params) {
        return 16L * rows * Math.max(1, numClasses);
    }

    @Override
    public double relativeCost() {
        return 1.6;
    }

    @Override
    public SearchSpace space(Task task, DataShape shape) {
        return XGBoostConfigs.space(task, shape);
    }

    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        return XGBoostConfigs.portfolio(task, shape);
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        Target y = train.y();
        if (y.task() != task) {
            throw new IllegalArgumentException(name() + " fits " + task.id() + " only, not " + y.task().id());
        }
        double learningRate = params.getDouble("learning_rate", params.getDouble("eta", DEFAULT_LEARNING_RATE));
        Map<String, String> library = new HashMap<>(LibraryParams.fromParams(params));
        if (!params.has("learning_rate") && !params.has("eta")) {
            library.put("learning_rate", LibraryParams.format("learning_rate", DEFAULT_LEARNING_RATE));
        }
        library.put("tree_method", "hist");
        return train(name(), train, valid, params, library, learningRate, true, ctx);
    }

    /**
     * Boosts round by round under the deadline, early-stopping on {@code valid} when it has rows.
     *
     * @param params     the hyperparameters as the learner's user named them, recorded with the rounds kept
     * @param library    XGBoost's parameters for them, tree method included; objective, threads and seed are added
     * @param categories whether category codes are split as categories (the hist method only) or as numbers
     */
    static FittedModel train(String name, TrainingData train, TrainingData valid, Params params,
            Map<String, String> library, double learningRate, boolean categories, TrialContext ctx) {
        Task task = train.y().task();
        int numClasses = task == Task.CLASSIFICATION ? train.y().numClasses() : 0;
        if (task == Task.CLASSIFICATION && numClasses < 2) {
            throw new IllegalArgumentException(name + " needs at least 2 classes, got " + numClasses);
        }
        boolean earlyStopping = valid != null && valid.x().rows() > 0;
        if (earlyStopping && valid.x().cols() != train.x().cols()) {
            throw new IllegalArgumentException("validation rows have " + valid.x().cols()
                    + " features but training rows have " + train.x().cols());
        }
        int maxRounds = params.has(LibraryParams.ROUNDS) ? params.getInt(LibraryParams.ROUNDS, 0)
                : BoostingRounds.defaultRounds(earlyStopping, learningRate);
        if (maxRounds < 1) {
            throw new IllegalArgumentException("n_estimators must be at least 1, got " + maxRounds);
        }
        Map<String, Object> libraryParams = libraryParams(library, numClasses, ctx);

        DMatrix trainSet = null;
        DMatrix validSet = null;
        Booster training = null;
        try {
            trainSet = matrix(train, categories);
            Map<String, DMatrix> watches = new HashMap<>();
            EarlyStopping stopping = null;
            if (earlyStopping) {
                validSet = matrix(valid, categories);
                // Passing the validation matrix at creation puts it in the booster's prediction cache, so each
                // round's evaluation adds one tree's predictions instead of recomputing all of them.
                watches.put("valid", validSet);
                stopping = EarlyStopping.forTrainingRows(train.x().rows());
            }
            // Zero rounds: only creates the booster; rounds are run below one at a time.
            training = XGBoost.train(trainSet, libraryParams, 0, watches, null, null);
            BoostingRounds.Outcome outcome = BoostingRounds.run(
                    new Rounds(training, trainSet, validSet), maxRounds, stopping, ctx.deadline());
            // Reloading frees the training caches and makes this model predict exactly as the one load() will
            // read back. Binary JSON (UBJSON) carries the same model as the JSON that save() writes, and is
            // several times faster to write and parse for models of thousands of trees.
            Booster kept = XGBoostModel.boosterFromJson(training.toByteArray("ubj"));
            Params fitted = params.with(LibraryParams.ROUNDS, outcome.bestRounds());
            return new XGBoostModel(kept, new ModelInfo(name, task, numClasses, outcome.bestRounds(), fitted),
                    ctx.threads(), outcome.timedOut(), outcome.refitShare());
        } catch (XGBoostError e) {
            throw new IllegalStateException(name + ": XGBoost failed: " + e.getMessage(), e);
        } finally {
            if (training != null) {
                training.dispose();
            }
            if (validSet != null) {
                validSet.dispose();
            }
            if (trainSet != null) {
                trainSet.dispose();
            }
        }
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        if (task != this.task) {
            throw new IOException(name() + " cannot load a " + task.id() + " model from " + dir);
        }
        return XGBoostModel.load(dir, name(), task, numClasses, Runtime.getRuntime().availableProcessors());
    }

    /** {@code library} plus the objective, threads and seed, which are always the trial's. */
    private static Map<String, Object> libraryParams(Map<String, String> library, int numClasses, TrialContext ctx) {
        Map<String, Object> p = new HashMap<>(library);
        if (numClasses == 0) {
            p.put("objective", "reg:squarederror");
            p.put("eval_metric", "rmse");
        } else if (numClasses == 2) {
            p.put("objective", "binary:logistic");
            p.put("eval_metric", "logloss");
        } else {
            p.put("objective", "multi:softprob");
            p.put("num_class", Integer.toString(numClasses));
            p.put("eval_metric", "mlogloss");
        }
        p.put("nthread", Integer.toString(ctx.threads()));
        p.put("seed", Integer.toString(LibraryParams.seed(ctx.seed())));
        p.put("verbosity", "0");
        return p;
    }

    private static DMatrix matrix(TrainingData data, boolean categories) throws XGBoostError {
        FeatureMatrix x = data.x();
        DMatrix m = new DMatrix(x.values(), x.rows(), x.cols(), Float.NaN);
        try {
            m.setLabel(toFloats(data.y().y()));
            if (data.y().weights() != null) {
                m.setWeight(toFloats(data.y().weights()));
            }
            BitSet categorical = x.categorical();
            if (categories && !categorical.isEmpty()) {
                // 'c' makes hist split category codes natively (partitions of categories), not as numbers.
                String[] types = new String[x.cols()];
                for (int j = 0; j < types.length; j++) {
                    types[j] = categorical.get(j) ? "c" : "q";
                }
                m.setFeatureTypes(types);
            }
            return m;
        } catch (XGBoostError | RuntimeException e) {
            m.dispose();
            throw e;
        }
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** One XGBoost round and its validation loss, as {@link BoostingRounds} runs them. */
    private static final class Rounds implements BoostingRounds.Booster {
        private final Booster booster;
        private final DMatrix train;
        private final DMatrix valid;
        private int iteration;

        Rounds(Booster booster, DMatrix train, DMatrix valid) {
            this.booster = booster;
            this.train = train;
            this.valid = valid;
        }

        @Override
        public boolean boostOneRound() {
            try {
                booster.update(train, iteration++);
                return true;
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost failed training: " + e.getMessage(), e);
            }
        }

        /** Parses XGBoost's own evaluation line, e.g. {@code [12]\tvalid-logloss:0.4113}, at full precision. */
        @Override
        public double validLoss() {
            String line;
            try {
                line = booster.evalSet(new DMatrix[] {valid}, new String[] {"valid"}, iteration - 1);
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost failed evaluating: " + e.getMessage(), e);
            }
            String[] fields = line.split("\t");
            if (fields.length < 2 || fields[1].lastIndexOf(':') < 0) {
                throw new IllegalStateException("unexpected XGBoost evaluation output: " + line);
            }
            String value = fields[1].substring(fields[1].lastIndexOf(':') + 1).trim();
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }
}
