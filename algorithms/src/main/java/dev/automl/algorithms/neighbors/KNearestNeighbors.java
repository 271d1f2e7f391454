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
    private static final Set<String> KNOWN = Set.of("n_neighbors", "weights", "kept_rows");

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
                new Hyperparameter.IntRange("n_neighbors", 1, Math.max(1, Math.min(100, shape.rows() / 4)), true),
                new Hyperparameter.Choice("weights", List.of("uniform", "distance"))));
    }

    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        return List.of(Params.of("n_neighbors", 5, "weights", "uniform"),
                Params.of("n_neighbors", 15, "weights", "distance"),
                Params.of("n_neighbors", 40, "weights", "distance"));
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        KnownParams.require(NAME, params, KNOWN);
        FiniteFeatures.require(train.x());
        int k = params.getInt("n_neighbors", 5);
        if (k < 1) {
            throw new IllegalArgumentException(NAME + ": n_neighbors must be at least 1");
        }
        String weights = params.getString("weights", "uniform");
        if (!weights.equals("uniform") && !weights.equals("distance")) {
            throw new IllegalArgumentException(NAME + ": weights must be uniform or distance, not " + weights);
        }
        int[] kept = keptRows(train.x().rows(), ctx.seed());
        FeatureMatrix x = kept == null ? train.x() : train.x().select(kept);
        double[] y = kept == null ? train.y().y().clone() : select(train.y().y(), kept);
        Params fitted = Params.of("n_neighbors", k, "weights", weights, "kept_rows", x.rows());
        return new KnnModel(train.y().task(), train.y().numClasses(), k, weights.equals("distance"), x.values().clone(),
                x.rows(), x.cols(), y, fitted, kept == null ? "" : RowSample.note(kept.length, train.x().rows(),
                        NAME + " keeps at most " + String.format(java.util.Locale.ROOT, "%,d", MAX_ROWS)));
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
}
