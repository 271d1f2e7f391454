package dev.automl.algorithms.boosting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every gradient boosting learner must do, checked on real data; subclasses name the learner.
 *
 * <p>Splits are by row number: every 4th row (i % 4 == 0) is the test set, i % 4 == 1 the early-stopping rows,
 * the rest the training rows; fits without early stopping train on every row that is not a test row.
 */
abstract class BoostingLearnerContract {

    static final IntPredicate TEST = i -> i % 4 == 0;
    static final IntPredicate VALID = i -> i % 4 == 1;
    static final IntPredicate TRAIN = i -> i % 4 >= 2;
    static final IntPredicate TRAIN_ALL = i -> i % 4 != 0;

    static final CsvDataset IRIS = CsvDataset.iris();
    static final CsvDataset BLOOD = CsvDataset.bloodTransfusion();
    static final CsvDataset CONCRETE = CsvDataset.concrete();

    abstract Learner learner(Task task);

    /** Rounds the fitted model predicts with. */
    abstract int rounds(FittedModel model);

    /** The library's model file that save() must write. */
    abstract String modelFile();

    /** Parameters that make the seed matter (row and column subsampling). */
    abstract Params sampled();

    /** Depth-one trees, so that one round is a single split. */
    abstract Params stumps();

    /**
     * One thread: the test machine's two cores are shared, and OpenMP threads that wait for a busy core make
     * XGBoost rounds many times slower. {@link #sameSeedGivesTheSameModel} uses two.
     */
    static TrialContext ctx(long seed) {
        return ctx(seed, 1);
    }

    static TrialContext ctx(long seed, int threads) {
        return new TrialContext(Deadline.never(), threads, seed);
    }

    Params start(Task task, TrainingData train) {
        FeatureMatrix x = train.x();
        DataShape shape = new DataShape(x.rows(), x.cols(), train.y().numClasses(), 0);
        return learner(task).portfolio(task, shape).get(0);
    }

    // Floor: iris is close to separable and tree ensembles usually misclassify 1-3 of 38 test rows (measured here:
    // LightGBM 0.974, XGBoost 0.947); 0.9 allows three errors.
    @Test
    void irisAccuracy() {
        TrainingData train = IRIS.select(TRAIN_ALL);
        TrainingData test = IRIS.select(TEST);
        try (FittedModel m = learner(Task.CLASSIFICATION).fit(train, null, start(Task.CLASSIFICATION, train), ctx(1))) {
            double accuracy = Scores.accuracy(m.predict(test.x()), test.y());
            System.out.printf("%s iris accuracy %.4f%n", getClass().getSimpleName(), accuracy);
            assertTrue(accuracy >= 0.9, "accuracy " + accuracy);
        }
    }

    // Floor: AMLB 1h8c results for blood-transfusion (OpenML task 10101, the same 748 rows, 10-fold CV) give AUC
    // 0.73-0.76 for H2O, FLAML, auto-sklearn, LightAutoML and AutoGluon and 0.686 for a tuned random forest
    // (PEERS.md section 3, from TabRepo). One 187-row test fold is too noisy to judge (single folds here range
    // 0.68-0.79), so this rotates the test fold over all four and checks the mean, early-stopped on the next fold.
    // Measured: LightGBM 0.740, XGBoost 0.718; 0.70 is above the tuned forest and below the AutoML ensembles.
    @Test
    void bloodTransfusionAuc() {
        Learner learner = learner(Task.CLASSIFICATION);
        double sum = 0;
        StringBuilder folds = new StringBuilder();
        for (int fold = 0; fold < 4; fold++) {
            int testFold = fold;
            int validFold = (fold + 1) % 4;
            TrainingData train = BLOOD.select(i -> i % 4 != testFold && i % 4 != validFold);
            TrainingData test = BLOOD.select(i -> i % 4 == testFold);
            try (FittedModel m = learner.fit(train, BLOOD.select(i -> i % 4 == validFold),
                    start(Task.CLASSIFICATION, train), ctx(1))) {
                double auc = Scores.auc(m.predict(test.x()), test.y());
                sum += auc;
                folds.append(String.format(" %.4f (%d rounds)", auc, rounds(m)));
            }
        }
        double mean = sum / 4;
        System.out.printf("%s blood_transfusion mean AUC %.4f, folds%s%n", getClass().getSimpleName(), mean, folds);
        assertTrue(mean >= 0.70, "mean AUC " + mean + ", folds" + folds);
    }

