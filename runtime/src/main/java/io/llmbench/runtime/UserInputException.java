package io.llmbench.runtime;

/**
 * A mistake in what the user asked for (an option value, a file, a dataset name): the runner prints
 * the message as one line, without a stack trace, and exits with the usage-error code. The message
 * says what was wrong and how to fix it.
 */
public class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
