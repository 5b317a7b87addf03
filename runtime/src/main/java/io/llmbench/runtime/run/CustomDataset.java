package io.llmbench.runtime.run;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.spec.BenchmarkHooks;
import io.llmbench.runtime.spec.RunSpec;
import java.io.PrintStream;
import java.util.List;

/** The entries of a benchmark's {@code @CustomDataset} method, checked before anything is sent. */
final class CustomDataset {

    private CustomDataset() {
    }

    static List<DatasetEntry> entries(RunSpec spec, BenchmarkHooks hooks, PrintStream out) {
        List<DatasetEntry> entries = hooks.customDataset();
        if (entries == null || entries.isEmpty()) {
            throw new UserInputException(spec.benchmarkName() + ": its @CustomDataset method returned "
                    + (entries == null ? "null" : "no entries") + ": return at least one entry");
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) == null) {
                throw new UserInputException(spec.benchmarkName() + ": its @CustomDataset method returned null"
                        + " at index " + i + ": return entries only");
            }
        }
        out.println("# Dataset: " + entries.size() + " entries from the benchmark's @CustomDataset method");
        return List.copyOf(entries);
    }
}
