package io.llmbench.runtime.cli;

import io.llmbench.runtime.spec.BenchmarkDefinition;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The output of {@code -l} and {@code -lp}. */
final class BenchmarkListing {

    private BenchmarkListing() {
    }

    /**
     * Prints the benchmarks' names and, with {@code withParameters}, each attribute written on its
     * annotation ({@code concurrency = {1, 4, 16}}), as JMH's {@code -lp} prints parameters.
     */
    static void print(PrintStream out, List<BenchmarkDefinition> definitions, boolean withParameters) {
        out.println("Benchmarks:");
        for (BenchmarkDefinition definition : definitions) {
            out.println(definition.name());
            if (withParameters) {
                for (Map.Entry<String, String> attribute : definition.settings().written().entrySet()) {
                    out.println("  " + attribute.getKey() + " = " + attribute.getValue());
                }
            }
        }
        out.flush();
    }
}
