package dev.automl.featurization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.data.CategoricalColumn;
import dev.automl.data.Table;
import dev.automl.data.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One-hot, hashed one-hot, codes and target statistics of categories, and what blocking each changes. */
class CategoricalEncoderTest {

    /** 120 rows over 60 levels, two rows each: above the one-hot threshold of 50. */
    private static CategoricalColumn sixtyLevels() {
        List<String> levels = new ArrayList<>();
        for (int k = 0; k < 60; k++) {
            levels.add("L" + k);
        }
        int[] codes = new int[120];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = i % 60;
        }
        return new CategoricalColumn("k", codes, levels);
    }

    private static Target binary(int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 60 < 30 ? 1 : 0;
        }
        return new Target(Task.CLASSIFICATION, y, List.of("n", "y"), null);
    }

    private static FeaturizationSettings blocking(Transformer... blocked) {
        return new FeaturizationSettings(FeaturizationMode.CUSTOM, Map.of(), Map.of(), Map.of(), Map.of(), Set.of(blocked));
    }

    @Test
    void manyLevelsAreHashedForLinearModelsWithOneColumnSetPerRow() {
        CategoricalEncoder e = CategoricalEncoder.fit(sixtyLevels(), null, null, null, FeaturizationSettings.auto(), false);
        assertEquals(CategoricalEncoder.Encoding.HASH, e.linear());
        assertEquals(6, e.hashBits()); // 60 levels need 6 bits
        assertEquals("CategoricalHash", e.typeDetected());
        Table t = new Table(List.of(sixtyLevels()));
        FeatureMatrix m = new FittedFeaturizer(FeaturizationMode.AUTO, List.of(e), List.of()).transform(t, null, FeatureView.LINEAR);
        assertEquals(64, m.cols());
        for (int i = 0; i < m.rows(); i++) {
            float sum = 0;
            for (int j = 0; j < m.cols(); j++) {
                sum += m.get(i, j);
            }
            assertEquals(1f, sum);
        }
        assertEquals(1f, m.get(0, e.bucket("L0")));
        assertEquals(1f, m.get(60, e.bucket("L0")));
        // An unseen level lands in a hashed column too, rather than in nothing.
        CategoricalColumn fresh = new CategoricalColumn("k", new int[] {0}, List.of("never seen"));
        FeatureMatrix one = new FittedFeaturizer(FeaturizationMode.AUTO, List.of(e), List.of())
                .transform(new Table(List.of(fresh)), null, FeatureView.LINEAR);
        assertEquals(1f, one.get(0, e.bucket("never seen")));
    }

    @Test
    void aFewLevelsAreOneHotForLinearModelsAndCodesForTrees() {
        CategoricalColumn c = new CategoricalColumn("k", new int[] {0, 1, 1, 2}, List.of("a", "b", "c"));
        CategoricalEncoder e = CategoricalEncoder.fit(c, null, null, binary(4), FeaturizationSettings.auto(), false);
        assertEquals(List.of("k=b", "k=a", "k=c"), e.featureNames(FeatureView.LINEAR));
        assertEquals(List.of("k"), e.featureNames(FeatureView.TREES));
        assertNull(e.target(), "a target statistic only above 50 levels");
        assertTrue(e.categoricalFeatures(FeatureView.TREES).get(0));
    }

    @Test
    void trainingRowsGetOutOfFoldWeightOfEvidenceAndNewRowsTheFullOne() {
        CategoricalColumn c = sixtyLevels();
        Table t = new Table(List.of(c));
        FittedFeaturizer f = new Featurizer(FeaturizationSettings.auto()).fit(t, null, binary(120));
        CategoricalEncoder e = (CategoricalEncoder) f.encoders().get(0);
        assertEquals(TargetStatistics.Kind.WOE, e.target().kind());
        assertEquals(List.of("k", "k__woe"), f.featureNames(FeatureView.TREES));
        // Codes beside a target statistic are numbers (frequency ranks), not categories to partition.
        assertTrue(f.transform(t, null, FeatureView.TREES).categorical().isEmpty());
        FeatureMatrix fitRows = f.transformFitRows(t, FeatureView.TREES);
        FeatureMatrix asNew = f.transform(t, null, FeatureView.TREES);
        // L0 (rows 0 and 60, both y = 1): prior 1/2, smoothed (2 + 5) / 12, log odds ln(7/5).
        assertEquals((float) Math.log(7.0 / 5), asNew.get(0, 1), 1e-6);
        // Row 0 is in fold 0 with row 60, its only other L0 row: out of fold, L0 is unseen and says nothing.
        assertEquals(0f, fitRows.get(0, 1), 1e-6);
        assertEquals(asNew.get(0, 0), fitRows.get(0, 0));
    }

    @Test
    void blockingEncodersChangesTheViewsOrDropsTheColumn() {
        CategoricalColumn c = new CategoricalColumn("k", new int[] {0, 1, 1, 2}, List.of("a", "b", "c"));
        CategoricalEncoder noOneHot = CategoricalEncoder.fit(c, null, null, null, blocking(Transformer.ONE_HOT_ENCODER), false);
        assertEquals(CategoricalEncoder.Encoding.HASH, noOneHot.linear());
        CategoricalEncoder noLabels = CategoricalEncoder.fit(c, null, null, null, blocking(Transformer.LABEL_ENCODER), false);
        assertEquals(CategoricalEncoder.Encoding.ONE_HOT, noLabels.trees());
        assertNull(CategoricalEncoder.fit(c, null, null, null, blocking(Transformer.LABEL_ENCODER,
                Transformer.ONE_HOT_ENCODER, Transformer.HASH_ONE_HOT_ENCODER), false));
        FittedFeaturizer f = new Featurizer(blocking(Transformer.LABEL_ENCODER, Transformer.ONE_HOT_ENCODER,
                Transformer.HASH_ONE_HOT_ENCODER)).fit(new Table(List.of(c, new dev.automl.data.NumericColumn("x",
                new double[] {1, 2, 3, 4}))), null);
        assertEquals(List.of(new DroppedColumn("k", "every encoder for it is in blocked_transformers")), f.dropped());
    }

    @Test
    void blockingWeightOfEvidenceFallsBackToClassShares() {
        CategoricalEncoder e = CategoricalEncoder.fit(sixtyLevels(), null, null, binary(120),
                blocking(Transformer.WOE_TARGET_ENCODER), false);
        assertEquals(TargetStatistics.Kind.CLASS_FREQUENCY, e.target().kind());
        assertNull(CategoricalEncoder.fit(sixtyLevels(), null, null, binary(120),
                blocking(Transformer.WOE_TARGET_ENCODER, Transformer.CAT_TARGET_ENCODER), false).target());
    }

    @Test
    void theHashesPurposeHashesEveryViewWithTheBitsAsked() {
        FeaturizationSettings s = new FeaturizationSettings(FeaturizationMode.CUSTOM, Map.of(),
                Map.of("k", ColumnPurpose.HASHES), Map.of("k", 3), Map.of(), Set.of());
        CategoricalColumn c = new CategoricalColumn("k", new int[] {0, 1, 1, 2}, List.of("a", "b", "c"));
        FittedFeaturizer f = new Featurizer(s).fit(new Table(List.of(c)), null);
        assertEquals(8, f.featureNames(FeatureView.TREES).size());
        assertEquals(8, f.featureNames(FeatureView.LINEAR).size());
        assertEquals("Hashes", f.encoders().get(0).typeDetected());
    }

    @Test
    void savedAndLoadedItEncodesNewRowsTheSame() throws Exception {
        CategoricalEncoder e = CategoricalEncoder.fit(sixtyLevels(), null, null, binary(120), FeaturizationSettings.auto(), false);
        ObjectMapper json = new ObjectMapper();
        ColumnEncoder back = json.readValue(json.writeValueAsString(e), ColumnEncoder.class);
        Table t = new Table(List.of(sixtyLevels()));
        for (FeatureView v : FeatureView.values()) {
            FeatureMatrix a = new FittedFeaturizer(FeaturizationMode.AUTO, List.of(e), List.of()).transform(t, null, v);
            FeatureMatrix b = new FittedFeaturizer(FeaturizationMode.AUTO, List.of(back), List.of()).transform(t, null, v);
            assertEquals(java.util.Arrays.toString(a.values()), java.util.Arrays.toString(b.values()));
        }
    }
}
