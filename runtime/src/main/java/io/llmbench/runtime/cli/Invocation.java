package io.llmbench.runtime.cli;

import java.util.List;

/**
 * What the command line asks for.
 *
 * @param command the command word, or {@link Command#RUN} when the first positional word is not one
 * @param regexes benchmark selection patterns (matched with {@code find}); empty selects all
 * @param help whether {@code -h} was given
 * @param list whether {@code -l} was given
 * @param settings the option values
 */
record Invocation(Command command, List<String> regexes, boolean help, boolean list, CliSettings settings) {

    /** The reserved command words; any other first positional word is a benchmark regex. */
    enum Command {
        RUN(""),
        PROFILE("profile"),
        MOCK_SERVER("mock-server"),
        PLOT("plot"),
        COMPARE("compare"),
        MERGE("merge");

        private final String word;

        Command(String word) {
            this.word = word;
        }

        String word() {
            return word;
        }

        static Command fromWord(String word) {
            for (Command command : values()) {
                if (command != RUN && command.word.equals(word)) {
                    return command;
                }
            }
            return RUN;
        }
    }
}
