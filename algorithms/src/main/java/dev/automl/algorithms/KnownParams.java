package dev.automl.algorithms;

import dev.automl.algorithms.Params;
import java.util.Set;
import java.util.TreeSet;

/** Rejects hyperparameter names a learner does not know, so that a misspelt key fails loudly instead of silently. */
public final class KnownParams {

    private KnownParams() {
    }

    /** Throws naming the unknown keys and the ones the learner takes. */
    public static void require(String learner, Params params, Set<String> known) {
        TreeSet<String> unknown = new TreeSet<>(params.values().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(learner + " has no hyperparameter " + String.join(", ", unknown)
                    + "; it takes " + String.join(", ", new TreeSet<>(known)));
        }
    }
}
