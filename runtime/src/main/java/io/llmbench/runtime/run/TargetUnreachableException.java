package io.llmbench.runtime.run;

/**
 * The server could not be reached before the run started: reported as one line instead of a flood
 * of failed requests.
 */
public final class TargetUnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TargetUnreachableException(String message) {
        super(message);
    }
}
