package dev.automl.algorithms.forest;

import dev.automl.algorithms.Params;
import dev.automl.algorithms.Priors;
import dev.automl.algorithms.TrainingData;
import java.util.ArrayList;
import java.util.List;

/** Assembles grown trees into a {@link ForestModel}. */
final class Forests {

    private Forests() {
    }

    /**
     * Whether the training rows hold fewer than two classes; the libraries cannot grow classification trees then,
     * and the class shares already say everything.
     */
    static boolean fewerThanTwoClasses(TrainingData train) {
        if (train.y().task() != dev.automl.metrics.Task.CLASSIFICATION) {
            return false;
        }
        int[] classes = train.y().classes();
        for (int c : classes) {
            if (c != classes[0]) {
                return false;
            }
        }
        return true;
    }

    static ForestModel model(String learner, TrainingData train, List<WeightedTree> grown, Params fitted) {
        List<TreeEnsemble.Tree> trees = new ArrayList<>(grown.size());
        double[] weights = new double[grown.size()];
        for (int i = 0; i < grown.size(); i++) {
            trees.add(grown.get(i).tree());
            weights[i] = grown.get(i).weight();
        }
        TreeEnsemble e = new TreeEnsemble(train.y().task(), train.y().numClasses(), train.x().cols(), trees, weights,
                Priors.of(train.y()));
        return new ForestModel(learner, e, fitted);
    }
}
