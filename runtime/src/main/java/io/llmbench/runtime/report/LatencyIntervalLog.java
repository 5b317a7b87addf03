package io.llmbench.runtime.report;

import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RequestValues;
import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes {@code profile_export_latency.hlog}: HdrHistogram interval logs (3 significant digits,
 * values in nanoseconds, the {@code max} column in ms) of the latency metrics of the valid profiling
 * requests, one tagged histogram per metric and interval, each request in the interval its end falls
 * in. Interval timestamps are absolute (seconds since the epoch), so logs of several processes share
 * one time base and add up exactly; HdrHistogram's own {@code HistogramLogReader} and
 * {@code HistogramLogProcessor} read them. Confined to the processing thread.
 */
public final class LatencyIntervalLog implements Closeable {

    /** The file's name in the run folder. */
    public static final String FILE_NAME = "profile_export_latency.hlog";

    /** The metrics logged; each histogram's tag is the metric's export tag. */
    public static final List<MetricTag> TAGS = List.of(MetricTag.TIME_TO_FIRST_TOKEN, MetricTag.INTER_TOKEN_LATENCY,
            MetricTag.REQUEST_LATENCY, MetricTag.INTER_CHUNK_LATENCY);

    private static final double NANOS_PER_MS = 1_000_000.0;
    /** Intervals this far behind the newest one are written out: completions arrive almost in end order. */
    private static final int KEEP_OPEN = 2;

    private final PrintStream out;
    private final HistogramLogWriter writer;
    private final long intervalNs;
    private final long originEpochNs;
    private final TreeMap<Long, EnumMap<MetricTag, Histogram>> open = new TreeMap<>();

    /**
     * @param file the log file (created or truncated)
     * @param intervalNs the interval width
     * @param originEpochNs where the first interval starts, epoch nanoseconds
     */
    public LatencyIntervalLog(Path file, long intervalNs, long originEpochNs) throws FileNotFoundException {
        this.out = new PrintStream(file.toFile());
        this.writer = new HistogramLogWriter(out);
        this.intervalNs = intervalNs;
        this.originEpochNs = originEpochNs;
        writer.outputComment("llmbench latency interval log: values in ns; tags are metric tags");
        writer.outputLogFormatVersion();
        writer.outputStartTime(originEpochNs / 1_000_000L);
        writer.setBaseTime(0);
        writer.outputLegend();
    }

    /** Adds one valid profiling request that ended at {@code endEpochNs}. */
    public void accept(long endEpochNs, RequestValues values) {
        EnumMap<MetricTag, Histogram> histograms = interval(endEpochNs);
        for (MetricTag tag : TAGS) {
            if (tag == MetricTag.INTER_CHUNK_LATENCY) {
                for (int i = 0; i < values.interChunkCount(); i++) {
                    record(histograms, tag, values.interChunkLatencyMs(i));
                }
            } else if (values.has(tag)) {
                record(histograms, tag, values.get(tag));
            }
        }
        writeOld(endEpochNs);
    }

    /** Adds one valid profiling request read back from an export (values in display units, gaps in ms). */
    public void accept(long endEpochNs, Map<MetricTag, Double> values, double[] interChunkLatenciesMs) {
        EnumMap<MetricTag, Histogram> histograms = interval(endEpochNs);
        for (MetricTag tag : TAGS) {
            if (tag == MetricTag.INTER_CHUNK_LATENCY) {
                for (double gap : interChunkLatenciesMs) {
                    record(histograms, tag, gap);
                }
            } else if (values.containsKey(tag)) {
                record(histograms, tag, values.get(tag));
            }
        }
        writeOld(endEpochNs);
    }

    private EnumMap<MetricTag, Histogram> interval(long endEpochNs) {
        return open.computeIfAbsent(indexOf(endEpochNs), i -> new EnumMap<>(MetricTag.class));
    }

    private long indexOf(long endEpochNs) {
        return Math.max(0, Math.floorDiv(endEpochNs - originEpochNs, intervalNs));
    }

    private void writeOld(long endEpochNs) {
        long index = indexOf(endEpochNs);
        while (open.firstKey() < index - KEEP_OPEN) {
            writeInterval(open.pollFirstEntry());
        }
    }

    private static void record(EnumMap<MetricTag, Histogram> histograms, MetricTag tag, double ms) {
        histograms.computeIfAbsent(tag, t -> {
            Histogram h = new Histogram(3);
            h.setTag(t.tag());
            return h;
        }).recordValue(Math.max(0, Math.round(ms * NANOS_PER_MS)));
    }

    private void writeInterval(Map.Entry<Long, EnumMap<MetricTag, Histogram>> interval) {
        double startSec = (originEpochNs + interval.getKey() * intervalNs) / 1e9;
        double endSec = startSec + intervalNs / 1e9;
        for (MetricTag tag : TAGS) {
            Histogram h = interval.getValue().get(tag);
            if (h != null) {
                h.setStartTimeStamp(Math.round(startSec * 1000));
                h.setEndTimeStamp(Math.round(endSec * 1000));
                writer.outputIntervalHistogram(startSec, endSec, h, NANOS_PER_MS);
            }
        }
    }

    /** Writes the intervals still open and closes the file. */
    @Override
    public void close() {
        for (Iterator<Map.Entry<Long, EnumMap<MetricTag, Histogram>>> it = open.entrySet().iterator();
                it.hasNext(); ) {
            writeInterval(it.next());
            it.remove();
        }
        out.close();
    }
}
