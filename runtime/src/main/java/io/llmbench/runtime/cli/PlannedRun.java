package io.llmbench.runtime.cli;

import io.llmbench.runtime.spec.BenchmarkDefinition;
import io.llmbench.runtime.spec.BenchmarkHooks;
import io.llmbench.runtime.spec.RunSpec;

/**
 * One run an invocation will make: its resolved settings and the benchmark it comes from.
 *
 * @param spec the resolved settings
 * @param definition the generated benchmark, or {@code null} for {@code profile} (no hooks)
 */
public record PlannedRun(RunSpec spec, BenchmarkDefinition definition) {

    /** A fresh benchmark instance's hooks for this run. */
    public BenchmarkHooks newHooks() {
        return definition == null ? BenchmarkHooks.NONE : definition.newHooks();
    }
}
