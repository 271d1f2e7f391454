package dev.automl.data;

/**
 * A problem with the user's job, files or data; its message alone must tell the user what is wrong
 * and where (file, line, column or key), because the command line prints it without a stack trace.
 */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
