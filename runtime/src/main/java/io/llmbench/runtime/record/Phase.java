package io.llmbench.runtime.record;

/** The phase a request belongs to; warmup requests never enter the profiling metrics. */
public enum Phase {
    WARMUP("warmup"),
    PROFILING("profiling");

    private final String exportName;

    Phase(String exportName) {
        this.exportName = exportName;
    }

    /** The name written to exports ({@code benchmark_phase}). */
    public String exportName() {
        return exportName;
    }
}
