package dev.automl.engine.benchmark;

/**
 * One row of results.csv: how the AutoML job of one outer fold of one dataset did on its held-out rows.
 *
 * @param run     what the fold's job did; {@link Run#NONE} when it never ran
 * @param failure why the fold failed; null when it is ok
 */
public record FoldResult(String dataset, int fold, String task, String metric, Run run, String failure) {

    static final String[] HEADER = {"dataset", "fold", "task", "metric", "score", "seconds", "trials", "best_algorithm",
        "status", "message"};

    /**
     * What the fold's AutoML job did.
     *
     * @param score         the outer metric on the held-out rows, NaN when the fold failed
     * @param seconds       wall time of the fold's AutoML job, from its start to its saved model
     * @param bestAlgorithm the leaderboard's best row's algorithm, empty for none
     */
    public record Run(double score, double seconds, int trials, String bestAlgorithm) {

        /** A fold whose job never ran. */
        public static final Run NONE = new Run(Double.NaN, 0, 0, "");
    }

    public static FoldResult ok(String dataset, int fold, String task, String metric, Run run) {
        return new FoldResult(dataset, fold, task, metric, run, null);
    }

    public static FoldResult failed(String dataset, int fold, String task, String metric, Run run, String why) {
        return new FoldResult(dataset, fold, task, metric, run, why == null ? "" : why);
    }

    public boolean ok() {
        return failure == null;
    }

    /** {@code ok}, or {@code failed} with the reason in {@link #message}. */
    public String status() {
        return ok() ? "ok" : "failed";
    }

    public String message() {
        return ok() ? "" : failure;
    }

    public double score() {
        return run.score();
    }

    public double seconds() {
        return run.seconds();
    }

    public int trials() {
        return run.trials();
    }

    public String bestAlgorithm() {
        return run.bestAlgorithm();
    }
}