    // Floor: Wan, Xu and Savija, "On the use of machine learning models for prediction of compressive strength of
    // concrete", Materials 14 (2021) 713, report test R^2 above 0.9 for XGBoost, SVR and ANN on these 1,030 rows
    // (best 0.934, XGBoost). Measured here: LightGBM 0.911, XGBoost 0.908 on half the rows, early-stopped on a
    // quarter; 0.85 leaves room for that smaller training set.
    @Test
    void validationPredictionsFromTrainingEqualFreshPredictions() {
        for (CsvDataset data : List.of(IRIS, BLOOD, CONCRETE)) {
            Task task = data == CONCRETE ? Task.REGRESSION : Task.CLASSIFICATION;
            TrainingData train = data.select(TRAIN);
            TrainingData valid = data.select(VALID);
            try (FittedModel m = learner(task).fit(train, valid, start(task, train), ctx(1))) {
                Predictions fresh = m.predict(valid.x());
                m.validationPredictions().ifPresent(kept -> {
                    for (int i = 0; i < fresh.values().length; i++) {
                        assertEquals(fresh.values()[i], kept.values()[i], 1e-9, "value " + i);
                    }
                });
            }
        }
    }

    @Test
    void concreteR2() {
        TrainingData train = CONCRETE.select(TRAIN);
        TrainingData test = CONCRETE.select(TEST);
        try (FittedModel m = learner(Task.REGRESSION).fit(train, CONCRETE.select(VALID),
                start(Task.REGRESSION, train), ctx(1))) {
            double r2 = Scores.r2(m.predict(test.x()), test.y());
            System.out.printf("%s concrete R^2 %.4f (%d rounds)%n", getClass().getSimpleName(), r2, rounds(m));
            assertTrue(r2 >= 0.85, "R^2 " + r2);
        }
    }

