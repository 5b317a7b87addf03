package io.llmbench.runtime.report;

import java.util.Locale;

/** The formats of the invocation's result file ({@code -rf}). */
public enum ResultFormat {
    /** One JSON document: every run with its sweep point and statistics. */
    JSON("json"),
    /** One CSV table: a row per run and metric. */
    CSV("csv");

    private final String extension;

    ResultFormat(String extension) {
        this.extension = extension;
    }

    /** The file name extension, without the dot; also the {@code -rf} value. */
    public String extension() {
        return extension;
    }

    /** The format named {@code name} (case-insensitive), or {@code null}. */
    public static ResultFormat fromName(String name) {
        for (ResultFormat format : values()) {
            if (format.extension.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        return null;
    }

    /** The format a file name's extension says, or {@code null}. */
    public static ResultFormat fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? null : fromName(fileName.substring(dot + 1));
    }
}
