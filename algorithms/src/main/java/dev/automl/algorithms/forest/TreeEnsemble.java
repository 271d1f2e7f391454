package dev.automl.algorithms.forest;

import dev.automl.algorithms.Contributions;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FiniteFeatures;
import dev.automl.algorithms.Predictions;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A trained tree ensemble as plain arrays, whichever library grew it: forest models predict, save and load
 * through this one form, so what is saved is exactly what was validated.
 *
 * <p>Classification leaves hold class-probability vectors; the ensemble adds them up weighted by tree and
 * rescales the sum to 1 (Smile's RandomForest: OOB-accuracy weights then {@code unitize1}; an unweighted average
 * for extremely randomized trees). Regression leaves hold one value; the ensemble takes the weighted mean.
 */
final class TreeEnsemble {

    /**
     * One binary tree with LightGBM's layout. Internal node 0 is the root; a child reference {@code >= 0} is an
     * internal node and {@code < 0} is leaf {@code ~ref}. A row goes left when {@code x[feature] <= threshold},
     * which is Smile's rule and {@link ExtraTreeGrower}'s. A tree without internal nodes is the single leaf 0.
     *
     * <p>Leaf values are floats: they are most of a forest's memory and file, and seven significant digits of a
     * class share or a mean are far more than a vote of hundreds of trees can use. Predictions add them up in
     * double, and the file stores the same floats, so a loaded model predicts exactly what was validated.
     *
     * <p>Each leaf's cover is the training weight that reached it (rows of a bootstrap sample counted as often as
     * drawn); a split's cover is the sum of its leaves'. TreeSHAP needs it, prediction does not, and trees saved
     * before covers were recorded have none. Covers are floats for the leaf values' reason, and only their ratios
     * matter.
     *
     * @param leafValue leaves x width values, row-major (width = number of classes, or 1 for regression)
     * @param leafCover one cover per leaf, or null when not known
     */
    record Tree(int[] splitFeature, double[] threshold, int[] leftChild, int[] rightChild, float[] leafValue,
                int width, float[] leafCover) {

        /** A tree whose covers are not known. */
        Tree(int[] splitFeature, double[] threshold, int[] leftChild, int[] rightChild, float[] leafValue, int width) {
            this(splitFeature, threshold, leftChild, rightChild, leafValue, width, null);
        }

        Tree {
            int internal = splitFeature.length;
            if (threshold.length != internal || leftChild.length != internal || rightChild.length != internal) {
                throw new IllegalArgumentException("internal node arrays differ in length");
            }
            if (width < 1 || leafValue.length % width != 0 || leafValue.length / width != internal + 1) {
                throw new IllegalArgumentException(
                        "a binary tree with " + internal + " splits needs " + (internal + 1) + " leaves of width " + width);
            }
            int leaves = internal + 1;
            for (int i = 0; i < internal; i++) {
                checkChild(leftChild[i], internal, leaves);
                checkChild(rightChild[i], internal, leaves);
            }
            if (leafCover != null) {
                if (leafCover.length != leaves) {
                    throw new IllegalArgumentException(leafCover.length + " leaf covers for " + leaves + " leaves");
                }
                for (float c : leafCover) {
                    if (!(c >= 0) || Float.isInfinite(c)) {
                        throw new IllegalArgumentException("leaf cover " + c + " is not finite and non-negative");
                    }
                }
            }
        }

        private static void checkChild(int ref, int internal, int leaves) {
            if (ref >= internal || (ref < 0 && ~ref >= leaves) || ref == 0) {
                throw new IllegalArgumentException("bad child reference " + ref);
            }
        }

        int leaves() {
            return splitFeature.length + 1;
        }

        /** The leaf a row lands in; {@code values} is a row-major matrix and {@code base} the row's offset. */
        int leafOf(float[] values, int base) {
            if (splitFeature.length == 0) {
                return 0;
            }
            int node = 0;
            while (true) {
                int child = goesLeft(node, values, base) ? leftChild[node] : rightChild[node];
                if (child < 0) {
                    return ~child;
                }
                node = child;
            }
        }

        /** Whether a row goes left at a split: the one routing rule that prediction and TreeSHAP share. */
        boolean goesLeft(int split, float[] values, int base) {
            return (double) values[base + splitFeature[split]] <= threshold[split];
        }

        boolean hasCovers() {
            return leafCover != null;
        }
    }

    private final Task task;
    private final int numClasses;
    private final int numFeatures;
    private final List<Tree> trees;
    private final double[] weights;
    private final double[] prior;

