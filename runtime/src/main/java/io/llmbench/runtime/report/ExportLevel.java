package io.llmbench.runtime.report;

import java.util.Locale;

/** How much of a run is written ({@code --export-level}, as AIPerf's option of that name). */
public enum ExportLevel {
    /** The summary files only: no {@code profile_export.jsonl}. */
    SUMMARY,
    /** The summary files and one {@code profile_export.jsonl} line per request (the default). */
    RECORDS,
    /** As {@link #RECORDS}, each line also carrying the request body sent and the response events received. */
    RAW;

    /** The option's word for this level. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level named {@code word}, or {@code null}. */
    public static ExportLevel fromCliName(String word) {
        for (ExportLevel level : values()) {
            if (level.cliName().equals(word)) {
                return level;
            }
        }
        return null;
    }
}
