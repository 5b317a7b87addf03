package io.llmbench.runtime.report;

import io.llmbench.runtime.metrics.RequestValues;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.record.Phase;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.TimeBase;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The export files of one run folder: opens {@code profile_export.jsonl} at the start (unless the
 * export level is {@code summary}), appends one line per record as the processing thread accepts
 * it, writes {@code inputs.json} when asked, feeds the latency interval log and the timeslices, and
 * at the end writes {@code profile_export_llmbench.json} and {@code .csv} (and the timeslice files).
 * Confined to the processing thread.
 */
public final class RunExports implements Closeable {

    /** The latency interval log's interval when no slice duration is given. */
    private static final long DEFAULT_LOG_INTERVAL_NS = 1_000_000_000L;

    private final Path directory;
    private final TimeBase timeBase;
    private final OutputSettings settings;
    private final ProfileJsonlWriter records;
    private final TimesliceRecorder timeslices;
    private final long logIntervalNs;
    private LatencyIntervalLog latencyLog;
    private long profilingStartNs;
    private List<InputPayload> rawBodies;

    private RunExports(Path directory, TimeBase timeBase, OutputSettings settings, ProfileJsonlWriter records) {
        this.directory = directory;
        this.timeBase = timeBase;
        this.settings = settings;
        this.records = records;
        this.profilingStartNs = timeBase.monoNs();
        long sliceNs = Math.round(settings.sliceDurationSeconds() * 1e9);
        this.timeslices = settings.slices() ? new TimesliceRecorder(sliceNs, profilingStartNs) : null;
        this.logIntervalNs = settings.slices() ? sliceNs : DEFAULT_LOG_INTERVAL_NS;
    }

    /** Creates {@code directory} if needed and opens its {@code profile_export.jsonl}, with the default settings. */
    public static RunExports open(Path directory, TimeBase timeBase) throws IOException {
        return open(directory, timeBase, OutputSettings.defaults());
    }

    /** Creates {@code directory} if needed and opens the files {@code settings} ask for. */
    public static RunExports open(Path directory, TimeBase timeBase, OutputSettings settings) throws IOException {
        Objects.requireNonNull(timeBase, "timeBase");
        Objects.requireNonNull(settings, "settings");
        Files.createDirectories(directory);
        ProfileJsonlWriter records = settings.exportLevel() == ExportLevel.SUMMARY ? null
                : new ProfileJsonlWriter(directory.resolve(ProfileJsonlWriter.FILE_NAME), timeBase);
        return new RunExports(directory, timeBase, settings, records);
    }

    /** The run folder. */
    public Path directory() {
        return directory;
    }

    /**
     * Marks the start of the profiling phase ({@code System.nanoTime()}): the first timeslice and
     * the first latency-log interval start there. Without it they start when the exports were opened.
     */
    public void profilingStarted(long monotonicNs) {
        if (latencyLog == null) {
            profilingStartNs = monotonicNs;
            if (timeslices != null) {
                timeslices.restartAt(monotonicNs);
            }
        }
    }

    /** Appends {@code record}'s line to {@code profile_export.jsonl} and feeds the interval views. */
    public void append(RequestRecord record, RequestValues values) {
        try {
            if (records != null) {
                records.write(record, values, rawBodies == null ? null : rawBodies.get(record.entryIndex()).body());
            }
            if (record.phase() == Phase.PROFILING) {
                long end = endOf(record);
                if (timeslices != null && end != RequestRecord.NOT_RECORDED) {
                    timeslices.accept(end, record.isValid(), values);
                }
                if (record.isValid() && record.endNs() != RequestRecord.NOT_RECORDED) {
                    latencyLog().accept(timeBase.toEpochNs(record.endNs()), values);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the exports in " + directory, e);
        }
    }

    private static long endOf(RequestRecord record) {
        if (record.endNs() != RequestRecord.NOT_RECORDED) {
            return record.endNs();
        }
        return record.startNs() != RequestRecord.NOT_RECORDED ? record.startNs() : record.queuedNs();
    }

    private LatencyIntervalLog latencyLog() throws IOException {
        if (latencyLog == null) {
            latencyLog = new LatencyIntervalLog(directory.resolve(LatencyIntervalLog.FILE_NAME), logIntervalNs,
                    timeBase.toEpochNs(profilingStartNs));
        }
        return latencyLog;
    }

    /**
     * Writes {@code inputs.json} (see {@link InputsJsonWriter}); at the raw export level also keeps
     * the bodies, indexed as the records' {@code entryIndex}, for the records' {@code raw} objects.
     */
    public void writeInputs(Iterable<InputPayload> payloads) throws IOException {
        InputsJsonWriter.write(directory.resolve(InputsJsonWriter.FILE_NAME), payloads);
        if (settings.exportLevel() == ExportLevel.RAW) {
            rawBodies = new ArrayList<>();
            payloads.forEach(rawBodies::add);
        }
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
        close();
        ProfileJsonWriter.write(directory.resolve(ProfileJsonWriter.FILE_NAME), summary, info);
        ProfileCsvWriter.write(directory.resolve(ProfileCsvWriter.FILE_NAME), summary);
        if (timeslices != null) {
            TimesliceWriter.write(directory, timeslices.sliceSeconds(), timeBase.toEpochNs(timeslices.originNs()),
                    timeslices.timeslices());
        }
    }

    private Instant toInstant(long monotonicNs) {
        if (monotonicNs == RequestRecord.NOT_RECORDED) {
            return null;
        }
        long epochNs = timeBase.toEpochNs(monotonicNs);
        return Instant.ofEpochSecond(Math.floorDiv(epochNs, 1_000_000_000L), Math.floorMod(epochNs, 1_000_000_000L));
    }

    /** Closes {@code profile_export.jsonl} and the latency log (idempotent; {@link #finish} already does). */
    @Override
    public void close() throws IOException {
        if (records != null) {
            records.close();
        }
        if (latencyLog != null) {
            latencyLog.close();
        }
    }
}
