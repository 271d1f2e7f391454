package dev.automl.engine.model;

import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.data.Table;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeatureView;
import dev.automl.featurization.FittedFeaturizer;
import dev.automl.featurization.TargetEncoding;
import dev.automl.featurization.series.SeriesFeatures;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted featurizer, one or more fitted learners and how their predictions combine: raw rows in, predictions
 * out. A single trial's model has one member; an ensemble has several, all fed by the same featurizer.
 *
 * @param algorithm what the leaderboard calls it: the learner's name, {@code VotingEnsemble} or {@code StackEnsemble}
 * @param params    the leaderboard's hyperparameters: the learner's, or the ensemble's members and weights
 * @param series    a forecasting model's series, from which the columns the featurizer reads besides the raw ones
 *                  derive; null for other tasks
 */
public record TrainedPipeline(FittedFeaturizer featurizer, TargetEncoding target, String algorithm, Params params,
                              List<Member> members, Combination combination, SeriesFeatures series)
        implements AutoCloseable {

    public TrainedPipeline {
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one model");
        }
    }

    /** A pipeline of raw tabular columns, with no series. */
    public TrainedPipeline(FittedFeaturizer featurizer, TargetEncoding target, String algorithm, Params params,
                           List<Member> members, Combination combination) {
        this(featurizer, target, algorithm, params, members, combination, null);
    }

    /** This pipeline reading new rows of the given series. */
    public TrainedPipeline withSeries(SeriesFeatures s) {
        return new TrainedPipeline(featurizer, target, algorithm, params, members, combination, s);
    }

    /** A pipeline of one learner. */
    public static TrainedPipeline single(FittedFeaturizer featurizer, TargetEncoding target, Member member) {
        return new TrainedPipeline(featurizer, target, member.learner().name(), member.params(), List.of(member),
                new Combination.Single());
    }

    /**
     * Predictions for raw rows. A forecasting model's rows are placed in their series by their grain and time
     * columns; their target column, where present, gives the actual values later rows' lags read.
     */
    public Predictions predict(Table raw) {
        return predict(views(raw));
    }

    /**
     * The feature matrices of raw rows in each view the members read: members that share a view share its matrix,
     * since featurizing is often dearer than predicting.
     */
    public Map<FeatureView, FeatureMatrix> views(Table raw) {
        Table rows = series == null ? raw : series.derive(raw);
        Map<FeatureView, FeatureMatrix> views = new EnumMap<>(FeatureView.class);
        for (Member m : members) {
            views.computeIfAbsent(m.learner().view(), v -> featurizer.transform(rows, null, v));
        }
        return views;
    }

    /** Predictions from the rows' feature matrices, one per view the members read (see {@link #views}). */
    public Predictions predict(Map<FeatureView, FeatureMatrix> views) {
        List<Predictions> out = new ArrayList<>(members.size());
        for (Member m : members) {
            out.add(m.model().predict(views.get(m.learner().view())));
        }
        return combination.combine(out);
    }

    @Override
    public void close() {
        members.forEach(Member::close);
        combination.close();
    }
}
