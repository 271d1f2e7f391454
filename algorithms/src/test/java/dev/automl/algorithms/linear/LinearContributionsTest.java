package dev.automl.algorithms.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.automl.algorithms.ContributionChecks;
import dev.automl.algorithms.ContributionChecks.Featurized;
import dev.automl.algorithms.Contributions;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeatureView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linear models' contributions, {@code w_j (x_j - mean_j)} from the base {@code b + sum_j w_j mean_j}: they add up
 * to the scores the models predict from, average 0 over the training rows, rank the columns that matter first,
 * and are saved with the model.
 */
class LinearContributionsTest {

    /** Double arithmetic throughout; only the order of additions differs from the model's score. */
    private static final double ADDS_UP = 1e-9;
    private static final double LINK = 1e-9;

    private static TrialContext ctx() {
        return new TrialContext(Deadline.never(), 1, 1);
    }

    @Test
    void contributionsAddUpToTheScoresAndSurviveSaving(@TempDir Path tmp) throws IOException {
        record Case(Learner learner, Featurized data) {
        }
        for (Case c : List.of(new Case(new LogisticRegression(), ContributionChecks.bank(FeatureView.LINEAR)),
                new Case(new LogisticRegression(), ContributionChecks.penguins(FeatureView.LINEAR)),
                new Case(new ElasticNet(), ContributionChecks.ames(FeatureView.LINEAR)))) {
            Featurized data = c.data();
            String what = c.learner().name() + " " + data.name();
            FeatureMatrix x = ContributionChecks.explained(data, 500);
            Path dir = Files.createDirectories(tmp.resolve(data.name()));
            FittedModel m = c.learner().fit(data.train(), null, Params.empty(), ctx());
            Contributions contributions = m.contributions(x).orElseThrow();
            assertEquals(data.numClasses() > 2 ? data.numClasses() : 1, contributions.outputs());
            double[] margins = scores((LinearModel) m, x);
            double addsUp = ContributionChecks.assertAddsUp(contributions, margins, ADDS_UP, what);
            Predictions p = m.predict(x);
            double link = ContributionChecks.assertMarginsGivePredictions(margins, p, data.task(), LINK, what);
            double centred = ContributionChecks.maxMeanOverRows(m.contributions(data.train().x()).orElseThrow());
            System.out.printf(Locale.ROOT, "%s: %d rows x %d features x %d outputs; max |sum - margin| / scale %.2e,"
                            + " max |link(margin) - prediction| %.2e, max |mean contribution| over training rows %.2e%n",
                    what, x.rows(), x.cols(), contributions.outputs(), addsUp, link, centred);
            assertTrue(centred < 1e-9, what + ": training rows' mean contribution " + centred);

            m.save(dir);
            FittedModel loaded = c.learner().load(dir, data.task(), data.numClasses());
            Contributions back = loaded.contributions(x).orElseThrow();
            assertArrayEquals(contributions.values(), back.values(), what + " after loading");
            assertArrayEquals(contributions.base(), back.base(), what + " after loading");
        }
    }

    /** A file saved before the means were recorded still loads and predicts, but gives no contributions. */
    @Test
    void aModelSavedWithoutMeansGivesNone(@TempDir Path dir) throws IOException {
        TrainingData train = ContributionChecks.synthetic(Task.CLASSIFICATION, 500, false, 1);
        LogisticRegression learner = new LogisticRegression();
        FittedModel m = learner.fit(train, null, Params.empty(), ctx());
        m.save(dir);
        Path file = dir.resolve(LinearFile.FILE_NAME);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(file.toFile());
        assertTrue(root.has("feature_means"));
        root.remove("feature_means");
        json.writeValue(file.toFile(), root);
        FittedModel old = learner.load(dir, Task.CLASSIFICATION, 2);
        assertArrayEquals(m.predict(train.x()).values(), old.predict(train.x()).values());
        assertTrue(old.contributions(train.x()).isEmpty());
    }

    @Test
    void modelsWithoutAScorePerClassGiveNone() {
        TrainingData train = ContributionChecks.synthetic(Task.CLASSIFICATION, 200, false, 2);
        FittedModel late = new LogisticRegression().fit(train, null, Params.empty(),
                new TrialContext(Deadline.afterSeconds(0), 1, 1));
        assertTrue(late.contributions(train.x()).isEmpty(), "a constant model has no scores");
        // Classes 0 and 2 of three: the model's one score leaves class 1 at probability 0, margin minus infinity.
        double[] zeroOrTwo = java.util.Arrays.stream(train.y().y()).map(y -> 2 * y).toArray();
        TrainingData absent = new TrainingData(train.x(), new dev.automl.featurization.Target(Task.CLASSIFICATION,
                zeroOrTwo, List.of("a", "b", "c"), null));
        FittedModel two = new LogisticRegression().fit(absent, null, Params.empty(), ctx());
        assertEquals(0.0, two.predict(train.x()).probability(0, 1));
        assertTrue(two.contributions(train.x()).isEmpty(), "class 1 absent");
    }

    @Test
    void theTwoColumnsThatMatterRankFirst() {
        for (Learner learner : List.of(new LogisticRegression(), new ElasticNet())) {
            Task task = learner.tasks().iterator().next();
            TrainingData train = ContributionChecks.synthetic(task, 2000, false, 5);
            FeatureMatrix test = ContributionChecks.synthetic(task, 400, false, 6).x();
            FittedModel m = learner.fit(train, null, Params.empty(), ctx());
            Contributions c = m.contributions(test).orElseThrow();
            ContributionChecks.assertAddsUp(c, scores((LinearModel) m, test), ADDS_UP, learner.name());
            ContributionChecks.assertSignalColumnsRankFirst(c, learner.name() + " synthetic " + task.id());
        }
    }

    /**
     * The model's scores computed here from its coefficients, as the margins contributions must add up to: one
     * per row for regression and binomial models, one per class for multinomial ones (the last modelled class 0).
     */
    private static double[] scores(LinearModel m, FeatureMatrix x) {
        int outputs = m.kind() == LinearModel.Kind.MULTINOMIAL ? m.numClasses() : 1;
        double[][] w = m.weights();
        double[] b = m.intercepts();
        int[] classes = m.classes();
        double[] out = new double[x.rows() * outputs];
        for (int r = 0; r < x.rows(); r++) {
            for (int s = 0; s < w.length; s++) {
                double z = b[s];
                for (int j = 0; j < x.cols(); j++) {
                    z += w[s][j] * x.get(r, j);
                }
                out[r * outputs + (outputs == 1 ? 0 : classes[s])] = z;
            }
        }
        return out;
    }
}
