package dev.automl.engine.worker;

import java.util.Map;

/**
 * What the engine asks a worker to fit: the learner (by its name, or its class when the standard catalog lacks it),
 * its parameters, the seconds it has, its threads and seed, the files holding its rows, and where to save the model.
 *
 * @param seconds seconds until the trial's deadline, or null for none
 * @param valid   the validation rows' file, or null when the fit has none
 */
record FitRequest(String learner, String learnerClass, Map<String, Object> params, Double seconds, int threads,
                  long seed, String train, String valid, String modelDir) {
}
