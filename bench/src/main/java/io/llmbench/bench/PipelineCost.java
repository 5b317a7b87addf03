package io.llmbench.bench;

import io.llmbench.runtime.client.CompletedExchange;
import io.llmbench.runtime.client.OutgoingRequest;
import io.llmbench.runtime.client.SseEvent;
import io.llmbench.runtime.client.SseParser;
import io.llmbench.runtime.metrics.GoodputSlos;
import io.llmbench.runtime.metrics.RequestMetrics;
import io.llmbench.runtime.metrics.RequestValues;
import io.llmbench.runtime.metrics.RunMetrics;
import io.llmbench.runtime.metrics.TokenCountSource;
import io.llmbench.runtime.record.Phase;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.TimeBase;
import io.llmbench.runtime.report.RunExports;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's per-stream CPU without the network: the bytes of one mock stream (taken from a real
 * response) parsed by {@link SseParser} in 16 KiB reads as the network threads do, then decoded,
 * measured and exported as the processing thread does, all on this one thread, timed by its own CPU
 * clock. Independent of other processes on the machine, it gives the ceiling the client's code
 * sets: streams per second per core.
 */
final class PipelineCost {

    private static final int READ = 16 * 1024;

    private PipelineCost() {
    }

    /**
     * @param events one real stream's events, in order
     * @return CPU nanoseconds per stream of each step: {SSE parse, decode, metrics, export}
     */
    static double[] measure(List<SseEvent> events, int streams) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (SseEvent event : events) {
            raw.writeBytes("data: ".getBytes(StandardCharsets.US_ASCII));
            raw.writeBytes(event.data());
            raw.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
        }
        byte[] bytes = raw.toByteArray();
        // Jetty hands the client direct buffers: feed the same.
        List<ByteBuffer> reads = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += READ) {
            int length = Math.min(READ, bytes.length - at);
            ByteBuffer read = ByteBuffer.allocateDirect(length);
            read.put(bytes, at, length).flip();
            reads.add(read);
        }
        RunMetrics metrics = new RunMetrics(new RequestMetrics(LoadRun.WORDS, true, TokenCountSource.SERVER),
                GoodputSlos.none());
        Path dir = Files.createTempDirectory("llmbench-pipeline");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long parseNs = 0;
        long decodeNs = 0;
        long metricsNs = 0;
        long exportNs = 0;
        URI uri = URI.create("http://127.0.0.1/v1/chat/completions");
        try (RunExports exports = RunExports.open(dir, TimeBase.now())) {
            for (int round = 0; round < 2; round++) {
                // Round 0 warms the JIT up; round 1 is measured.
                parseNs = 0;
                decodeNs = 0;
                metricsNs = 0;
                exportNs = 0;
                for (int i = 0; i < streams; i++) {
                    long t0 = threads.getCurrentThreadCpuTime();
                    List<SseEvent> parsed = new ArrayList<>(64);
                    SseParser parser = new SseParser((name, data, receivedNs) ->
                            parsed.add(new SseEvent(name, data, receivedNs)));
                    for (ByteBuffer read : reads) {
                        parser.feed(read.duplicate(), System.nanoTime());
                    }
                    parser.finish();
                    long t1 = threads.getCurrentThreadCpuTime();
                    long now = System.nanoTime();
                    OutgoingRequest request = new OutgoingRequest("id-" + i, "c0", 0, 0, Phase.PROFILING,
                            "Say something.", 0, new byte[0], RequestRecord.NOT_RECORDED);
                    CompletedExchange exchange = new CompletedExchange(request, uri, now - 1000, now - 900,
                            now - 800, now, now, 200, true, parsed, new byte[0], null);
                    RequestRecord record = exchange.toRecord();
                    long t2 = threads.getCurrentThreadCpuTime();
                    RequestValues values = metrics.accept(record);
                    long t3 = threads.getCurrentThreadCpuTime();
                    exports.append(record, values);
                    long t4 = threads.getCurrentThreadCpuTime();
                    parseNs += t1 - t0;
                    decodeNs += t2 - t1;
                    metricsNs += t3 - t2;
                    exportNs += t4 - t3;
                }
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return new double[] {(double) parseNs / streams, (double) decodeNs / streams, (double) metricsNs / streams,
                (double) exportNs / streams};
    }
}
