package dev.automl.algorithms.boosting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.ContributionChecks;
import dev.automl.algorithms.ContributionChecks.Featurized;
import dev.automl.algorithms.Contributions;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeatureView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LightGBM's and XGBoost's TreeSHAP contributions: they add up to the margins the models predict from, on real
 * tables of every task, rank the columns that matter first, and survive saving.
 */
class TreeContributionsTest {

    /**
     * Of the margin's scale. LightGBM computes contributions and raw scores in double (measured: 5e-15). XGBoost
     * computes both in float and sums one rounding per feature and tree (measured: up to 7e-7).
     */
    private static final double ADDS_UP = 1e-6;
    /** Probabilities from the margins against the model's own. */
    private static final double LINK = 1e-6;

    private static final List<Learner> LEARNERS = List.of(new LightGbmLearner(), XGBoostLearner.classifier(),
            XGBoostLearner.regressor(), new GradientBoosting());

    private static TrialContext ctx() {
        return new TrialContext(Deadline.never(), 1, 3);
    }

    private static Learner learner(String family, Task task) {
        return LEARNERS.stream().filter(l -> l.name().startsWith(family) && l.tasks().contains(task)).findFirst()
                .orElseThrow();
    }

    private static double[] margins(FittedModel m, FeatureMatrix x) {
        if (m instanceof LightGbmModel l) {
            return l.margins(x);
        }
        return ((XGBoostModel) m).margins(x);
    }

    /**
     * A fast learning rate and a cap of 150 rounds make early stopping keep fewer rounds than XGBoost's booster
     * holds, so the tree limit is part of what is checked.
     */
    @Test
    void contributionsAddUpToTheMarginsAndSurviveSaving(@TempDir Path tmp) throws IOException {
        Params params = Params.of("learning_rate", 0.3, "n_estimators", 150);
        for (Featurized data : List.of(ContributionChecks.bank(FeatureView.TREES),
                ContributionChecks.penguins(FeatureView.TREES), ContributionChecks.ames(FeatureView.TREES))) {
            FeatureMatrix x = ContributionChecks.explained(data, 500);
            for (String family : List.of("LightGBM", "XGBoost")) {
                Learner learner = learner(family, data.task());
                String what = family + " " + data.name();
                Path dir = Files.createDirectories(tmp.resolve(family + "-" + data.name()));
                try (FittedModel m = learner.fit(data.train(), data.valid(), params, ctx())) {
                    Contributions c = m.contributions(x).orElseThrow();
                    int outputs = data.numClasses() > 2 ? data.numClasses() : 1;
                    assertEquals(x.rows(), c.rows());
                    assertEquals(x.cols(), c.features());
                    assertEquals(outputs, c.outputs());
                    double[] margins = margins(m, x);
                    double addsUp = ContributionChecks.assertAddsUp(c, margins, ADDS_UP, what);
                    double link = data.task() == Task.CLASSIFICATION
                            ? ContributionChecks.assertLinkGivesProbabilities(margins, m.predict(x), LINK, what) : 0;
                    m.save(dir);
                    int stored = family.equals("XGBoost") ? storedXgboostRounds(dir) : rounds(m);
                    assertTrue(!x.categorical().isEmpty() && splitsCategories(dir),
                            what + ": no categorical split to explain");
                    System.out.printf(Locale.ROOT, "%s: %d rows x %d features x %d outputs, %d of %d stored rounds;"
                                    + " max |sum - margin| / scale %.2e, max |link(margin) - p| %.2e%n",
                            what, c.rows(), c.features(), c.outputs(), rounds(m), stored, addsUp, link);
                    try (FittedModel loaded = learner.load(dir, data.task(), data.numClasses())) {
                        Contributions back = loaded.contributions(x).orElseThrow();
                        assertArrayEquals(c.values(), back.values(), what + " after loading");
                        assertArrayEquals(c.base(), back.base(), what + " after loading");
                    }
                }
            }
        }
    }

