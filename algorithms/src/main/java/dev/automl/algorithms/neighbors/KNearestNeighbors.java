package dev.automl.algorithms.neighbors;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.FiniteFeatures;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Hyperparameter;
import dev.automl.algorithms.KnownParams;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.RowSample;
import dev.automl.algorithms.SearchSpace;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeatureView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Azure's {@code KNN} for classification and regression: the {@code n_neighbors} nearest training rows by Euclidean
 * distance on the standardised, one-hot features, found by Smile's neighbour search; classes by their (weighted)
 * share of the neighbours, numbers by the (weighted) mean. Smile has no nearest-neighbour regression, so this
 * learner does both tasks itself on Smile's search. Sample weights are ignored.
 *
 * <p>Each prediction compares a row with every kept training row, so above {@link #MAX_ROWS} training rows a
 * seeded random sample of that many is kept; the fitted {@code kept_rows} says how many, on the leaderboard.
 * Hyperparameters (scikit-learn's names): {@code n_neighbors} (default 5) and {@code weights} ("uniform" or
 * "distance").
 */
public final class KNearestNeighbors implements Learner {

    public static final String NAME = "KNN";
    /** The most training rows kept: predicting one validation row then costs about as much as a small forest's. */
    public static final int MAX_ROWS = 20_000;
    /** Fitting only stores rows; predicting the validation rows is the cost, about half a LightGBM trial's. */
    static final double RELATIVE_COST = 0.5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Task> tasks() {
        return Set.of(Task.CLASSIFICATION, Task.REGRESSION);
    }

    @Override
    public FeatureView view() {
        return FeatureView.LINEAR;
    }

    /** Nearest neighbours are rarely competitive on tabular data: they run only when the job allows them by name. */
    @Override
    public boolean inDefaultSearch() {
        return false;
    }

    @Override
    public double relativeCost() {
        return RELATIVE_COST;
    }

    @Override
    public SearchSpace space(Task task, DataShape shape) {
        return new SearchSpace(List.of(
                new Hyperparameter.IntRange(Options.N_NEIGHBORS, 1, Math.max(1, Math.min(100, shape.rows() / 4)), true),
                new Hyperparameter.Choice(Options.WEIGHTS, Weights.choices())));
    }

    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        // scikit-learn's defaults first, with their values set.
        return List.of(Options.of(Params.empty()).toParams(), new Options(15, Weights.DISTANCE).toParams(),
                new Options(40, Weights.DISTANCE).toParams());
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        Options options = Options.of(params);
        FiniteFeatures.require(train.x());
        int[] kept = keptRows(train.x().rows(), ctx.seed());
        FeatureMatrix x = kept == null ? train.x() : train.x().select(kept);
        double[] y = kept == null ? train.y().y().clone() : select(train.y().y(), kept);
        return new KnnModel(train.y().task(), train.y().numClasses(), options.nNeighbors(),
                options.weights() == Weights.DISTANCE, x.values().clone(), x.rows(), x.cols(), y,
                options.fitted(x.rows()), kept == null ? "" : RowSample.note(kept.length, train.x().rows(),
                        NAME + " keeps at most " + String.format(Locale.ROOT, "%,d", MAX_ROWS)));
    }

    /** A seeded random choice of {@link #MAX_ROWS} rows, ascending, or null to keep all. */
    static int[] keptRows(int rows, long seed) {
        return RowSample.of(rows, MAX_ROWS, seed);
    }

    private static double[] select(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        return KnnModel.load(dir, task, numClasses);
    }

    /** How the neighbours' targets are averaged, under scikit-learn's names. */
    enum Weights {
        UNIFORM, DISTANCE;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static List<Object> choices() {
            return List.of(UNIFORM.value(), DISTANCE.value());
        }

        /** The weighting of that name, spelt exactly. */
        static Weights of(String value) {
            for (Weights w : values()) {
                if (w.value().equals(value)) {
                    return w;
                }
            }
            throw new IllegalArgumentException(NAME + ": weights must be uniform or distance, not " + value);
        }
    }

    /**
     * KNN's hyperparameters with scikit-learn's defaults applied. {@code kept_rows} is what a fit records, not a
     * setting: it is taken, so that fitted params refit, and ignored.
     */
    record Options(int nNeighbors, Weights weights) {

        static final String N_NEIGHBORS = "n_neighbors";
        static final String WEIGHTS = "weights";
        static final String KEPT_ROWS = "kept_rows";
        static final Set<String> KEYS = Set.of(N_NEIGHBORS, WEIGHTS, KEPT_ROWS);

        static Options of(Params params) {
            KnownParams.require(NAME, params, KEYS);
            int k = params.getInt(N_NEIGHBORS, 5);
            if (k < 1) {
                throw new IllegalArgumentException(NAME + ": n_neighbors must be at least 1");
            }
            return new Options(k, params.has(WEIGHTS) ? Weights.of(params.getString(WEIGHTS, "")) : Weights.UNIFORM);
        }

        /** Every hyperparameter, defaults included. */
        Params toParams() {
            return Params.of(N_NEIGHBORS, nNeighbors, WEIGHTS, weights.value());
        }

        /** The fitted params: these hyperparameters and the number of training rows the model keeps. */
        Params fitted(int keptRows) {
            return toParams().with(KEPT_ROWS, keptRows);
        }
    }
}
