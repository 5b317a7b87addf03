package io.llmbench.runtime.dataset.file;

import io.llmbench.runtime.UserInputException;
import java.nio.file.Path;

/** Builds the one-line message for bad input in a dataset file: the file, the line and what is wrong. */
public final class LineError {

    private LineError() {
    }

    /** {@code <file>:<line>: <what>} as a user error. */
    public static UserInputException at(Path file, int line, String what) {
        return new UserInputException(file + ":" + line + ": " + what);
    }

    /** {@code <file>: <what>} as a user error, for problems of the whole file. */
    public static UserInputException in(Path file, String what) {
        return new UserInputException(file + ": " + what);
    }
}
