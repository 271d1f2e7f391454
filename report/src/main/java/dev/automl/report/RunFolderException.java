package dev.automl.report;

/** A folder that is not a run folder, or a file in it that cannot be read or written; the message says which. */
public final class RunFolderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunFolderException(String message) {
        super(message);
    }

    public RunFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
