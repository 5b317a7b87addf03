package io.llmbench.runtime.cli;

import io.llmbench.runtime.report.ResultFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The selection and result options of one command line (see {@link SelectionOptions}).
 *
 * @param listWithParameters whether {@code -lp} was given
 * @param excludes {@code -e} regexes: a benchmark whose name contains a match is left out
 * @param parameters {@code -p} overrides of sweep lists, values already checked
 * @param resultFormat the format of the invocation's result file, or {@code null} for none
 * @param resultFile where to write it, or {@code null} for the default under the artifact folder
 */
record SelectionCli(
        boolean listWithParameters,
        List<String> excludes,
        Map<SweepParameter, List<String>> parameters,
        ResultFormat resultFormat,
        Path resultFile) {

    SelectionCli {
        excludes = List.copyOf(excludes);
        parameters = Map.copyOf(parameters);
    }

    /** No selection options. */
    static SelectionCli none() {
        return new SelectionCli(false, List.of(), Map.of(), null, null);
    }
}
