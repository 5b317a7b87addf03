package io.llmbench.runtime.merge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.metrics.GoodputSlos;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.report.ExportedRecord;
import io.llmbench.runtime.report.LatencyIntervalLog;
import io.llmbench.runtime.report.ProfileCsvWriter;
import io.llmbench.runtime.report.ProfileJsonWriter;
import io.llmbench.runtime.report.ProfileJsonlWriter;
import io.llmbench.runtime.report.ResultFolder;
import io.llmbench.runtime.report.RunExportInfo;
import io.llmbench.runtime.report.ToolInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines the result folders of load-generator processes (or machines) that ran the same benchmark
 * at the same time into one result, exactly: the records are concatenated on their common time base
 * (wall-clock epoch nanoseconds) in end order, and every statistic, count and throughput is computed
 * again from them, throughputs over the span from the earliest start to the latest end of all of
 * them; the latency interval log is rebuilt from the same values, so its histograms are the sums of
 * the processes' own.
 */
public final class RunMerger {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunMerger() {
    }

    /**
     * Merges {@code runs} into {@code outDir} (created; must not hold a result already).
     *
     * @return the merged summary
     * @throws UserInputException when a run has no records (export level summary), or they differ in benchmark or streaming
     */
    public static RunSummary merge(List<ResultFolder> runs, Path outDir) throws IOException {
        if (runs.size() < 2) {
            throw new UserInputException("merge needs at least two result folders, got " + runs.size());
        }
        List<ExportedRecord> records = new ArrayList<>();
        Boolean streaming = null;
        for (ResultFolder run : runs) {
            if (!run.hasRecords()) {
                throw new UserInputException(run.directory() + " has no " + ProfileJsonlWriter.FILE_NAME
                        + ": merge needs the per-request records; rerun with --export-level records or raw");
            }
            boolean runStreaming = run.summary().path("input_config").path("endpoint").path("streaming")
                    .asBoolean(false);
            if (streaming != null && streaming != runStreaming) {
                throw new UserInputException(run.directory() + " streamed " + (runStreaming ? "" : "not ")
                        + "unlike the others: merge only runs of the same benchmark");
            }
            streaming = runStreaming;
            String benchmark = run.summary().path("input_config").path("benchmark").asText("");
            String first = runs.get(0).summary().path("input_config").path("benchmark").asText("");
            if (!benchmark.equals(first)) {
                throw new UserInputException(run.directory() + " is a result of benchmark '" + benchmark + "', "
                        + runs.get(0).directory() + " of '" + first + "': merge only runs of the same benchmark");
            }
            records.addAll(run.records());
        }
        records.sort(Comparator.comparingLong(RunMerger::orderKey));
        String goodput = runs.get(0).summary().path("input_config").path("goodput").asText("");
        GoodputSlos slos = goodput.isBlank() ? GoodputSlos.none() : GoodputSlos.parse(goodput);
        RunSummary summary = RecordSummarizer.summarize(records, streaming, slos);

        if (Files.exists(outDir.resolve(ProfileJsonWriter.FILE_NAME))) {
            throw new UserInputException(outDir + " already holds a result: choose a new folder for the merge");
        }
        Files.createDirectories(outDir);
        try (BufferedWriter out = Files.newBufferedWriter(outDir.resolve(ProfileJsonlWriter.FILE_NAME),
                StandardCharsets.UTF_8)) {
            for (ExportedRecord record : records) {
                out.write(MAPPER.writeValueAsString(record.line()));
                out.write('\n');
            }
        }
        long start = records.stream().filter(r -> r.profiling() && r.startNs() != ExportedRecord.ABSENT)
                .mapToLong(ExportedRecord::startNs).min().orElse(ExportedRecord.ABSENT);
        long end = records.stream().filter(r -> r.profiling() && r.endNs() != ExportedRecord.ABSENT)
                .mapToLong(ExportedRecord::endNs).max().orElse(ExportedRecord.ABSENT);
        try (LatencyIntervalLog log = new LatencyIntervalLog(outDir.resolve(LatencyIntervalLog.FILE_NAME),
                1_000_000_000L, start == ExportedRecord.ABSENT ? 0 : start)) {
            for (ExportedRecord record : records) {
                if (record.profiling() && record.valid() && record.endNs() != ExportedRecord.ABSENT) {
                    log.accept(record.endNs(), record.values(), record.interChunkLatencies());
                }
            }
        }
        Map<String, Object> inputConfig = MAPPER.convertValue(runs.get(0).summary().path("input_config"),
                LinkedHashMap.class);
        List<String> sources = runs.stream().map(r -> r.directory().toAbsolutePath().normalize().toString()).toList();
        inputConfig.put("merged_from", sources);
        Map<String, Object> environment = new LinkedHashMap<>();
        List<Object> environments = new ArrayList<>();
        for (ResultFolder run : runs) {
            environments.add(MAPPER.convertValue(run.summary().path("environment"), Object.class));
        }
        environment.put("merged_from", environments);
        boolean cancelled = runs.stream().anyMatch(r -> r.summary().path("was_cancelled").asBoolean(false));
        RunExportInfo info = new RunExportInfo(inputConfig, instant(start), instant(end), cancelled,
                ToolInfo.version(), null, environment);
        ProfileJsonWriter.write(outDir.resolve(ProfileJsonWriter.FILE_NAME), summary, info);
        ProfileCsvWriter.write(outDir.resolve(ProfileCsvWriter.FILE_NAME), summary);
        return summary;
    }

    private static long orderKey(ExportedRecord record) {
        return record.endNs() != ExportedRecord.ABSENT ? record.endNs() : record.startNs();
    }

    private static Instant instant(long epochNs) {
        return epochNs == ExportedRecord.ABSENT ? null
                : Instant.ofEpochSecond(Math.floorDiv(epochNs, 1_000_000_000L), Math.floorMod(epochNs, 1_000_000_000L));
    }
}
