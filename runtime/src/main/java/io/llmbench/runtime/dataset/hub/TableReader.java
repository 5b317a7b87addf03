package io.llmbench.runtime.dataset.hub;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads the rows of one dataset file in order; one implementation per file format. */
public interface TableReader {

    /** Takes the rows of a file one at a time. */
    @FunctionalInterface
    interface RowSink {
        /** Takes one row; returns whether to read on ({@code false} stops the reading early). */
        boolean accept(Row row);
    }

    /**
     * Hands each row of {@code file} to {@code sink}, in file order, until the sink has had enough.
     *
     * @throws IOException when the file cannot be read or is not in the reader's format
     */
    void read(Path file, RowSink sink) throws IOException;

    /**
     * The reader for {@code fileName} by its extension ({@code .parquet}, {@code .jsonl},
     * {@code .json}), or {@code null} for a format no reader handles.
     */
    static TableReader forFile(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            return new ParquetReader();
        }
        if (name.endsWith(".jsonl")) {
            return new JsonReader(true);
        }
        if (name.endsWith(".json")) {
            return new JsonReader(false);
        }
        return null;
    }
}
