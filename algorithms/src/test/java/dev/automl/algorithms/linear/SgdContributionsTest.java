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
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
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
 * Contributions of the SGD learner's Tribuo linear models: the margins they add up to give the model's probabilities
 * through its link (softmax at its temperature, or the sigmoid of class 1's log-odds) or are its regression values,
 * they average 0 over the training rows, and they survive saving; a model saved without its means gives none.
 */
class SgdContributionsTest {

    /** Tribuo scores in double; only the order of additions and the softmax differ. */
    private static final double LINK = 1e-9;

    private static TrialContext ctx() {
        return new TrialContext(Deadline.never(), 1, 1);
    }

    @Test
    void marginsGiveThePredictionsAndSurviveSaving(@TempDir Path tmp) throws IOException {
        record Case(Featurized data, Params params) {
        }
        StochasticGradientDescent sgd = new StochasticGradientDescent();
        for (Case c : List.of(new Case(ContributionChecks.penguins(FeatureView.LINEAR), Params.empty()),
                new Case(ContributionChecks.penguins(FeatureView.LINEAR), Params.of("loss", "hinge")),
                new Case(ContributionChecks.bank(FeatureView.LINEAR), Params.empty()),
                new Case(ContributionChecks.bank(FeatureView.LINEAR), Params.of("loss", "hinge")),
                new Case(ContributionChecks.ames(FeatureView.LINEAR), Params.empty()),
                new Case(ContributionChecks.ames(FeatureView.LINEAR), Params.of("loss", "huber")))) {
            Featurized data = c.data();
            String what = "SGD " + c.params() + " " + data.name();
            FeatureMatrix x = ContributionChecks.explained(data, 500);
            FittedModel m = sgd.fit(data.train(), null, c.params(), ctx());
            Contributions contributions = m.contributions(x).orElseThrow();
            int outputs = data.numClasses() > 2 ? data.numClasses() : 1;
            assertEquals(outputs, contributions.outputs(), what);
            double[] margins = ContributionChecks.margins(contributions);
            Predictions p = m.predict(x);
            double link = ContributionChecks.assertMarginsGivePredictions(margins, p, data.task(), LINK, what);
            double centred = ContributionChecks.maxMeanOverRows(m.contributions(data.train().x()).orElseThrow());
            System.out.printf(Locale.ROOT, "%s: %d rows x %d features x %d outputs; max |link(base + sum) -"
                            + " prediction| %.2e, max |mean contribution| over training rows %.2e%n",
                    what, x.rows(), x.cols(), outputs, link, centred);
            assertTrue(centred < 1e-9, what + ": training rows' mean contribution " + centred);

            Path dir = Files.createDirectories(tmp.resolve(data.name() + "-" + c.params().values().size()
                    + c.params().getString("loss", "default")));
            m.save(dir);
            FittedModel loaded = sgd.load(dir, data.task(), data.numClasses());
            Contributions back = loaded.contributions(x).orElseThrow();
            assertArrayEquals(contributions.values(), back.values(), what + " after loading");
            assertArrayEquals(contributions.base(), back.base(), what + " after loading");
        }
    }

    /** A model saved before feature means were recorded still loads and predicts, but gives no contributions. */
    @Test
    void aModelSavedWithoutMeansGivesNone(@TempDir Path dir) throws IOException {
        Featurized data = ContributionChecks.penguins(FeatureView.LINEAR);
        StochasticGradientDescent sgd = new StochasticGradientDescent();
        FittedModel m = sgd.fit(data.train(), null, Params.empty(), ctx());
        m.save(dir);
        ObjectMapper json = new ObjectMapper();
        Path file = dir.resolve("tribuo.json");
        ObjectNode root = (ObjectNode) json.readTree(file.toFile());
        assertTrue(root.has("feature_means"));
        root.remove("feature_means");
        json.writeValue(file.toFile(), root);
        FittedModel old = sgd.load(dir, Task.CLASSIFICATION, data.numClasses());
        FeatureMatrix x = data.test().x();
        assertArrayEquals(m.predict(x).values(), old.predict(x).values());
        assertTrue(old.contributions(x).isEmpty());
    }
}