    /**
     * @param prior what to predict when there are no trees (the deadline passed before the first one): class
     *              frequencies, or the mean target
     */
    TreeEnsemble(Task task, int numClasses, int numFeatures, List<Tree> trees, double[] weights, double[] prior) {
        int width = task == Task.CLASSIFICATION ? numClasses : 1;
        if (trees.size() != weights.length) {
            throw new IllegalArgumentException(trees.size() + " trees but " + weights.length + " weights");
        }
        if (prior.length != width) {
            throw new IllegalArgumentException("prior must have " + width + " values");
        }
        for (Tree t : trees) {
            if (t.width() != width) {
                throw new IllegalArgumentException("tree of width " + t.width() + " in an ensemble of width " + width);
            }
            for (int f : t.splitFeature()) {
                if (f < 0 || f >= numFeatures) {
                    throw new IllegalArgumentException("split on feature " + f + " of " + numFeatures);
                }
            }
        }
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("tree weight " + w + " is not a finite non-negative number");
            }
        }
        this.task = task;
        this.numClasses = numClasses;
        this.numFeatures = numFeatures;
        this.trees = List.copyOf(trees);
        this.weights = weights.clone();
        this.prior = prior.clone();
    }

    Task task() {
        return task;
    }

    int numClasses() {
        return numClasses;
    }

    int numFeatures() {
        return numFeatures;
    }

    List<Tree> trees() {
        return trees;
    }

    double weight(int tree) {
        return weights[tree];
    }

    double[] prior() {
        return prior.clone();
    }

    int width() {
        return task == Task.CLASSIFICATION ? numClasses : 1;
    }

    /** Whether every tree knows its covers, as TreeSHAP needs (true of an ensemble without trees). */
    boolean hasCovers() {
        for (Tree t : trees) {
            if (!t.hasCovers()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Each row's TreeSHAP values, one output per leaf value: the trees' values averaged with the trees' weights,
     * which is exact because the ensemble's margin is that weighted mean of the trees' leaves. For regression that is
     * the prediction; for classification it is each class's probability, which the prediction equals up to the
     * rounding of the leaves to float (the prediction divides by the sum of the class shares rather than by the
     * weights, and float shares sum to 1 within about 1e-7). Empty when a tree has no covers.
     */
    Optional<Contributions> contributions(FeatureMatrix x, Deadline deadline) {
        if (x.cols() != numFeatures) {
            throw new IllegalArgumentException("the model was trained on " + numFeatures + " features, got " + x.cols());
        }
        if (!hasCovers()) {
            return Optional.empty();
        }
        FiniteFeatures.require(x);
        int width = width();
        double[] values = new double[Math.multiplyExact(Math.multiplyExact(x.rows(), width), numFeatures)];
        double weightSum = 0;
        for (double w : weights) {
            weightSum += w;
        }
        if (!(weightSum > 0)) {
            // No tree has a say, so every row gets the prior, as predict() gives it.
            return Optional.of(new Contributions(x.rows(), numFeatures, width, values, prior.clone()));
        }
        double[] base = new double[width];
        float[] v = x.values();
        // Tree by tree, so that only one tree's scratch space is held at a time.
        for (int t = 0; t < trees.size(); t++) {
            double scale = weights[t] / weightSum;
            if (scale == 0) {
                continue;
            }
            TreeShap shap = new TreeShap(trees.get(t), numFeatures);
            double[] expected = shap.expected();
            for (int k = 0; k < width; k++) {
                base[k] += scale * expected[k];
            }
            for (int r = 0; r < x.rows(); r++) {
                if (deadline.expired()) {
                    return Optional.empty();
                }
                shap.add(v, r * numFeatures, scale, values, r * width * numFeatures);
            }
        }
        return Optional.of(new Contributions(x.rows(), numFeatures, width, values, base));
    }

    /** Rows per parallel chunk of {@link #predict}: large enough that forking costs nothing beside the trees' walks. */
    private static final int PREDICT_CHUNK_ROWS = 2048;

    /**
     * Each row's prediction. Rows are predicted in parallel chunks (in the caller's pool): a forest of deep trees
     * takes seconds for 100,000 rows. Each row's sum runs over the trees in order, so the result does not depend on
     * the chunks.
     */
    Predictions predict(FeatureMatrix x) {
        if (x.cols() != numFeatures) {
            throw new IllegalArgumentException("the model was trained on " + numFeatures + " features, got " + x.cols());
        }
        FiniteFeatures.require(x);
        int width = width();
        double[] out = new double[x.rows() * width];
        double weightSum = 0;
        for (double w : weights) {
            weightSum += w;
        }
        double sum = weightSum;
        float[] values = x.values();
        int chunks = (x.rows() + PREDICT_CHUNK_ROWS - 1) / PREDICT_CHUNK_ROWS;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            double[] acc = new double[width];
            int end = Math.min(x.rows(), (c + 1) * PREDICT_CHUNK_ROWS);
            for (int r = c * PREDICT_CHUNK_ROWS; r < end; r++) {
                java.util.Arrays.fill(acc, 0.0);
                int base = r * numFeatures;
                for (int t = 0; t < trees.size(); t++) {
                    Tree tree = trees.get(t);
                    int leaf = tree.leafOf(values, base);
                    double w = weights[t];
                    float[] lv = tree.leafValue();
                    for (int k = 0; k < width; k++) {
                        acc[k] += w * lv[leaf * width + k];
                    }
                }
                finish(task, acc, sum, prior);
                System.arraycopy(acc, 0, out, r * width, width);
            }
        });
        return task == Task.CLASSIFICATION ? Predictions.probabilities(out, numClasses) : Predictions.regression(out);
    }

    /** Turns one row's weighted sum of leaf values into its prediction; {@link ValidationVotes} shares it. */
    static void finish(Task task, double[] acc, double weightSum, double[] prior) {
        if (task == Task.CLASSIFICATION) {
            // Smile's unitize1: divide by the sum of the accumulated vector rather than by the weight sum.
            double norm = 0;
            for (double a : acc) {
                norm += Math.abs(a);
            }
            if (norm > 0) {
                for (int k = 0; k < acc.length; k++) {
                    acc[k] /= norm;
                }
            } else {
                System.arraycopy(prior, 0, acc, 0, acc.length);
            }
        } else if (weightSum > 0) {
            acc[0] /= weightSum;
        } else {
            acc[0] = prior[0];
        }
    }
}
