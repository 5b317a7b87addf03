package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.report.ResultFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * JMH's selection and result options: {@code -lp} (list with parameters), {@code -e REGEX}
 * (exclude), {@code -p name=v1,v2} (override a sweep list), {@code -rf json|csv} and
 * {@code -rff FILE} (one result file for the whole invocation). Documented in {@code docs/cli.md}.
 */
final class SelectionOptions {

    static final String LIST_WITH_PARAMETERS = "lp";
    static final String EXCLUDE = "e";
    static final String PARAMETER = "p";
    static final String RESULT_FORMAT = "rf";
    static final String RESULT_FILE = "rff";

    private SelectionOptions() {
    }

    static void addTo(Options options) {
        options.addOption(Option.builder(LIST_WITH_PARAMETERS).longOpt("list-with-parameters")
                .desc("List the benchmarks with their annotated settings and sweep points, and exit.").get());
        options.addOption(Option.builder(EXCLUDE).longOpt("exclude").hasArg().argName("REGEX")
                .desc("Leave out the benchmarks whose name matches REGEX; repeatable.").get());
        options.addOption(Option.builder(PARAMETER).longOpt("param").hasArg().argName("NAME=V1,V2")
                .desc("Override a list, e.g. -p concurrency=1,8 or -p requestRate=2.5,5 (names: " + SweepParameter.names()
                        + "); repeatable.").get());
        options.addOption(Option.builder(RESULT_FORMAT).longOpt("result-format").hasArg().argName("json|csv")
                .desc("Also write one result file holding every benchmark and sweep point.").get());
        options.addOption(Option.builder(RESULT_FILE).longOpt("result-file").hasArg().argName("FILE")
                .desc("Where -rf writes. Default: <artifact-dir>/llmbench-result.<format>.").get());
    }

    static SelectionCli parse(CommandLine line) {
        List<String> excludes = line.hasOption(EXCLUDE) ? List.of(line.getOptionValues(EXCLUDE)) : List.of();
        ResultFormat format = null;
        if (line.hasOption(RESULT_FORMAT)) {
            format = ResultFormat.fromName(line.getOptionValue(RESULT_FORMAT));
            if (format == null) {
                throw new UserInputException("-rf '" + line.getOptionValue(RESULT_FORMAT)
                        + "' is not a result format: use json or csv");
            }
        }
        Path file = null;
        if (line.hasOption(RESULT_FILE)) {
            String value = line.getOptionValue(RESULT_FILE);
            if (value.isBlank()) {
                throw new UserInputException("-rff is empty: give a file name or leave the option out");
            }
            file = Path.of(value);
            if (format == null) {
                format = ResultFormat.fromFileName(value);
                if (format == null) {
                    throw new UserInputException("-rff " + value + " names no format: add -rf json or -rf csv, "
                            + "or end the file name in .json or .csv");
                }
            }
        }
        return new SelectionCli(line.hasOption(LIST_WITH_PARAMETERS), excludes,
                parameters(line.getOptionValues(PARAMETER)), format, file);
    }

    private static Map<SweepParameter, List<String>> parameters(String[] values) {
        Map<SweepParameter, List<String>> parameters = new LinkedHashMap<>();
        if (values == null) {
            return parameters;
        }
        for (String value : values) {
            int equals = value.indexOf('=');
            if (equals <= 0) {
                throw new UserInputException("-p '" + value + "' is not NAME=V1,V2,...: e.g. -p concurrency=1,4,16");
            }
            String name = value.substring(0, equals).strip();
            SweepParameter parameter = SweepParameter.named(name);
            if (parameter == null) {
                throw new UserInputException("-p " + name + " is not a list parameter: use one of "
                        + SweepParameter.names());
            }
            if (parameters.containsKey(parameter)) {
                throw new UserInputException("-p " + name + " is given twice: list every value in one -p "
                        + name + "=V1,V2");
            }
            List<String> list = new ArrayList<>();
            for (String item : value.substring(equals + 1).split(",", -1)) {
                list.add(item.strip());
            }
            parameters.put(parameter, parameter.check(list));
        }
        return parameters;
    }
}
