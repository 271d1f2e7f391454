package dev.automl.featurization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.data.CategoricalColumn;
import dev.automl.data.Column;
import dev.automl.data.DataSource;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The automatic featurization rules, checked on hand-made columns with values worked out by hand. */
class FeaturizerTest {

    private static final double NaN = Double.NaN;

    private static Table table(Column... columns) {
        return new Table(List.of(columns));
    }

    @Test
    void numbersAreMeanImputedWithAnIndicatorAndStandardisedForLinearModels() {
        // mean of 1, 3, 5 = 3; population sd = sqrt(8/3)
        Table t = table(new NumericColumn("x", new double[] {1, NaN, 3, 5}));
        FittedFeaturizer f = new Featurizer(FeaturizationSettings.auto()).fit(t, null);
        FeatureMatrix trees = f.transform(t, null, FeatureView.TREES);
        assertEquals(List.of("x", "x__missing"), trees.names());
        assertEquals(3f, trees.get(1, 0));
        assertEquals(1f, trees.get(1, 1));
        assertEquals(0f, trees.get(0, 1));
        FeatureMatrix linear = f.transform(t, null, FeatureView.LINEAR);
        double sd = Math.sqrt(8.0 / 3);
        assertEquals((float) ((1 - 3) / sd), linear.get(0, 0), 1e-6);
        assertEquals(0f, linear.get(1, 0), 1e-6);
    }

    @Test
    void imputerStrategiesFollowScikitLearn() {
        Table t = table(new NumericColumn("x", new double[] {1, 2, 2, 10, NaN}));
        assertEquals(2f, fill(t, new ImputerSpec(ImputationStrategy.MEDIAN, null)));
        assertEquals(2f, fill(t, new ImputerSpec(ImputationStrategy.MOST_FREQUENT, null)));
        assertEquals(3.75f, fill(t, new ImputerSpec(ImputationStrategy.MEAN, null)));
        assertEquals(-1f, fill(t, new ImputerSpec(ImputationStrategy.CONSTANT, "-1")));
    }

    private static float fill(Table t, ImputerSpec spec) {
        FeaturizationSettings s = new FeaturizationSettings(FeaturizationMode.CUSTOM, Map.of("x", spec));
        return new Featurizer(s).fit(t, null).transform(t, null, FeatureView.TREES).get(4, 0);
    }

    @Test
    void categoriesAreCodedByFrequencyAndOneHotForLinearModels() {
        CategoricalColumn c = new CategoricalColumn("c", new int[] {0, 1, 1, -1, 2, 1}, List.of("a", "b", "z"));
        Table t = table(c);
        FittedFeaturizer f = new Featurizer(FeaturizationSettings.auto()).fit(t, null);
        FeatureMatrix trees = f.transform(t, null, FeatureView.TREES);
        assertEquals(List.of("c", "c__missing"), trees.names());
        assertTrue(trees.categorical().get(0));
        // b is most frequent (code 0), then a (1), then z (2); the missing row takes b.
        assertEquals(List.of(1f, 0f, 0f, 0f, 2f, 0f), column(trees, 0));
        assertEquals(List.of(0f, 0f, 0f, 1f, 0f, 0f), column(trees, 1));
        FeatureMatrix linear = f.transform(t, null, FeatureView.LINEAR);
        assertEquals(List.of("c=b", "c=a", "c=z", "c__missing"), linear.names());
        assertEquals(List.of(0f, 1f, 0f, 0f), row(linear, 0));
        assertEquals(List.of(1f, 0f, 0f, 1f), row(linear, 3));
    }

