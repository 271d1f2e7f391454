package dev.automl.engine.explain;

import dev.automl.algorithms.Contributions;
import dev.automl.algorithms.Deadline;
import dev.automl.data.Task;
import dev.automl.engine.model.Combination;
import dev.automl.engine.model.Member;
import dev.automl.engine.model.TrainedPipeline;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeatureView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole pipeline's exact SHAP values for some rows, per engineered feature and per raw column (a raw column's
 * contribution is the sum of its engineered features', as Azure's raw explanations), when every member gives
 * contributions and the members combine linearly in their margins.
 *
 * @param outputs     margins per row: 1 for regression and for a binary model's log-odds, else one per class
 * @param features    the engineered features, over every view the members read
 * @param sources     each feature's raw column
 * @param columns     the raw columns, in the order their first feature appears
 * @param engineered  row-major: feature {@code j}'s contribution to output {@code k} of row {@code r} at
 *                    {@code (r * outputs + k) * features + j}
 * @param raw         the same for the raw columns
 * @param base        each output's expected margin
 */
public record PipelineContributions(int rows, int outputs, List<String> features, List<String> sources,
                                    List<String> columns, double[] engineered, double[] raw, double[] base) {

    /**
     * The pipeline's contributions for the rows of its feature matrices, or empty when a member gives none or its
     * combination is not linear in the members' margins: a stack, or a vote of classifiers, whose probabilities
     * average what the members' margins (log-odds for some, probabilities for others) give only through a link.
     */
    public static Optional<PipelineContributions> of(TrainedPipeline pipeline, Map<FeatureView, FeatureMatrix> views) {
        return of(pipeline, views, Deadline.never());
    }

    /** As above, and empty once the deadline has passed. */
    public static Optional<PipelineContributions> of(TrainedPipeline pipeline, Map<FeatureView, FeatureMatrix> views,
                                                     Deadline deadline) {
        double[] weights;
        if (pipeline.combination() instanceof Combination.Single) {
            weights = new double[] {1};
        } else if (pipeline.combination() instanceof Combination.Vote v
                && pipeline.target().task() == Task.REGRESSION) {
            weights = v.weights();
        } else {
            return Optional.empty();
        }
        List<Contributions> parts = new ArrayList<>();
        List<List<String>> names = new ArrayList<>();
        List<List<String>> origins = new ArrayList<>();
        for (int m = 0; m < pipeline.members().size(); m++) {
            if (weights[m] == 0) {
                parts.add(null);
                names.add(null);
                origins.add(null);
                continue;
            }
            Member member = pipeline.members().get(m);
            FeatureMatrix x = views.get(member.learner().view());
            Optional<Contributions> c = member.model().contributions(x, deadline);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            parts.add(c.get());
            names.add(x.names());
            origins.add(pipeline.featurizer().sourceColumns(member.learner().view()));
        }
        return Optional.of(combine(parts, weights, names, origins));
    }

    /** The weighted sum of the members' contributions; features of the same name in two views are one feature. */
    static PipelineContributions combine(List<Contributions> parts, double[] weights, List<List<String>> names,
                                         List<List<String>> origins) {
        Map<String, Integer> featureIndex = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        Map<String, Integer> columnIndex = new LinkedHashMap<>();
        int rows = -1;
        int outputs = -1;
        for (int m = 0; m < parts.size(); m++) {
            Contributions c = parts.get(m);
            if (c == null) {
                continue;
            }
            rows = c.rows();
            outputs = c.outputs();
            for (int j = 0; j < names.get(m).size(); j++) {
                if (featureIndex.putIfAbsent(names.get(m).get(j), featureIndex.size()) == null) {
                    sources.add(origins.get(m).get(j));
                    columnIndex.putIfAbsent(origins.get(m).get(j), columnIndex.size());
                }
            }
        }
        int f = featureIndex.size();
        int cols = columnIndex.size();
        double[] engineered = new double[rows * outputs * f];
        double[] raw = new double[rows * outputs * cols];
        double[] base = new double[outputs];
        for (int m = 0; m < parts.size(); m++) {
            Contributions c = parts.get(m);
            if (c == null) {
                continue;
            }
            if (c.rows() != rows || c.outputs() != outputs) {
                throw new IllegalStateException("members' contributions disagree in shape: " + c.rows() + "x"
                        + c.outputs() + " against " + rows + "x" + outputs);
            }
            double w = weights[m];
            int[] to = new int[c.features()];
            int[] toColumn = new int[c.features()];
            for (int j = 0; j < c.features(); j++) {
                to[j] = featureIndex.get(names.get(m).get(j));
                toColumn[j] = columnIndex.get(origins.get(m).get(j));
            }
            for (int k = 0; k < outputs; k++) {
                base[k] += w * c.base()[k];
            }
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < outputs; k++) {
                    int at = r * outputs + k;
                    for (int j = 0; j < c.features(); j++) {
                        double v = w * c.value(r, k, j);
                        engineered[at * f + to[j]] += v;
                        raw[at * cols + toColumn[j]] += v;
                    }
                }
            }
        }
        return new PipelineContributions(rows, outputs, List.copyOf(featureIndex.keySet()), List.copyOf(sources),
                List.copyOf(columnIndex.keySet()), engineered, raw, base);
    }

    /** Raw column {@code c}'s contribution to output {@code k} of row {@code r}. */
    public double rawValue(int r, int k, int c) {
        return raw[(r * outputs + k) * columns.size() + c];
    }

    /** The raw columns' contributions alone. */
    public RawContributions rawContributions() {
        return new RawContributions(rows, outputs, columns, raw, base, Explanation.Method.SHAP);
    }

    /**
     * The global explanation: each feature's and column's mean absolute contribution over the rows, averaged over
     * the outputs, and per class when there is one output per class.
     *
     * @param classes the model's classes; empty for regression
     */
    public Explanation importance(List<String> classes) {
        boolean perClass = outputs > 1 && outputs == classes.size();
        List<FeatureImportance> eng = importances(engineered, features, sources, perClass);
        List<FeatureImportance> rawImportance = importances(raw, columns, columns, perClass);
        List<Double> b = new ArrayList<>();
        for (double v : base) {
            b.add(v);
        }
        return new Explanation(Explanation.Method.SHAP, rows, 1, false, Double.NaN, b,
                perClass ? classes : List.of(), rawImportance, eng);
    }

    private List<FeatureImportance> importances(double[] values, List<String> names, List<String> origin,
                                                boolean perClass) {
        int n = names.size();
        double[][] mean = new double[n][outputs];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < outputs; k++) {
                int at = (r * outputs + k) * n;
                for (int j = 0; j < n; j++) {
                    mean[j][k] += Math.abs(values[at + j]) / rows;
                }
            }
        }
        List<FeatureImportance> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            double all = 0;
            List<Double> byClass = new ArrayList<>();
            for (int k = 0; k < outputs; k++) {
                all += mean[j][k] / outputs;
                byClass.add(mean[j][k]);
            }
            out.add(new FeatureImportance(names.get(j), origin.get(j), all, Double.NaN,
                    perClass ? byClass : List.of()));
        }
        out.sort(Comparator.comparingDouble(FeatureImportance::importance).reversed());
        return out;
    }
}
