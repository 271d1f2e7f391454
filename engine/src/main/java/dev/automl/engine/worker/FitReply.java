package dev.automl.engine.worker;

import java.util.Map;

/**
 * What a worker answers: either the error its fit ended in, or what the engine needs beside the saved model (the
 * parameters fitting found, whether the deadline cut it short, its note and refit share, and the shape of the
 * validation predictions that follow the reply as a raw array).
 *
 * @param error          "ExceptionType: message" when the fit failed, else null
 * @param invalidInput   whether the failure is the user's input, which stops the run instead of failing a trial
 * @param retire         whether the worker exits after this reply (its heap is not to be trusted after running out)
 * @param predictionRows rows of validation predictions that follow, or -1 when none do
 */
record FitReply(String error, boolean invalidInput, boolean retire, Map<String, Object> fittedParams,
                boolean stoppedByDeadline, double refitShare, String note, String task, int predictionRows,
                int numClasses) {

    static FitReply failed(String error, boolean invalidInput, boolean retire) {
        return new FitReply(error, invalidInput, retire, null, false, 1, "", null, -1, 0);
    }
}