    @Test
    void unseenCategoriesGetTheOtherCodeAndNoOneHot() {
        Table train = table(new CategoricalColumn("c", new int[] {0, 1, 0}, List.of("a", "b")));
        FittedFeaturizer f = new Featurizer(FeaturizationSettings.auto()).fit(train, null);
        Table fresh = table(new CategoricalColumn("c", new int[] {0, 1}, List.of("new", "b")));
        assertEquals(List.of(2f, 1f), column(f.transform(fresh, null, FeatureView.TREES), 0));
        assertEquals(List.of(0f, 0f), row(f.transform(fresh, null, FeatureView.LINEAR), 0));
        assertEquals(1, f.unseenCategories(fresh));
    }

    @Test
    void constantAllMissingAndIdColumnsAreDropped() {
        int n = 60;
        double[] id = new double[n];
        double[] constant = new double[n];
        double[] empty = new double[n];
        double[] signal = new double[n];
        int[] names = new int[n];
        String[] levels = new String[n];
        for (int i = 0; i < n; i++) {
            id[i] = 1000 + i;
            constant[i] = 7;
            empty[i] = NaN;
            signal[i] = i % 5;
            names[i] = i;
            levels[i] = "name" + i;
        }
        Table t = table(new NumericColumn("id", id), new NumericColumn("constant", constant), new NumericColumn("empty", empty),
                new NumericColumn("signal", signal), new CategoricalColumn("name", names, List.of(levels)));
        FittedFeaturizer f = new Featurizer(FeaturizationSettings.auto()).fit(t, null);
        assertEquals(List.of("signal"), f.requiredColumns());
        assertEquals(List.of(new DroppedColumn("id", "ID-like: a running number"), new DroppedColumn("constant", "constant"),
                new DroppedColumn("empty", "all values missing"),
                new DroppedColumn("name", "ID-like: 60 distinct values in 60 rows")), f.dropped());
    }

    @Test
    void datesBecomeTheirVaryingParts() {
        double[] s = {
            LocalDateTime.of(2011, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC),
            LocalDateTime.of(2011, 3, 2, 0, 0).toEpochSecond(ZoneOffset.UTC),
            NaN,
        };
        Table t = table(new DateTimeColumn("d", s));
        FittedFeaturizer f = new Featurizer(FeaturizationSettings.auto()).fit(t, null);
        FeatureMatrix m = f.transform(t, null, FeatureView.TREES);
        // Year, quarter, hour, minute and second do not vary; 2011-01-01 is a Saturday (pandas dayofweek 5)
        // in ISO week 52 of 2010.
        assertEquals(List.of("d__month", "d__day", "d__day_of_week", "d__day_of_year", "d__week_of_year", "d__missing"),
                m.names());
        assertEquals(List.of(1f, 1f, 5f, 1f, 52f, 0f), row(m, 0));
        assertEquals(List.of(3f, 2f, 2f, 61f, 9f, 0f), row(m, 1));
        assertEquals(1f, m.get(2, 5));
    }

    @Test
    void modeOffPassesNumbersThroughAndRefusesText() {
        Table t = table(new NumericColumn("x", new double[] {1, 2, 3}));
        FeaturizationSettings off = new FeaturizationSettings(FeaturizationMode.OFF, Map.of());
        FittedFeaturizer f = new Featurizer(off).fit(t, null);
        assertEquals(List.of(1f, 2f, 3f), column(f.transform(t, null, FeatureView.LINEAR), 0));
        Table text = table(new CategoricalColumn("c", new int[] {0, 1, 0}, List.of("a", "b")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Featurizer(off).fit(text, null));
        assertEquals("Column 'c' is categorical, but featurization mode 'off' needs numeric columns only. "
                + "Use mode 'auto', or drop or encode the column.", e.getMessage());
    }

    @Test
    void fitsOnTheGivenRowsOnly() {
        Table t = table(new NumericColumn("x", new double[] {1, 3, 100, NaN}));
        FittedFeaturizer f = new Featurizer(FeaturizationSettings.auto()).fit(t, new int[] {0, 1, 3});
        // The mean of the training rows (1, 3) fills the gap, not a mean that has seen the 100.
        assertEquals(2f, f.transform(t, new int[] {3}, FeatureView.TREES).get(0, 0));
    }

    @Test
    void missingColumnAtTransformIsNamed() {
        Table t = table(new NumericColumn("x", new double[] {1, 2, 3}), new NumericColumn("y", new double[] {3, 1, 2}));
        FittedFeaturizer f = new Featurizer(FeaturizationSettings.auto()).fit(t, null);
        Table lacking = table(new NumericColumn("x", new double[] {1}));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> f.transform(lacking, null, FeatureView.TREES));
        assertEquals("Column 'y' is missing from the data; the model was trained with it.", e.getMessage());
    }

