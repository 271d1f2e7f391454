package dev.automl.engine.benchmark;

/**
 * One row of results.csv: how the AutoML job of one outer fold of one dataset did on its held-out rows.
 *
 * @param score   the outer metric on the held-out rows, NaN when the fold failed
 * @param seconds wall time of the fold's AutoML job, from its start to its saved model
 * @param status  "ok", or "failed" with the reason in {@code message}
 */
public record FoldResult(String dataset, int fold, String task, String metric, double score, double seconds, int trials,
                         String bestAlgorithm, String status, String message) {

    static final String[] HEADER = {"dataset", "fold", "task", "metric", "score", "seconds", "trials", "best_algorithm",
        "status", "message"};

    public boolean ok() {
        return "ok".equals(status);
    }
}
