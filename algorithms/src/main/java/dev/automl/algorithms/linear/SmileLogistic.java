package dev.automl.algorithms.linear;

import dev.automl.algorithms.Params;
import dev.automl.data.Task;

/** Fits Smile's logistic regression on the classes present in the training data and copies out its coefficients. */
final class SmileLogistic {

    private SmileLogistic() {
    }

    /** Binomial for two present classes, multinomial for more; labels are {@link ClassIndex} positions. */
    static smile.classification.LogisticRegression fit(double[][] x, ClassIndex ci, double lambda, double tol,
                                                       int maxIter) {
        if (ci.present().length < 2) {
            throw new IllegalArgumentException("logistic regression needs two classes");
        }
        return ci.present().length == 2
                ? smile.classification.LogisticRegression.binomial(x, ci.y(), lambda, tol, maxIter)
                : smile.classification.LogisticRegression.multinomial(x, ci.y(), lambda, tol, maxIter);
    }

    static LinearModel toModel(String learner, smile.classification.LogisticRegression lr, ClassIndex ci,
                               int numClasses, int numFeatures, double[] prior, Params fitted) {
        double[][] rows;
        LinearModel.Kind kind;
        if (lr instanceof smile.classification.LogisticRegression.Binomial b) {
            rows = new double[][] {b.coefficients()};
            kind = LinearModel.Kind.BINOMIAL;
        } else {
            rows = ((smile.classification.LogisticRegression.Multinomial) lr).coefficients();
            kind = LinearModel.Kind.MULTINOMIAL;
        }
        // Smile keeps each score's intercept after its p coefficients.
        double[][] weights = new double[rows.length][];
        double[] intercepts = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != numFeatures + 1) {
                throw new IllegalStateException("Smile returned " + rows[i].length + " coefficients for " + numFeatures + " features");
            }
            weights[i] = java.util.Arrays.copyOf(rows[i], numFeatures);
            intercepts[i] = rows[i][numFeatures];
        }
        return new LinearModel(learner, Task.CLASSIFICATION, kind, numClasses, numFeatures, ci.present(), weights,
                intercepts, prior, fitted);
    }
}