    @Test
    void jsonRoundTripGivesTheSameFeaturesOnRealData() throws Exception {
        Path penguins = repoRoot().resolve("testdata/penguins/penguins.csv");
        Table t = DataSource.read(penguins).drop(List.of("species"));
        FittedFeaturizer f = new Featurizer(FeaturizationSettings.auto()).fit(t, null);
        ObjectMapper json = new ObjectMapper();
        FittedFeaturizer back = json.readValue(json.writeValueAsString(f), FittedFeaturizer.class);
        for (FeatureView view : FeatureView.values()) {
            FeatureMatrix a = f.transform(t, null, view);
            FeatureMatrix b = back.transform(t, null, view);
            assertEquals(a.names(), b.names());
            assertTrue(java.util.Arrays.equals(a.values(), b.values()), view.name());
        }
        // island, 4 measurements with gaps (+ indicators), sex with gaps (+ indicator), year.
        assertEquals(List.of("island", "bill_length_mm", "bill_length_mm__missing", "bill_depth_mm", "bill_depth_mm__missing",
                "flipper_length_mm", "flipper_length_mm__missing", "body_mass_g", "body_mass_g__missing", "sex", "sex__missing",
                "year"), f.featureNames(FeatureView.TREES));
        assertFalse(f.transform(t, null, FeatureView.LINEAR).names().isEmpty());
    }

    @Test
    void targetLabelsAreSortedNumericallyWhenNumbers() {
        CategoricalColumn y = new CategoricalColumn("y", new int[] {0, 1, 2, 0}, List.of("10", "9", "2"));
        TargetEncoding e = TargetEncoding.fit(y, dev.automl.data.Task.CLASSIFICATION);
        assertEquals(List.of("2", "9", "10"), e.labels());
        assertEquals(List.of(2.0, 1.0, 0.0, 2.0), java.util.Arrays.stream(e.encode(y, null, null).y()).boxed().toList());
    }

    @Test
    void titanicColumnsAreReadAsAzureWouldReadThem() {
        Table raw = DataSource.read(repoRoot().resolve("testdata/titanic/titanic.csv"),
                Map.of("Survived", dev.automl.data.ColumnType.CATEGORICAL));
        Target y = TargetEncoding.fit(raw.column("Survived"), dev.automl.data.Task.CLASSIFICATION)
                .encode(raw.column("Survived"), null, null);
        Table t = raw.drop(List.of("Survived"));
        FittedFeaturizer f = new Featurizer(FeaturizationSettings.auto()).fit(t, null, y);
        Map<String, ColumnEncoder> byColumn = new java.util.HashMap<>();
        f.encoders().forEach(e -> byColumn.put(e.column(), e));
        assertEquals(List.of(new DroppedColumn("PassengerId", "ID-like: a running number")), f.dropped());
        TextEncoder name = (TextEncoder) byColumn.get("Name");
        assertTrue(name.wordTerms().containsAll(List.of("mr", "mrs", "miss", "master")), name.wordTerms().toString());
        assertEquals(100, name.charTerms().size());
        CategoricalEncoder ticket = (CategoricalEncoder) byColumn.get("Ticket");
        assertEquals("CategoricalHash", ticket.typeDetected());
        assertEquals(TargetStatistics.Kind.WOE, ticket.target().kind());
        assertEquals(681, ticket.levels().size());
        assertEquals(CategoricalEncoder.Encoding.ONE_HOT, ((CategoricalEncoder) byColumn.get("Sex")).linear());
        assertEquals(List.of("Pclass", "Pclass=1", "Pclass=2", "Pclass=3"), byColumn.get("Pclass").featureNames(FeatureView.LINEAR));
        assertEquals(List.of("Pclass"), byColumn.get("Pclass").featureNames(FeatureView.TREES));
    }