    /**
     * The booster XGBoost saves holds the rounds early stopping waited through past the best one; contributions of
     * all of them would not add up to the margins the model predicts with.
     */
    @Test
    void xgboostContributionsUseOnlyTheKeptRounds(@TempDir Path dir) throws IOException, XGBoostError {
        Featurized data = ContributionChecks.bank(FeatureView.TREES);
        FeatureMatrix x = ContributionChecks.explained(data, 500);
        Params params = Params.of("learning_rate", 0.3, "n_estimators", 150);
        try (FittedModel m = XGBoostLearner.classifier().fit(data.train(), data.valid(), params, ctx())) {
            m.save(dir);
            int stored = storedXgboostRounds(dir);
            assertTrue(rounds(m) < stored, rounds(m) + " kept of " + stored);
            double[] margins = margins(m, x);
            ContributionChecks.assertAddsUp(m.contributions(x).orElseThrow(), margins, ADDS_UP, "kept rounds");
            Booster all = XGBoostModel.boosterFromJson(Files.readAllBytes(dir.resolve(XGBoostModel.MODEL_FILE)));
            DMatrix matrix = new DMatrix(x.values(), x.rows(), x.cols(), Float.NaN);
            try {
                float[][] every = all.predictContrib(matrix, 0);
                double worst = 0;
                for (int r = 0; r < x.rows(); r++) {
                    double sum = 0;
                    for (float v : every[r]) {
                        sum += v;
                    }
                    worst = Math.max(worst, Math.abs(sum - margins[r]));
                }
                System.out.printf(Locale.ROOT, "XGBoost bank_marketing: all %d stored rounds miss the margins of the"
                        + " %d kept by up to %.3f%n", stored, rounds(m), worst);
                assertTrue(worst > 0.1, "all rounds' contributions are off by " + worst);
            } finally {
                matrix.dispose();
                all.dispose();
            }
        }
    }

    /**
     * Columns 0 and 3 of ten make the target; the other eight are noise. A tenth of all values are missing, which
     * the contributions must treat as the predictions do.
     */
    @Test
    void theTwoColumnsThatMatterRankFirst() {
        for (Task task : List.of(Task.REGRESSION, Task.CLASSIFICATION)) {
            TrainingData train = ContributionChecks.synthetic(task, 2000, true, 5);
            FeatureMatrix test = ContributionChecks.synthetic(task, 400, true, 6).x();
            // GradientBoosting is XGBoost's exact method, without native categories.
            for (String family : List.of("LightGBM", "XGBoost", "GradientBoosting")) {
                String what = family + " synthetic " + task.id();
                try (FittedModel m = learner(family, task).fit(train, null, Params.of("n_estimators", 100), ctx())) {
                    Contributions c = m.contributions(test).orElseThrow();
                    double addsUp = ContributionChecks.assertAddsUp(c, margins(m, test), ADDS_UP, what);
                    System.out.printf(Locale.ROOT, "%s: max |sum - margin| / scale %.2e%n", what, addsUp);
                    ContributionChecks.assertSignalColumnsRankFirst(c, what);
                }
            }
        }
    }

    /**
     * 120 copies of penguins' rows are 30,960 rows of 3 x 13 outputs, two batches of LightGBM's or XGBoost's
     * output; every copy must get the contributions the rows get alone, so batches land at their own rows and a
     * buffer sized for too few classes would show.
     */
    @Test
    void manyMulticlassRowsInBatchesMatchFewRows() {
        Featurized data = ContributionChecks.penguins(FeatureView.TREES);
        FeatureMatrix few = ContributionChecks.explained(data, 500);
        int copies = 120;
        float[] many = new float[few.values().length * copies];
        for (int c = 0; c < copies; c++) {
            System.arraycopy(few.values(), 0, many, c * few.values().length, few.values().length);
        }
        FeatureMatrix big = new FeatureMatrix(many, few.rows() * copies, few.cols(), few.names(), few.categorical());
        assertTrue(big.cols() * (long) big.rows() > ContributionBatches.valuesPerBatch(3, big.cols()), "one batch");
        for (String family : List.of("LightGBM", "XGBoost")) {
            try (FittedModel m = learner(family, Task.CLASSIFICATION).fit(data.train(), null,
                    Params.of("n_estimators", 20), ctx())) {
                Contributions once = m.contributions(few).orElseThrow();
                Contributions all = m.contributions(big).orElseThrow();
                assertArrayEquals(once.base(), all.base(), family);
                int block = once.values().length;
                for (int c = 0; c < copies; c++) {
                    assertArrayEquals(once.values(), Arrays.copyOfRange(all.values(), c * block, (c + 1) * block),
                            family + " copy " + c);
                }
            }
        }
    }

