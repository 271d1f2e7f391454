package dev.automl.algorithms.boosting;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.SearchSpace;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeatureView;
import dev.automl.featurization.Target;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Azure's {@code LightGBM} for classification and regression: LightGBM trained round by round under the trial's
 * deadline, early-stopped on the validation rows when there are some.
 */
public final class LightGbmLearner implements Learner {

    /** The Azure AutoML algorithm name. */
    public static final String NAME = "LightGBM";

    private static final double DEFAULT_LEARNING_RATE = 0.1;

    public LightGbmLearner() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Task> tasks() {
        return EnumSet.of(Task.CLASSIFICATION, Task.REGRESSION);
    }

    @Override
    public FeatureView view() {
        return FeatureView.TREES;
    }

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
        return 1.0;
    }

    @Override
    public SearchSpace space(Task task, DataShape shape) {
        return LightGbmConfigs.space(task, shape);
    }

    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        return LightGbmConfigs.portfolio(task, shape);
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        Target y = train.y();
        Task task = y.task();
        int numClasses = task == Task.CLASSIFICATION ? y.numClasses() : 0;
        if (task == Task.CLASSIFICATION && numClasses < 2) {
            throw new IllegalArgumentException("LightGBM classification needs at least 2 classes, got " + numClasses);
        }
        boolean earlyStopping = valid != null && valid.x().rows() > 0;
        if (earlyStopping && valid.x().cols() != train.x().cols()) {
            throw new IllegalArgumentException("validation rows have " + valid.x().cols()
                    + " features but training rows have " + train.x().cols());
        }
        int maxRounds = params.has(LibraryParams.ROUNDS) ? params.getInt(LibraryParams.ROUNDS, 0)
                : BoostingRounds.defaultRounds(earlyStopping,
                        params.getDouble("learning_rate", DEFAULT_LEARNING_RATE));
        if (maxRounds < 1) {
            throw new IllegalArgumentException("n_estimators must be at least 1, got " + maxRounds);
        }
        String libraryParams = libraryParams(params, task, numClasses, train.x().categorical(), ctx);

        LightGbmBooster.ensureNativeLoaded();
        LGBMDataset trainSet = null;
        LGBMDataset validSet = null;
        LightGbmBooster training = null;
        try {
            trainSet = dataset(train, libraryParams, null);
            training = LightGbmBooster.create(trainSet, libraryParams);
            EarlyStopping stopping = null;
            if (earlyStopping) {
                validSet = dataset(valid, libraryParams, trainSet);
                training.addValidData(validSet);
                stopping = EarlyStopping.forTrainingRows(train.x().rows());
            }
            LightGbmBooster booster = training;
            BoostingRounds.Outcome outcome = BoostingRounds.run(new BoostingRounds.Booster() {
                @Override
                public boolean boostOneRound() {
                    return booster.updateOneIter();
                }

                @Override
                public double validLoss() {
                    return booster.validLoss();
                }
            }, maxRounds, stopping, ctx.deadline());
            int kept = Math.max(1, outcome.bestRounds());
            // Rolling back keeps LightGBM's running validation scores, which are then the validation predictions
            // at the best round for free; predicting them again from a large model took longer than training.
            training.rollbackTo(kept);
            Predictions validPredictions = earlyStopping ? fromClassMajor(training.validPredictions(), task, numClasses,
                    valid.x().rows()) : null;
            Params fitted = params.with(LibraryParams.ROUNDS, kept);
            LightGbmModel model = LightGbmModel.owning(training, new ModelInfo(NAME, task, numClasses, kept, fitted),
                    ctx.threads(), validPredictions, outcome.timedOut(), outcome.refitShare(), trainSet, validSet);
            training = null;
            trainSet = null;
            validSet = null;
            return model;
        } finally {
            if (training != null) {
                training.close();
            }
            LightGbmBooster.closeQuietly(validSet);
            LightGbmBooster.closeQuietly(trainSet);
        }
    }

    /** LightGBM's class-major outputs (one value per row for binary) as row-major predictions. */
    static Predictions fromClassMajor(double[] values, Task task, int numClasses, int rows) {
        if (task == Task.REGRESSION) {
            return Predictions.regression(values);
        }
        int width = numClasses == 2 ? 1 : numClasses;
        double[] out = new double[rows * numClasses];
        double[] row = new double[width];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < width; k++) {
                row[k] = values[k * rows + i];
            }
            ClassProbabilities.writeRow(row, 0, numClasses, out, i);
        }
        return Predictions.probabilities(out, numClasses);
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return LightGbmModel.load(dir, task, numClasses, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The parameter string for both the datasets and the booster. The caller's hyperparameters pass through under
     * LightGBM's names; the objective, threads, seed and determinism settings are always this learner's.
     */
    static String libraryParams(Params params, Task task, int numClasses, BitSet categorical, TrialContext ctx) {
        TreeMap<String, String> p = LibraryParams.fromParams(params);
        if (params.getDouble("bagging_fraction", 1.0) < 1.0 && !params.has("bagging_freq")) {
            // LightGBM ignores bagging_fraction unless bagging_freq is set.
            p.put("bagging_freq", "1");
        }
        if (task == Task.REGRESSION) {
            p.put("objective", "regression");
            p.put("metric", "l2");
        } else if (numClasses == 2) {
            p.put("objective", "binary");
            p.put("metric", "binary_logloss");
        } else {
            p.put("objective", "multiclass");
            p.put("num_class", Integer.toString(numClasses));
            p.put("metric", "multi_logloss");
        }
        p.put("num_threads", Integer.toString(ctx.threads()));
        p.put("seed", Integer.toString(LibraryParams.seed(ctx.seed())));
        // LightGBM otherwise picks row- or column-wise histograms by timing both, which makes models differ
        // between runs; column-wise is its advice when threads are few, as in one trial's budget.
        p.put("deterministic", "true");
        if (!params.getBoolean("force_row_wise", false)) {
            p.put("force_col_wise", "true");
        }
        p.put("verbosity", "-1");
        if (!categorical.isEmpty()) {
            StringJoiner cols = new StringJoiner(",");
            categorical.stream().forEach(c -> cols.add(Integer.toString(c)));
            p.put("categorical_feature", cols.toString());
        }
        StringJoiner out = new StringJoiner(" ");
        for (Map.Entry<String, String> e : p.entrySet()) {
            out.add(e.getKey() + "=" + e.getValue());
        }
        return out.toString();
    }

    private static LGBMDataset dataset(TrainingData data, String params, LGBMDataset reference) {
        FeatureMatrix x = data.x();
        LGBMDataset dataset = null;
        try {
            dataset = LGBMDataset.createFromMat(x.values(), x.rows(), x.cols(), true, params, reference);
            dataset.setField("label", toFloats(data.y().y()));
            if (data.y().weights() != null) {
                dataset.setField("weight", toFloats(data.y().weights()));
            }
            return dataset;
        } catch (LGBMException e) {
            LightGbmBooster.closeQuietly(dataset);
            throw new IllegalStateException("LightGBM failed building a dataset: " + e.getMessage(), e);
        }
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