    @Test
    void passedDeadlineReturnsAOneRoundModelAtOnce() {
        TrainingData train = CONCRETE.select(TRAIN_ALL);
        TrialContext late = new TrialContext(Deadline.afterSeconds(0), 1, 1);
        long start = System.nanoTime();
        try (FittedModel m = learner(Task.REGRESSION).fit(train, null, Params.of("n_estimators", 10_000), late)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < 2, seconds + " s");
            assertEquals(1, rounds(m));
            assertTrue(m.stoppedByDeadline());
            assertEquals(1, m.fittedParams().getInt("n_estimators", -1));
            assertEquals(CONCRETE.select(TEST).x().rows(), m.predict(CONCRETE.select(TEST).x()).rows());
        }
    }

    @Test
    void deadlineStopsALongTrialWithinASecond() {
        // 100,000 rounds at a tiny learning rate take minutes; the trial must end within a second of its deadline.
        TrainingData train = CONCRETE.select(TRAIN_ALL);
        double deadline = 1.5;
        TrialContext ctx = new TrialContext(Deadline.afterSeconds(deadline), 1, 1);
        Params many = Params.of("n_estimators", 100_000, "learning_rate", 0.001);
        long start = System.nanoTime();
        try (FittedModel m = learner(Task.REGRESSION).fit(train, null, many, ctx)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < deadline + 1, seconds + " s");
            assertTrue(m.stoppedByDeadline());
            assertTrue(rounds(m) >= 1 && rounds(m) < 100_000, rounds(m) + " rounds");
        }
    }

    @Test
    void earlyStoppingKeepsTheBestRoundsAndRefitReproducesThem() {
        TrainingData train = BLOOD.select(TRAIN);
        TrainingData test = BLOOD.select(TEST);
        Learner learner = learner(Task.CLASSIFICATION);
        Params fast = Params.of("learning_rate", 0.3, "n_estimators", 10_000);
        try (FittedModel stopped = learner.fit(train, BLOOD.select(VALID), fast, ctx(3))) {
            int best = rounds(stopped);
            // 561 training rows give AutoGluon's patience of 300 rounds.
            assertTrue(best >= 1 && best < 10_000 - 300, best + " rounds");
            assertEquals(best, stopped.fittedParams().getInt("n_estimators", -1));
            assertEquals(0.3, stopped.fittedParams().getDouble("learning_rate", 0));
            // Early stopping trained the best rounds and then 300 more that the refit skips.
            assertEquals((double) best / (best + 300), stopped.refitShare(), 1e-12);
            try (FittedModel refit = learner.fit(train, null, stopped.fittedParams(), ctx(3))) {
                assertEquals(best, rounds(refit));
                assertEquals(1.0, refit.refitShare());
                // Same rows, seed and rounds: the refit is the early-stopped model, so predictions use its best
                // rounds only.
                assertArrayEquals(stopped.predict(test.x()).values(), refit.predict(test.x()).values());
            }
        }
    }

    @Test
    void multiclassProbabilitiesSumToOneForBatchesAndSingleRows() {
        TrainingData train = IRIS.select(TRAIN_ALL);
        FeatureMatrix test = IRIS.select(TEST).x();
        try (FittedModel m = learner(Task.CLASSIFICATION).fit(train, IRIS.select(VALID), Params.empty(), ctx(1))) {
            Predictions p = m.predict(test);
            assertEquals(3, p.numClasses());
            assertEquals(test.rows(), p.rows());
            for (int i = 0; i < p.rows(); i++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    assertTrue(p.probability(i, k) >= 0 && p.probability(i, k) <= 1);
                    sum += p.probability(i, k);
                }
                assertEquals(1.0, sum, 1e-12);
                FeatureMatrix one = new FeatureMatrix(Arrays.copyOfRange(test.values(), i * test.cols(),
                        (i + 1) * test.cols()), 1, test.cols(), test.names(), new BitSet());
                double[] single = m.predict(one).values();
                assertArrayEquals(Arrays.copyOfRange(p.values(), i * 3, i * 3 + 3), single);
            }
        }
    }

    /**
     * lightgbm4j's own predict allocates 2 x rows outputs whatever the number of classes and corrupts the heap with
     * three; thousands of rows make such an overrun crash rather than pass by luck.
     */
    @Test
    void multiclassPredictionOfManyRowsMatchesRowByRow() {
        FeatureMatrix test = IRIS.select(TEST).x();
        int copies = 200;
        float[] many = new float[test.values().length * copies];
        for (int c = 0; c < copies; c++) {
            System.arraycopy(test.values(), 0, many, c * test.values().length, test.values().length);
        }
        FeatureMatrix big = new FeatureMatrix(many, test.rows() * copies, test.cols(), test.names(), new BitSet());
        try (FittedModel m = learner(Task.CLASSIFICATION).fit(IRIS.select(TRAIN_ALL), null,
                Params.of("n_estimators", 20), ctx(1))) {
            double[] once = m.predict(test).values();
            double[] all = m.predict(big).values();
            assertEquals(once.length * copies, all.length);
            for (int c = 0; c < copies; c++) {
                assertArrayEquals(once, Arrays.copyOfRange(all, c * once.length, (c + 1) * once.length));
            }
        }
    }

    @Test
    void savedModelsLoadWithIdenticalPredictions(@TempDir Path tmp) throws IOException {
        assertRoundTrip(Task.CLASSIFICATION, IRIS, 3, tmp.resolve("iris"));
        assertRoundTrip(Task.CLASSIFICATION, BLOOD, 2, tmp.resolve("blood"));
        assertRoundTrip(Task.REGRESSION, CONCRETE, 0, tmp.resolve("concrete"));
    }

    private void assertRoundTrip(Task task, CsvDataset data, int numClasses, Path dir) throws IOException {
        Files.createDirectories(dir);
        Learner learner = learner(task);
        FeatureMatrix test = data.select(TEST).x();
        try (FittedModel m = learner.fit(data.select(TRAIN), data.select(VALID), sampled(), ctx(5))) {
            m.save(dir);
            assertTrue(Files.isRegularFile(dir.resolve(modelFile())));
            assertTrue(Files.isRegularFile(dir.resolve(ModelInfo.FILE)));
            try (FittedModel loaded = learner.load(dir, task, numClasses)) {
                assertArrayEquals(m.predict(test).values(), loaded.predict(test).values());
                assertEquals(m.fittedParams(), loaded.fittedParams());
                assertEquals(rounds(m), rounds(loaded));
            }
        }
    }

    @Test
    void loadingRefusesAModelOfAnotherTaskOrClassCount(@TempDir Path dir) throws IOException {
        try (FittedModel m = learner(Task.CLASSIFICATION).fit(IRIS.select(TRAIN_ALL), null,
                Params.of("n_estimators", 5), ctx(1))) {
            m.save(dir);
        }
        IOException wrongTask = assertThrows(IOException.class,
                () -> learner(Task.REGRESSION).load(dir, Task.REGRESSION, 0));
        assertTrue(wrongTask.getMessage().contains(ModelInfo.FILE), wrongTask.getMessage());
        IOException wrongClasses = assertThrows(IOException.class,
                () -> learner(Task.CLASSIFICATION).load(dir, Task.CLASSIFICATION, 2));
        assertTrue(wrongClasses.getMessage().contains(ModelInfo.FILE), wrongClasses.getMessage());
        IOException empty = assertThrows(IOException.class,
                () -> learner(Task.CLASSIFICATION).load(dir.resolve("nothing"), Task.CLASSIFICATION, 3));
        assertTrue(empty.getMessage().contains("is missing"), empty.getMessage());
    }

    @Test
    void sameSeedGivesTheSameModel() {
        TrainingData train = CONCRETE.select(TRAIN);
        TrainingData valid = CONCRETE.select(VALID);
        FeatureMatrix test = CONCRETE.select(TEST).x();
        Learner learner = learner(Task.REGRESSION);
        Params p = sampled().with("n_estimators", 60);
        try (FittedModel a = learner.fit(train, valid, p, ctx(7, 2));
                FittedModel b = learner.fit(train, valid, p, ctx(7, 2));
                FittedModel c = learner.fit(train, valid, p, ctx(8, 2))) {
            assertArrayEquals(a.predict(test).values(), b.predict(test).values());
            assertEquals(a.fittedParams(), b.fittedParams());
            assertFalse(Arrays.equals(a.predict(test).values(), c.predict(test).values()),
                    "another seed should subsample other rows and columns");
        }
    }

    @Test
    void sampleWeightsChangeTheModel() {
        TrainingData train = BLOOD.select(TRAIN_ALL);
        FeatureMatrix test = BLOOD.select(TEST).x();
        double[] weights = new double[train.y().size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = train.y().classOf(i) == 1 ? 0.05 : 1.0;
        }
        Target y = train.y();
        TrainingData weighted = new TrainingData(train.x(), new Target(y.task(), y.y(), y.labels(), weights));
        Learner learner = learner(Task.CLASSIFICATION);
        Params p = Params.of("n_estimators", 50);
        try (FittedModel plain = learner.fit(train, null, p, ctx(1));
                FittedModel down = learner.fit(weighted, null, p, ctx(1))) {
            double plainMean = meanProbability(plain.predict(test));
            double downMean = meanProbability(down.predict(test));
            assertTrue(downMean < plainMean / 2, downMean + " vs " + plainMean);
        }
    }

    private static double meanProbability(Predictions p) {
        double sum = 0;
        for (int i = 0; i < p.rows(); i++) {
            sum += p.probability(i, 1);
        }
        return sum / p.rows();
    }

    /**
     * Class 1 is five of twenty category codes scattered over the range: one split on the codes as numbers cannot
     * isolate them, one split on them as categories can.
     */
    @Test
    void categoricalColumnsAreSplitAsCategories(@TempDir Path dir) throws IOException {
        Set<Integer> positive = Set.of(3, 7, 11, 12, 18);
        int n = 2000;
        Random rng = new Random(11);
        float[] values = new float[n * 2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int code = i % 20;
            values[i * 2] = code;
            values[i * 2 + 1] = (float) rng.nextGaussian();
            y[i] = positive.contains(code) ? 1 : 0;
        }
        BitSet categorical = new BitSet();
        categorical.set(0);
        FeatureMatrix x = new FeatureMatrix(values, n, 2, List.of("code", "noise"), categorical);
        TrainingData train = new TrainingData(x, new Target(Task.CLASSIFICATION, y, List.of("no", "yes"), null));
        Params oneSplit = stumps().with("n_estimators", 1).with("learning_rate", 1.0);
        try (FittedModel m = learner(Task.CLASSIFICATION).fit(train, null, oneSplit, ctx(1))) {
            Predictions p = m.predict(x);
            assertEquals(1.0, Scores.auc(p, train.y()), 1e-12);
            assertNotEquals(p.probability(0, 1), p.probability(3, 1));
            m.save(dir);
            try (FittedModel loaded = learner(Task.CLASSIFICATION).load(dir, Task.CLASSIFICATION, 2)) {
                assertArrayEquals(p.values(), loaded.predict(x).values());
            }
        }
    }

    @Test
    void everyPortfolioConfigurationAndSampledPointFits() {
        TrainingData train = BLOOD.select(TRAIN);
        TrainingData valid = BLOOD.select(VALID);
        DataShape shape = new DataShape(train.x().rows(), train.x().cols(), 2, 0);
        Learner learner = learner(Task.CLASSIFICATION);
        List<Params> portfolio = learner.portfolio(Task.CLASSIFICATION, shape);
        assertTrue(portfolio.size() >= 5);
        Random rng = new Random(2);
        for (int i = 0; i < portfolio.size() + 3; i++) {
            Params p = i < portfolio.size() ? portfolio.get(i)
                    : learner.space(Task.CLASSIFICATION, shape).sample(rng);
            try (FittedModel m = learner.fit(train, valid, p.with("n_estimators", 20), ctx(1))) {
                Predictions predictions = m.predict(valid.x());
                // Portfolio configurations must learn; a random point may regularise itself into a constant
                // model (lambda_l1 near 10 on 560 rows), which is a poor trial, not a broken one.
                double auc = Scores.auc(predictions, valid.y());
                assertTrue(i < portfolio.size() ? auc > 0.6 : auc >= 0.5, auc + " " + p);
                assertTrue(m.fittedParams().getInt("n_estimators", 0) <= 20);
            }
        }
    }
}