    @Test
    void noRowsGiveNoContributions() {
        TrainingData train = ContributionChecks.synthetic(Task.REGRESSION, 200, false, 1);
        FeatureMatrix none = new FeatureMatrix(new float[0], 0, 10, train.x().names(), new BitSet());
        for (String family : List.of("LightGBM", "XGBoost")) {
            try (FittedModel m = learner(family, Task.REGRESSION).fit(train, null, Params.of("n_estimators", 5),
                    ctx())) {
                Contributions c = m.contributions(none).orElseThrow();
                assertEquals(0, c.rows());
                assertEquals(0, c.values().length);
                FeatureMatrix narrow = new FeatureMatrix(new float[9], 1, 9, train.x().names().subList(0, 9),
                        new BitSet());
                assertThrows(IllegalArgumentException.class, () -> m.contributions(narrow));
            }
        }
    }

    /** Batches land at their own rows; the base comes from the first and every later row must agree with it. */
    @Test
    void batchesUnpackIntoPlace() {
        int features = 2;
        int outputs = 2;
        double[] values = new double[3 * outputs * features];
        double[] base = new double[outputs];
        ContributionBatches.unpack(new double[] {1, 2, 10, 3, 4, 20}, 0, 1, outputs, features, values, base);
        ContributionBatches.unpack(new double[] {5, 6, 10, 7, 8, 20, 9, 10, 10, 11, 12, 20}, 1, 2, outputs, features,
                values, base);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, values);
        assertArrayEquals(new double[] {10, 20}, base);
        assertThrows(IllegalStateException.class, () -> ContributionBatches.unpack(
                new double[] {1, 2, 11, 3, 4, 20}, 1, 1, outputs, features, values, base));
        // One row of 1,000 features and 10 outputs is about 10,000 outputs: about 100 rows to a batch.
        assertEquals(104 * 1000, ContributionBatches.valuesPerBatch(10, 1000));
        assertEquals(1000, ContributionBatches.valuesPerBatch(10_000, 1000), "at least one row");
    }

    private static int rounds(FittedModel m) {
        return m instanceof LightGbmModel l ? l.rounds() : ((XGBoostModel) m).rounds();
    }

    /** Whether a saved model has a split on a set of categories: {@code num_cat} counts them in LightGBM's trees. */
    private static boolean splitsCategories(Path dir) throws IOException {
        Path lightgbm = dir.resolve(LightGbmModel.MODEL_FILE);
        if (Files.isRegularFile(lightgbm)) {
            return Files.readAllLines(lightgbm).stream().anyMatch(l -> l.startsWith("num_cat=") && !l.equals("num_cat=0"));
        }
        return Files.readString(dir.resolve(XGBoostModel.MODEL_FILE)).matches("(?s).*\"categories_nodes\":\\[\\d.*");
    }

    private static int storedXgboostRounds(Path dir) throws IOException {
        Booster b = XGBoostModel.boosterFromJson(Files.readAllBytes(dir.resolve(XGBoostModel.MODEL_FILE)));
        try {
            return b.getNumBoostedRound();
        } catch (XGBoostError e) {
            throw new IllegalStateException(e);
        } finally {
            b.dispose();
        }
    }
}
