package dev.automl.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Params;
import dev.automl.data.Table;
import dev.automl.engine.model.Combination;
import dev.automl.engine.model.TrainedPipeline;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeatureView;
import dev.automl.featurization.Target;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A pipeline's exact contributions: they add up to its predictions, and they rank the two columns that matter first. */
class PipelineContributionsTest {

    private static void addsUpToThePredictions(TrainedPipeline p, Table features, PipelineContributions c, double tol) {
        double[] predicted = p.predict(features).values();
        for (int r = 0; r < c.rows(); r++) {
            double sum = c.base()[0];
            for (int col = 0; col < c.columns().size(); col++) {
                sum += c.rawValue(r, 0, col);
            }
            assertEquals(predicted[r], sum, tol, p.algorithm() + " row " + r);
        }
    }

    @Test
    void everyModelThatGivesContributionsRanksTheTwoColumnsThatMatterFirstAndAddsUpToItsPredictions() {
        Table all = TwoColumnsMatter.data(new Random(3));
        Table features = all.drop(List.of("y"));
        Target y = TwoColumnsMatter.target(all);
        for (String algorithm : List.of("LightGBM", "XGBoostRegressor", "GradientBoosting", "ElasticNet", "SGD",
                "LassoLars", "RandomForest", "ExtremeRandomTrees")) {
            try (TrainedPipeline p = TwoColumnsMatter.pipeline(algorithm, features, y)) {
                // TreeSHAP over fully grown forests takes a few milliseconds a row: 200 rows rank the columns.
                Table rows = features.select(IntStream.range(0, 200).toArray());
                Map<FeatureView, FeatureMatrix> views = p.views(rows);
                PipelineContributions c = PipelineContributions.of(p, views).orElseThrow();
                // XGBoost and GradientBoosting predict in float.
                addsUpToThePredictions(p, rows, c, Set.of("XGBoostRegressor", "GradientBoosting")
                        .contains(algorithm) ? 1e-5 : 1e-9);
                Explanation e = c.importance(List.of());
                assertEquals(Explanation.Method.SHAP, e.method());
                assertEquals("x0", e.raw().get(0).name(), algorithm + ": x0 weighs 3, x3 2: " + e.raw());
                assertEquals("x3", e.raw().get(1).name(), algorithm + ": " + e.raw());
                assertTrue(e.raw().get(2).importance() < 0.2 * e.raw().get(1).importance(), algorithm + ": " + e.raw());
                assertEquals(Set.of("x0", "x3"), Set.of(e.engineered().get(0).source(), e.engineered().get(1).source()),
                        algorithm + ": " + e.engineered());
            }
        }
    }

    @Test
    void aRegressionVoteIsItsMembersContributionsWeighted() {
        Table all = TwoColumnsMatter.data(new Random(4));
        Table features = all.drop(List.of("y"));
        Target y = TwoColumnsMatter.target(all);
        try (TrainedPipeline boosted = TwoColumnsMatter.pipeline("LightGBM", features, y);
             TrainedPipeline linear = TwoColumnsMatter.pipeline("ElasticNet", features, y)) {
            TrainedPipeline vote = new TrainedPipeline(boosted.featurizer(), boosted.target(), "VotingEnsemble",
                    Params.empty(), List.of(boosted.members().get(0), linear.members().get(0)),
                    new Combination.Vote(new double[] {0.7, 0.3}));
            PipelineContributions c = PipelineContributions.of(vote, vote.views(features)).orElseThrow();
            addsUpToThePredictions(vote, features, c, 1e-9);
            assertEquals(List.of("x0", "x3"), c.importance(List.of()).raw().subList(0, 2).stream()
                    .map(FeatureImportance::name).toList());
        }
    }
}