    @Test
    void blockingBothTextVectorizersLeavesTextAsCategories() {
        Table t = DataSource.read(repoRoot().resolve("testdata/titanic/titanic.csv")).drop(List.of("Survived"));
        FeaturizationSettings s = new FeaturizationSettings(FeaturizationMode.CUSTOM, Map.of(), Map.of(), Map.of(),
                Map.of(), java.util.Set.of(Transformer.TF_IDF, Transformer.COUNT_VECTORIZER));
        FittedFeaturizer f = new Featurizer(s).fit(t, null);
        assertTrue(f.dropped().contains(new DroppedColumn("Name", "ID-like: 891 distinct values in 891 rows")), f.dropped().toString());
        FeaturizationSettings asked = new FeaturizationSettings(FeaturizationMode.CUSTOM, Map.of(),
                Map.of("Name", ColumnPurpose.TEXT), Map.of(), Map.of(), java.util.Set.of(Transformer.TF_IDF, Transformer.COUNT_VECTORIZER));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Featurizer(asked).fit(t, null));
        assertEquals("Column 'Name' has the purpose Text, but both TfIdf and CountVectorizer are in blocked_transformers.",
                e.getMessage());
    }

    @Test
    void fewDistinctWholeNumbersAreAlsoOneHotForLinearModels() {
        double[] x = new double[60];
        double[] half = new double[60];
        for (int i = 0; i < 60; i++) {
            x[i] = i % 3 + 1;
            half[i] = i % 3 + 0.5;
        }
        Table t = table(new NumericColumn("x", x), new NumericColumn("h", half));
        FittedFeaturizer f = new Featurizer(FeaturizationSettings.auto()).fit(t, null);
        assertEquals(List.of("x", "x=1", "x=2", "x=3", "h"), f.featureNames(FeatureView.LINEAR));
        FeatureMatrix m = f.transform(t, null, FeatureView.LINEAR);
        assertEquals(List.of(1f, 0f, 0f), row(m, 0).subList(1, 4));
        assertEquals(List.of(0f, 0f, 1f), row(m, 2).subList(1, 4));
        // 3 distinct values need 60 rows (5 %); in 59 they are only a number.
        double[] fewer = java.util.Arrays.copyOf(x, 59);
        assertEquals(List.of("x"), new Featurizer(FeaturizationSettings.auto()).fit(table(new NumericColumn("x", fewer)), null)
                .featureNames(FeatureView.LINEAR));
    }

    @Test
    void modeOffLeavesMissingNumbersMissing() {
        Table t = table(new NumericColumn("x", new double[] {1, NaN, 3}));
        FittedFeaturizer f = new Featurizer(new FeaturizationSettings(FeaturizationMode.OFF, Map.of())).fit(t, null);
        assertTrue(Float.isNaN(f.transform(t, null, FeatureView.TREES).get(1, 0)));
        assertEquals(3f, f.transform(t, null, FeatureView.LINEAR).get(2, 0));
    }

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("testdata"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    private static List<Float> column(FeatureMatrix m, int j) {
        java.util.ArrayList<Float> out = new java.util.ArrayList<>();
        for (int i = 0; i < m.rows(); i++) {
            out.add(m.get(i, j));
        }
        return out;
    }

    private static List<Float> row(FeatureMatrix m, int i) {
        java.util.ArrayList<Float> out = new java.util.ArrayList<>();
        for (int j = 0; j < m.cols(); j++) {
            out.add(m.get(i, j));
        }
        return out;
    }
}
