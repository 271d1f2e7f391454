package dev.automl.algorithms.linear;

import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;

/**
 * Fits Smile's elastic net, or its LASSO or ridge regression at the two ends of {@code l1_ratio}, with
 * scikit-learn's {@code alpha} and {@code l1_ratio} translated into Smile's penalties.
 *
 * <p>scikit-learn minimises {@code 1/(2n) ||y - Xw||^2 + alpha*l1_ratio*||w||_1 + alpha*(1-l1_ratio)/2*||w||^2}.
 * Smile's elastic net (Zou and Hastie's naive form, solved as a LASSO on augmented data) minimises
 * {@code ||y - Xw||^2 + lambda1*||w||_1 + lambda2*||w||^2} on standardised columns. Multiplying scikit-learn's
 * objective by 2n gives {@code lambda1 = 2n*alpha*l1_ratio} and {@code lambda2 = n*alpha*(1-l1_ratio)}; Smile's
 * LASSO takes {@code lambda1} and its ridge regression {@code lambda2}. The LINEAR view is already standardised, so
 * Smile's own standardisation changes little.
 */
final class SmileElasticNet {

    private static final String TARGET = "__target__";
    private static final Formula FORMULA = Formula.lhs(TARGET);

    private SmileElasticNet() {
    }

    static double lambda1(int n, double alpha, double l1Ratio) {
        return 2.0 * n * alpha * l1Ratio;
    }

    static double lambda2(int n, double alpha, double l1Ratio) {
        return n * alpha * (1.0 - l1Ratio);
    }

    static DataFrame frame(double[][] x, double[] y) {
        String[] names = new String[x.length == 0 ? 0 : x[0].length];
        for (int j = 0; j < names.length; j++) {
            names[j] = "x" + j;
        }
        DataFrame df = DataFrame.of(x, names);
        return y == null ? df : df.merge(DoubleVector.of(TARGET, y));
    }

    /** @param x only columns that vary: Smile divides by each column's standard deviation */
    static smile.regression.LinearModel fit(double[][] x, double[] y, double alpha, double l1Ratio, double tol,
                                            int maxIter) {
        int n = x.length;
        DataFrame df = frame(x, y);
        if (l1Ratio >= 1.0) {
            return smile.regression.LASSO.fit(FORMULA, df, lambda1(n, alpha, 1.0), tol, maxIter);
        }
        if (l1Ratio <= 0.0) {
            return smile.regression.RidgeRegression.fit(FORMULA, df, lambda2(n, alpha, 0.0));
        }
        return smile.regression.ElasticNet.fit(FORMULA, df, lambda1(n, alpha, l1Ratio), lambda2(n, alpha, l1Ratio),
                tol, maxIter);
    }
}
