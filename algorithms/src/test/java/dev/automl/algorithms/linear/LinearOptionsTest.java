package dev.automl.algorithms.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.automl.algorithms.OptionsContract;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.tribuo.ClassWeights;
import dev.automl.data.Task;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The linear learners' options records: defaults, round trips and messages. */
class LinearOptionsTest {

    private static final Task C = Task.CLASSIFICATION;
    private static final Task R = Task.REGRESSION;

    private static void fails(String message, Executable read) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, read).getMessage());
    }

    @Test
    void defaults() {
        LogisticRegression.Options lr = LogisticRegression.Options.of(Params.empty());
        assertEquals(0.01, lr.lambda());
        assertEquals(1e-5, lr.tol());
        assertEquals(500, lr.maxIter());

        ElasticNet.Options en = ElasticNet.Options.of(Params.empty());
        assertEquals(0.01, en.alpha());
        assertEquals(0.5, en.l1Ratio());
        assertEquals(1e-4, en.tol());
        assertEquals(1000, en.maxIter());

        // Every feature, up to 1,000 path steps, which only the data can say.
        LassoLars.Options lars = LassoLars.Options.of(Params.empty());
        assertEquals(OptionalInt.empty(), lars.nNonzeroCoefs());
        assertEquals(8, lars.wanted(8));
        assertEquals(1000, lars.wanted(5000));

        StochasticGradientDescent.Options sgd = StochasticGradientDescent.Options.of(Params.empty(), C);
        assertEquals(StochasticGradientDescent.Loss.LOG, sgd.loss());
        assertEquals(1e-4, sgd.alpha());
        assertEquals(0.0, sgd.l1Ratio());
        assertEquals(0.1, sgd.learningRate());
        assertEquals(20, sgd.epochs());
        assertEquals(ClassWeights.Mode.NONE, sgd.classWeight());
        assertEquals(StochasticGradientDescent.Loss.SQUARED_ERROR,
                StochasticGradientDescent.Options.of(Params.empty(), R).loss());

        LinearSvm.Options svm = LinearSvm.Options.of(Params.empty());
        assertEquals(1.0, svm.c());
        assertEquals(ClassWeights.Mode.NONE, svm.classWeight());
        assertEquals(1e-4, svm.tol());
        assertEquals(1000, svm.maxIter());

        BernoulliNaiveBayes.Options bnb = BernoulliNaiveBayes.Options.of(Params.empty());
        assertEquals(1.0, bnb.alpha());
        assertEquals(0.0, bnb.binarize());
        assertEquals(ClassWeights.Mode.NONE, bnb.classWeight());
    }

    @Test
    void theDefaultsAreWrittenOutInFull() {
        assertEquals(Params.of("lambda", 0.01, "tol", 1e-5, "max_iter", 500),
                LogisticRegression.Options.of(Params.empty()).toParams());
        assertEquals(Params.of("alpha", 0.01, "l1_ratio", 0.5, "tol", 1e-4, "max_iter", 1000),
                ElasticNet.Options.of(Params.empty()).toParams());
        assertEquals(Params.empty(), LassoLars.Options.of(Params.empty()).toParams());
        assertEquals(Params.of("loss", "log", "alpha", 1e-4, "l1_ratio", 0.0, "learning_rate", 0.1, "epochs", 20,
                "class_weight", "none"), StochasticGradientDescent.Options.of(Params.empty(), C).toParams());
        // Class weights are for classification: regression records none.
        assertEquals(Params.of("loss", "squared_error", "alpha", 1e-4, "l1_ratio", 0.0, "learning_rate", 0.1,
                "epochs", 20), StochasticGradientDescent.Options.of(Params.empty(), R).toParams());
        assertEquals(Params.of("C", 1.0, "class_weight", "none", "tol", 1e-4, "max_iter", 1000),
                LinearSvm.Options.of(Params.empty()).toParams());
        assertEquals(Params.of("alpha", 1.0, "binarize", 0.0, "class_weight", "none"),
                BernoulliNaiveBayes.Options.of(Params.empty()).toParams());
    }

    @Test
    void everyPortfolioEntryAndSampleReadsAndWritesBack() {
        OptionsContract.check(new LogisticRegression(), C, LogisticRegression.Options::of,
                LogisticRegression.Options::toParams);
        OptionsContract.check(new ElasticNet(), R, ElasticNet.Options::of, ElasticNet.Options::toParams);
        OptionsContract.check(new LassoLars(), R, LassoLars.Options::of, LassoLars.Options::toParams);
        for (Task task : List.of(C, R)) {
            OptionsContract.check(new StochasticGradientDescent(), task,
                    p -> StochasticGradientDescent.Options.of(p, task), StochasticGradientDescent.Options::toParams);
        }
        OptionsContract.check(new LinearSvm(), C, LinearSvm.Options::of, LinearSvm.Options::toParams);
        OptionsContract.check(new BernoulliNaiveBayes(), C, BernoulliNaiveBayes.Options::of,
                BernoulliNaiveBayes.Options::toParams);
    }

    @Test
    void unknownKeysFailAsBefore() {
        fails("LogisticRegression has no hyperparameter C; it takes lambda, max_iter, tol",
                () -> LogisticRegression.Options.of(Params.of("C", 1.0)));
        fails("ElasticNet has no hyperparameter zzz; it takes alpha, l1_ratio, max_iter, tol",
                () -> ElasticNet.Options.of(Params.of("zzz", 1)));
        fails("LassoLars has no hyperparameter alpha; it takes n_nonzero_coefs",
                () -> LassoLars.Options.of(Params.of("alpha", 0.1)));
        fails("SGD has no hyperparameter zzz; it takes alpha, class_weight, epochs, l1_ratio, learning_rate, loss",
                () -> StochasticGradientDescent.Options.of(Params.of("zzz", 1), R));
        fails("LinearSVM has no hyperparameter zzz; it takes C, class_weight, max_iter, tol",
                () -> LinearSvm.Options.of(Params.of("zzz", 1)));
        fails("BernoulliNaiveBayes has no hyperparameter zzz; it takes alpha, binarize, class_weight",
                () -> BernoulliNaiveBayes.Options.of(Params.of("zzz", 1)));
    }

    @Test
    void badValuesFailAsBefore() {
        fails("LogisticRegression: lambda must be >= 0, tol > 0 and max_iter >= 1, got {lambda=0.01, max_iter=500, "
                + "tol=0.0}", () -> LogisticRegression.Options.of(Params.of("tol", 0.0)));
        fails("ElasticNet: alpha must be > 0, l1_ratio in [0, 1], tol > 0 and max_iter >= 1, got {alpha=0.01, "
                + "l1_ratio=1.5, max_iter=1000, tol=1.0E-4}", () -> ElasticNet.Options.of(Params.of("l1_ratio", 1.5)));
        fails("LassoLars: n_nonzero_coefs must be at least 1, got 0",
                () -> LassoLars.Options.of(Params.of("n_nonzero_coefs", 0)));
        fails("LassoLars: n_nonzero_coefs must be at least 1, got 0", () -> LassoLars.Options.of(Params.empty())
                .wanted(0));
        fails("SGD: loss must be log or hinge for classification, not huber",
                () -> StochasticGradientDescent.Options.of(Params.of("loss", "huber"), C));
        fails("SGD: loss must be squared_error, huber or absolute_error for regression, not hinge",
                () -> StochasticGradientDescent.Options.of(Params.of("loss", "hinge"), R));
        fails("SGD: class_weight is for classification",
                () -> StochasticGradientDescent.Options.of(Params.of("class_weight", "none"), R));
        fails("SGD: alpha must be >= 0, l1_ratio in [0, 1], learning_rate > 0 and epochs >= 1, got {alpha=1.0E-4, "
                + "class_weight=none, epochs=0, l1_ratio=0.0, learning_rate=0.1, loss=log}",
                () -> StochasticGradientDescent.Options.of(Params.of("epochs", 0), C));
        fails("LinearSVM: class_weight must be none or balanced, not bogus",
                () -> LinearSvm.Options.of(Params.of("class_weight", "bogus")));
        fails("BernoulliNaiveBayes: alpha must be >= 0 and binarize a number, got {alpha=1.0, binarize=NaN, "
                + "class_weight=none}", () -> BernoulliNaiveBayes.Options.of(Params.of("binarize", Double.NaN)));
    }
}
