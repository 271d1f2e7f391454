package dev.automl.featurization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.automl.data.CategoricalColumn;
import dev.automl.data.Table;
import dev.automl.data.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ridge regression behind TextTargetEncoder, on one feature, where its solution can be written down. */
class TextTargetModelTest {

    private static List<TextTargetModel.SparseRow> rows(double... x) {
        List<TextTargetModel.SparseRow> out = new ArrayList<>();
        for (double v : x) {
            out.add(v == 0 ? new TextTargetModel.SparseRow(new int[0], new float[0])
                    : new TextTargetModel.SparseRow(new int[] {0}, new float[] {(float) v}));
        }
        return out;
    }

    @Test
    void oneFeatureGivesTheCentredRidgeSolution() {
        // x: five 1s then five 0s; y: 1 1 1 1 0 0 0 0 0 1. Centred sums: Sxx = 2.5, Sxy = 1.5, so with penalty 1
        // w = 1.5 / 3.5 and the intercept 0.5 - 0.5 w.
        TextTargetModel.Fitted f = TextTargetModel.fit(rows(1, 1, 1, 1, 1, 0, 0, 0, 0, 0),
                1, new double[] {1, 1, 1, 1, 0, 0, 0, 0, 0, 1}, List.of("yes"));
        assertEquals(1.5 / 3.5, f.model().weights()[0][0], 1e-12);
        assertEquals(0.5 - 0.5 * 1.5 / 3.5, f.model().intercepts()[0], 1e-12);
        // Row 0 is predicted without fold 0 (rows 0 and 5): Sxx = 2, Sxy = 1, w = 1/3, intercept 1/3, so 2/3.
        assertEquals(2.0 / 3, f.outOfFold()[0], 1e-6);
    }

    @Test
    void treesSeeTheTextModelAndLinearLearnersTheTfIdf() {
        String[] texts = {"a good film", "a good plot", "a bad film", "a bad plot", "good good", "bad bad"};
        List<String> levels = List.of(texts);
        int[] codes = {0, 1, 2, 3, 4, 5};
        CategoricalColumn c = new CategoricalColumn("review", codes, levels);
        Target y = new Target(Task.CLASSIFICATION, new double[] {1, 1, 0, 0, 1, 0}, List.of("neg", "pos"), null);
        TextEncoder e = TextEncoder.fit(c, null, new TfIdfSpec(100, 2, 1, 0, true), true, y);
        assertEquals(List.of("review__text_pos"), e.featureNames(FeatureView.TREES));
        assertEquals(List.of("review_word:bad", "review_word:good", "review_word:film", "review_word:plot"),
                e.featureNames(FeatureView.LINEAR));
        FittedFeaturizer f = new FittedFeaturizer(FeaturizationMode.AUTO, List.of(e), List.of());
        FeatureMatrix trees = f.transform(new Table(List.of(c)), null, FeatureView.TREES);
        // Every "good" review scores above every "bad" one.
        assertEquals(true, Math.min(trees.get(0, 0), trees.get(4, 0)) > Math.max(trees.get(2, 0), trees.get(5, 0)));
    }
}
