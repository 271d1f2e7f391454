package dev.automl.engine.worker;

/**
 * A fit that ended in its worker process: the learner threw there, the worker crashed, or the engine killed it
 * because it overstayed its deadline. The message is the reason the leaderboard gives.
 */
public final class WorkerFailure extends RuntimeException {

    private final boolean atDeadline;

    WorkerFailure(String reason, boolean atDeadline) {
        super(reason);
        this.atDeadline = atDeadline;
    }

    /** Whether the worker was killed because the fit ran past its deadline, which makes the trial timed out. */
    public boolean atDeadline() {
        return atDeadline;
    }
}
