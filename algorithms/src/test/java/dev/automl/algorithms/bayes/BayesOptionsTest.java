package dev.automl.algorithms.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.automl.algorithms.OptionsContract;
import dev.automl.algorithms.Params;
import dev.automl.data.Task;
import org.junit.jupiter.api.Test;

/** MultinomialNaiveBayes' options record: its default, round trips and messages. */
class BayesOptionsTest {

    @Test
    void defaultIsScikitLearns() {
        MultinomialNaiveBayes.Options o = MultinomialNaiveBayes.Options.of(Params.empty());
        assertEquals(1.0, o.alpha());
        assertEquals(Params.of("alpha", 1.0), o.toParams());
    }

    @Test
    void everyPortfolioEntryAndSampleReadsAndWritesBack() {
        OptionsContract.check(new MultinomialNaiveBayes(), Task.CLASSIFICATION, MultinomialNaiveBayes.Options::of,
                MultinomialNaiveBayes.Options::toParams);
    }

    @Test
    void unknownKeysAndBadValuesFailAsBefore() {
        assertEquals("MultinomialNaiveBayes has no hyperparameter fit_prior; it takes alpha",
                assertThrows(IllegalArgumentException.class,
                        () -> MultinomialNaiveBayes.Options.of(Params.of("fit_prior", true))).getMessage());
        assertEquals("MultinomialNaiveBayes: alpha must be > 0, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> MultinomialNaiveBayes.Options.of(Params.of("alpha", 0.0))).getMessage());
    }
}
