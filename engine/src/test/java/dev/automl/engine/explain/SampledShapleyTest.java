package dev.automl.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.automl.data.Table;
import dev.automl.engine.model.TrainedPipeline;
import dev.automl.featurization.Target;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Sampled Shapley values: exact additivity, the two columns that matter first, and a linear model's known values. */
class SampledShapleyTest {

    private static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    @Test
    void eachRowAddsUpToItsPredictionLessTheBackgroundsMeanAndTheColumnsThatMatterComeFirst() {
        Table all = TwoColumnsMatter.data(new Random(5));
        Table features = all.drop(List.of("y"));
        Target y = TwoColumnsMatter.target(all);
        try (TrainedPipeline p = TwoColumnsMatter.pipeline("KNN", features, y)) {
            Table background = features.select(range(0, 16));
            Table rows = features.select(range(500, 600));
            RawContributions c = SampledShapley.compute(p, rows, background, features.columnNames(), 3);
            assertEquals(Explanation.Method.SAMPLED_SHAPLEY, c.method());
            double[] predicted = p.predict(rows).values();
            double[] mean = new double[c.columns().size()];
            for (int r = 0; r < c.rows(); r++) {
                double sum = c.base()[0];
                for (int col = 0; col < c.columns().size(); col++) {
                    sum += c.value(r, 0, col);
                    mean[col] += Math.abs(c.value(r, 0, col)) / c.rows();
                }
                assertEquals(predicted[r], sum, 1e-9, "row " + r);
            }
            Integer[] order = {0, 1, 2, 3, 4, 5, 6, 7};
            Arrays.sort(order, (a, b) -> Double.compare(mean[b], mean[a]));
            assertEquals(List.of("x0", "x3"), List.of(c.columns().get(order[0]), c.columns().get(order[1])),
                    Arrays.toString(mean));
            // The same seed, the same values.
            assertEquals(Arrays.toString(c.values()), Arrays.toString(
                    SampledShapley.compute(p, rows, background, features.columnNames(), 3).values()));
        }
    }

    /**
     * A linear model's Shapley value against background rows is its weight times the row's value less the
     * background's mean, whatever the order of the columns: the exact contributions (centred on the training mean)
     * differ from them by the same amount on every row.
     */
    @Test
    void aLinearModelsSampledValuesAreItsExactOnesShiftedByTheBackgroundsMean() {
        Table all = TwoColumnsMatter.data(new Random(6));
        Table features = all.drop(List.of("y"));
        Target y = TwoColumnsMatter.target(all);
        try (TrainedPipeline p = TwoColumnsMatter.pipeline("ElasticNet", features, y)) {
            Table rows = features.select(range(100, 140));
            RawContributions sampled = SampledShapley.compute(p, rows, features.select(range(0, 10)),
                    features.columnNames(), 4);
            RawContributions exact = PipelineContributions.of(p, p.views(rows)).orElseThrow().rawContributions();
            for (int col = 0; col < sampled.columns().size(); col++) {
                int e = exact.columns().indexOf(sampled.columns().get(col));
                double shift = sampled.value(0, 0, col) - exact.value(0, 0, e);
                for (int r = 1; r < sampled.rows(); r++) {
                    assertEquals(shift, sampled.value(r, 0, col) - exact.value(r, 0, e), 1e-9,
                            sampled.columns().get(col) + " row " + r);
                }
            }
        }
    }
}
