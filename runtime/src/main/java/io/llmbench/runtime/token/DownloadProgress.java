package io.llmbench.runtime.token;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line download progress display, redrawn in place on a terminal and silent elsewhere (a log
 * file or a CI run would otherwise fill with carriage returns).
 */
final class DownloadProgress {

    private static final long REDRAW_NS = 200_000_000L;

    private final PrintStream out;
    private long lastDrawNs;
    private boolean drawn;

    private DownloadProgress(PrintStream out) {
        this.out = out;
    }

    /** Draws on standard error when the process has a console, else does nothing. */
    static DownloadProgress forConsole() {
        return on(() -> System.console() != null, System.err);
    }

    /**
     * Draws on {@code out} when {@code terminal} says the output is a terminal, else does nothing;
     * asked once, here (the answer does not change during a run).
     */
    static DownloadProgress on(java.util.function.BooleanSupplier terminal, PrintStream out) {
        return new DownloadProgress(terminal.getAsBoolean() ? out : null);
    }

    void update(String what, long bytes, long total) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (drawn && now - lastDrawNs < REDRAW_NS) {
            return;
        }
        lastDrawNs = now;
        drawn = true;
        String size = total > 0
                ? String.format(Locale.ROOT, "%.1f / %.1f MB (%d%%)", bytes / 1e6, total / 1e6, bytes * 100 / total)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        out.print("\r# Downloading " + what + ": " + size + "   ");
        out.flush();
    }

    void done() {
        if (out != null && drawn) {
            out.print("\r\033[K");
            out.flush();
            drawn = false;
        }
    }
}
