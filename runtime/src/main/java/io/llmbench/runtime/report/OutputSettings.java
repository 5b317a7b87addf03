package io.llmbench.runtime.report;

/**
 * What a run writes and shows besides its console table.
 *
 * @param exportLevel how much goes into the run folder
 * @param sliceDurationSeconds the width of the timeslices exported beside the summary, or 0 for none
 * @param progress how live progress is shown while the run sends
 * @param plots whether the run folder also gets PNG plots and a self-contained {@code report.html}
 */
public record OutputSettings(ExportLevel exportLevel, double sliceDurationSeconds, ProgressMode progress,
        boolean plots) {

    /** How live progress is shown. */
    public enum ProgressMode {
        /** Refreshing in place on a terminal, periodic lines otherwise. */
        AUTO,
        /** Nothing. */
        QUIET
    }

    /** Records-level exports, no timeslices, automatic progress, no plots. */
    public static OutputSettings defaults() {
        return new OutputSettings(ExportLevel.RECORDS, 0, ProgressMode.AUTO, false);
    }

    /** Whether timeslices are exported. */
    public boolean slices() {
        return sliceDurationSeconds > 0;
    }
}
