package io.llmbench.runtime.report;

import io.llmbench.runtime.metrics.RequestValues;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.TimeBase;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The export files of one run folder: opens {@code profile_export.jsonl} at the start, appends one
 * line per record as the processing thread accepts it, writes {@code inputs.json} when asked, and
 * at the end writes {@code profile_export_llmbench.json} and {@code .csv}. Confined to the
 * processing thread.
 */
public final class RunExports implements Closeable {

    private final Path directory;
    private final TimeBase timeBase;
    private final ProfileJsonlWriter records;

    private RunExports(Path directory, TimeBase timeBase, ProfileJsonlWriter records) {
        this.directory = directory;
        this.timeBase = timeBase;
        this.records = records;
    }

    /** Creates {@code directory} if needed and opens its {@code profile_export.jsonl}. */
    public static RunExports open(Path directory, TimeBase timeBase) throws IOException {
        Objects.requireNonNull(timeBase, "timeBase");
        Files.createDirectories(directory);
        return new RunExports(directory, timeBase,
                new ProfileJsonlWriter(directory.resolve(ProfileJsonlWriter.FILE_NAME), timeBase));
    }

    /** The run folder. */
    public Path directory() {
        return directory;
    }

    /** Appends {@code record}'s line to {@code profile_export.jsonl}. */
    public void append(RequestRecord record, RequestValues values) {
        try {
            records.write(record, values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + directory.resolve(ProfileJsonlWriter.FILE_NAME), e);
        }
    }

    /** Writes {@code inputs.json} (see {@link InputsJsonWriter}). */
    public void writeInputs(Iterable<InputPayload> payloads) throws IOException {
        InputsJsonWriter.write(directory.resolve(InputsJsonWriter.FILE_NAME), payloads);
    }

    /**
     * Closes {@code profile_export.jsonl} and writes the summary files. The start and end times are
     * those of the summary's first and last profiling request, on the run's time base.
     *
     * @param inputConfig every resolved setting, secrets already redacted
     * @param wasCancelled whether the run was cut short
     */
    public void finish(RunSummary summary, Map<String, Object> inputConfig, boolean wasCancelled) throws IOException {
        finish(summary, new RunExportInfo(inputConfig, toInstant(summary.firstStartNs()),
                toInstant(summary.lastEndNs()), wasCancelled, ToolInfo.version()));
    }

    /** Closes {@code profile_export.jsonl} and writes the summary files with {@code info}. */
    public void finish(RunSummary summary, RunExportInfo info) throws IOException {
        records.close();
        ProfileJsonWriter.write(directory.resolve(ProfileJsonWriter.FILE_NAME), summary, info);
        ProfileCsvWriter.write(directory.resolve(ProfileCsvWriter.FILE_NAME), summary);
    }

    private Instant toInstant(long monotonicNs) {
        if (monotonicNs == RequestRecord.NOT_RECORDED) {
            return null;
        }
        long epochNs = timeBase.toEpochNs(monotonicNs);
        return Instant.ofEpochSecond(Math.floorDiv(epochNs, 1_000_000_000L), Math.floorMod(epochNs, 1_000_000_000L));
    }

    /** Closes {@code profile_export.jsonl} (idempotent; {@link #finish} already does). */
    @Override
    public void close() throws IOException {
        records.close();
    }
}
