package io.llmbench.runtime.cli;

/** The runner's exit codes, documented in {@code docs/cli.md}. */
public final class ExitCode {

    /** Every run had at least one successful request. */
    public static final int OK = 0;
    /** A run failed: no request succeeded, or the server could not be reached. */
    public static final int RUN_FAILED = 1;
    /** The command line, an option value, or a benchmark's settings were wrong. */
    public static final int USAGE = 2;
    /** A benchmark missed one of its {@code @Slo}s although every run completed (the SLO gate). */
    public static final int GATE_FAILED = 3;
    /** {@code compare}: the candidate regressed beyond the threshold. */
    public static final int REGRESSION = 3;
    /** The run was interrupted (Ctrl-C); what was measured was still written. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
