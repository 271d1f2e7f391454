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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contributions of LassoLars' sparse linear models (weights on centred, scaled columns and a standardised target,
 * mapped back to the raw features) and LinearSVM's LIBLINEAR models (LIBLINEAR's class order, one weight vector
 * for two classes, the bias feature): base plus contributions are the regression values, or give the calibrated
 * probabilities through the softmax or sigmoid; they average 0 over the training rows and survive saving, and a
 * model saved without its means gives none.
 */
class TribuoLinearContributionsTest {

    /** Relative to the margin's scale: Tribuo scores in double; only the order of additions and the link differ. */
    private static final double TOLERANCE = 1e-9;

    private static TrialContext ctx() {
        return new TrialContext(Deadline.never(), 1, 1);
    }

    private static Featurized concrete() {
        return ContributionChecks.featurize("concrete", "concrete/concrete.csv", "compressive_strength", List.of(),
                Task.REGRESSION, Integer.MAX_VALUE, FeatureView.LINEAR);
    }

    @Test
    void marginsGiveThePredictionsAndSurviveSaving(@TempDir Path tmp) throws IOException {
        record Case(Learner learner, Featurized data, Params params) {
        }
        LassoLars lars = new LassoLars();
        LinearSvm svm = new LinearSvm();
        for (Case c : List.of(new Case(lars, concrete(), Params.empty()),
                new Case(lars, concrete(), Params.of("n_nonzero_coefs", 3)),
                new Case(lars, ContributionChecks.ames(FeatureView.LINEAR), Params.of("n_nonzero_coefs", 20)),
                new Case(svm, ContributionChecks.penguins(FeatureView.LINEAR), Params.empty()),
                new Case(svm, ContributionChecks.penguins(FeatureView.LINEAR), Params.of("C", 0.01,
                        "class_weight", "balanced")),
                new Case(svm, ContributionChecks.bank(FeatureView.LINEAR), Params.empty()),
                new Case(svm, ContributionChecks.bank(FeatureView.LINEAR), Params.of("class_weight", "balanced")),
                new Case(svm, firstTrainingRowOf(ContributionChecks.penguins(FeatureView.LINEAR), 1), Params.empty()),
                new Case(svm, firstTrainingRowOf(ContributionChecks.bank(FeatureView.LINEAR), 1), Params.empty()))) {
            Featurized data = c.data();
            String what = c.learner().name() + " " + c.params() + " " + data.name();
            FeatureMatrix x = ContributionChecks.explained(data, 500);
            FittedModel m = c.learner().fit(data.train(), null, c.params(), ctx());
            Contributions contributions = m.contributions(x).orElseThrow();
            int outputs = data.numClasses() > 2 ? data.numClasses() : 1;
            assertEquals(outputs, contributions.outputs(), what);
            double[] margins = ContributionChecks.margins(contributions);
            Predictions p = m.predict(x);
            double error = ContributionChecks.assertMarginsGivePredictions(margins, p, data.task(), TOLERANCE, what);
            double centred = ContributionChecks.maxMeanOverRows(m.contributions(data.train().x()).orElseThrow());
            System.out.printf(Locale.ROOT, "%s: %d rows x %d features x %d outputs; max %s %.2e, max |mean"
                            + " contribution| over training rows %.2e%n", what, x.rows(), x.cols(), outputs,
                    data.task() == Task.CLASSIFICATION ? "|link(base + sum) - probability|"
                            : "|base + sum - prediction| / max(1, |prediction|)", error, centred);
            assertTrue(centred < 1e-9 * scale(contributions), what + ": training rows' mean contribution " + centred);

            Path dir = Files.createDirectories(tmp.resolve(c.learner().name() + "-" + data.name() + "-"
                    + Integer.toHexString(c.params().toString().hashCode())));
            m.save(dir);
            FittedModel loaded = c.learner().load(dir, data.task(), data.numClasses());
            Contributions back = loaded.contributions(x).orElseThrow();
            assertArrayEquals(contributions.values(), back.values(), what + " after loading");
            assertArrayEquals(contributions.base(), back.base(), what + " after loading");
        }
    }

    /** Models saved before feature means were recorded still load and predict, but give no contributions. */
    @Test
    void modelsSavedWithoutMeansGiveNone(@TempDir Path tmp) throws IOException {
        record Case(Learner learner, Featurized data) {
        }
        for (Case c : List.of(new Case(new LassoLars(), concrete()),
                new Case(new LinearSvm(), ContributionChecks.penguins(FeatureView.LINEAR)))) {
            Featurized data = c.data();
            FittedModel m = c.learner().fit(data.train(), null, Params.empty(), ctx());
            Path dir = Files.createDirectories(tmp.resolve(c.learner().name()));
            m.save(dir);
            ObjectMapper json = new ObjectMapper();
            Path file = dir.resolve("tribuo.json");
            ObjectNode root = (ObjectNode) json.readTree(file.toFile());
            assertTrue(root.has("feature_means"), c.learner().name());
            root.remove("feature_means");
            json.writeValue(file.toFile(), root);
            FittedModel old = c.learner().load(dir, data.task(), data.numClasses());
            FeatureMatrix x = data.test().x();
            assertArrayEquals(m.predict(x).values(), old.predict(x).values(), c.learner().name());
            assertTrue(old.contributions(x).isEmpty(), c.learner().name());
        }
    }

    /**
     * The same data with the training rows reordered so that the first is of class {@code c}: LIBLINEAR orders its
     * classes as they first appear, so this puts them out of the engine's order.
     */
    private static Featurized firstTrainingRowOf(Featurized data, int c) {
        int n = data.train().x().rows();
        int[] order = IntStream.range(0, n).toArray();
        int first = IntStream.range(0, n).filter(r -> data.train().y().classOf(r) == c).findFirst().orElseThrow();
        order[0] = first;
        order[first] = 0;
        TrainingData train = new TrainingData(data.train().x().select(order), data.train().y().select(order));
        return new Featurized(data.name() + " (class " + c + " first)", data.task(), train, data.valid(), data.test());
    }

    /** The largest base magnitude, at least 1: a regression's contributions are in the target's units. */
    private static double scale(Contributions c) {
        double s = 1;
        for (double b : c.base()) {
            s = Math.max(s, Math.abs(b));
        }
        return s;
    }
}
