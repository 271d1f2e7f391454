package dev.automl.algorithms;

import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/** The hyperparameters a learner lets the search vary, with their ranges. */
public record SearchSpace(List<Hyperparameter> hyperparameters) {

    public SearchSpace {
        hyperparameters = List.copyOf(hyperparameters);
    }

    public static SearchSpace of(Hyperparameter... hs) {
        return new SearchSpace(List.of(hs));
    }

    /** One random point of the space. */
    public Params sample(Random rng) {
        TreeMap<String, Object> m = new TreeMap<>();
        for (Hyperparameter h : hyperparameters) {
            m.put(h.name(), h.sample(rng));
        }
        return new Params(m);
    }
}
