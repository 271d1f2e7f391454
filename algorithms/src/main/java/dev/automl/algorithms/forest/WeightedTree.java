package dev.automl.algorithms.forest;

/** A grown tree and its weight in the ensemble's vote. */
record WeightedTree(TreeEnsemble.Tree tree, double weight) {
}
