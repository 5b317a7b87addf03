package io.llmbench.runtime.cli;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * The long names of the options the command line gave. Some parsed settings carry their default
 * when their option is absent ({@code --export-level}, {@code --model-selection-strategy}); an
 * annotation may set those only where the command line said nothing, which this tells.
 */
record GivenOptions(Set<String> names) {

    GivenOptions {
        names = Set.copyOf(names);
    }

    /** No option given. */
    static GivenOptions none() {
        return new GivenOptions(Set.of());
    }

    static GivenOptions parse(CommandLine line) {
        Set<String> names = new HashSet<>();
        for (Option option : line.getOptions()) {
            if (option.getLongOpt() != null) {
                names.add(option.getLongOpt());
            }
        }
        return new GivenOptions(names);
    }

    /** Whether option {@code longName} was given. */
    boolean has(String longName) {
        return names.contains(longName);
    }
}
