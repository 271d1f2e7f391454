package dev.automl.metrics.charts;

/** The checks every chart's inputs share, so that a mismatch fails with its sizes rather than an index error. */
final class Inputs {

    private Inputs() {
    }

    static void checkClassification(int[] y, double[] proba, int numClasses) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + numClasses);
        }
        if ((long) y.length * numClasses != proba.length) {
            throw new IllegalArgumentException("expected " + (long) y.length * numClasses + " probabilities for "
                    + y.length + " rows and " + numClasses + " classes, got " + proba.length);
        }
        for (int c : y) {
            if (c < 0 || c >= numClasses) {
                throw new IllegalArgumentException("class " + c + " is outside [0, " + numClasses + ")");
            }
        }
    }

    static void checkRegression(double[] yTrue, double[] yPred) {
        if (yTrue.length != yPred.length) {
            throw new IllegalArgumentException(yTrue.length + " true values but " + yPred.length + " predictions");
        }
        if (yTrue.length == 0) {
            throw new IllegalArgumentException("no rows");
        }
    }

    /** numpy's argmax of one row: the lowest index wins ties. */
    static int argmax(double[] proba, int row, int k) {
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (proba[row * k + c] > proba[row * k + best]) {
                best = c;
            }
        }
        return best;
    }
}
