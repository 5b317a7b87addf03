package io.llmbench.bench;

import io.llmbench.runtime.client.ArrivingStream;
import io.llmbench.runtime.client.CompletedExchange;
import io.llmbench.runtime.client.OutgoingRequest;
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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's per-stream CPU without the network: the bytes of one mock stream (taken from a real
 * response) parsed by {@link SseParser} in 16 KiB reads and collected by an {@link ArrivingStream}
 * (OpenAI chunks decoded on arrival) as the network threads do, then turned into a record,
 * measured and exported as the processing thread does, all on this one thread, timed by its own CPU
 * clock. Independent of other processes on the machine, it gives the ceiling the client's code
 * sets: streams per second per core.
 */
final class PipelineCost {

    private static final int READ = 16 * 1024;

    private PipelineCost() {
    }

    /** One streamed response body of the mock at {@code baseUri}, as the benchmark's requests get it. */
    static byte[] sampleStream(URI baseUri) throws Exception {
        byte[] body = LoadRun.body(LoadRun.target(baseUri, true, true));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(baseUri.resolve("/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .header(MockStamp.HEADER, "1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    /**
     * @param bytes one real stream's response body
     * @return per stream, CPU nanoseconds then bytes allocated of each step: {SSE parse, decode, metrics,
     *     export, and the same four in bytes}
     */
    static double[] measure(byte[] bytes, int streams) throws Exception {
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
        long[] allocated = new long[4];
        com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
        long self = Thread.currentThread().getId();
        URI uri = URI.create("http://127.0.0.1/v1/chat/completions");
        try (RunExports exports = RunExports.open(dir, TimeBase.now())) {
            for (int round = 0; round < 2; round++) {
                // Round 0 warms the JIT up; round 1 is measured.
                parseNs = 0;
                decodeNs = 0;
                metricsNs = 0;
                exportNs = 0;
                java.util.Arrays.fill(allocated, 0);
                for (int i = 0; i < streams; i++) {
                    long a0 = allocation.getThreadAllocatedBytes(self);
                    long t0 = threads.getCurrentThreadCpuTime();
                    ArrivingStream stream = ArrivingStream.openAiChat();
                    SseParser parser = new SseParser(stream);
                    for (ByteBuffer read : reads) {
                        parser.feed(read.duplicate(), System.nanoTime());
                    }
                    parser.finish();
                    long t1 = threads.getCurrentThreadCpuTime();
                    long a1 = allocation.getThreadAllocatedBytes(self);
                    long now = System.nanoTime();
                    OutgoingRequest request = new OutgoingRequest("id-" + i, "c0", 0, 0, Phase.PROFILING,
                            "Say something.", 0, new byte[0], RequestRecord.NOT_RECORDED);
                    CompletedExchange exchange = new CompletedExchange(request, uri, now - 1000, now - 900,
                            now - 800, now, now, 200, true, stream.events(), new byte[0], null, null,
                            stream.decodedEvents());
                    RequestRecord record = exchange.toRecord();
                    long t2 = threads.getCurrentThreadCpuTime();
                    long a2 = allocation.getThreadAllocatedBytes(self);
                    RequestValues values = metrics.accept(record);
                    long t3 = threads.getCurrentThreadCpuTime();
                    long a3 = allocation.getThreadAllocatedBytes(self);
                    exports.append(record, values);
                    long t4 = threads.getCurrentThreadCpuTime();
                    long a4 = allocation.getThreadAllocatedBytes(self);
                    allocated[0] += a1 - a0;
                    allocated[1] += a2 - a1;
                    allocated[2] += a3 - a2;
                    allocated[3] += a4 - a3;
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
                (double) exportNs / streams, (double) allocated[0] / streams, (double) allocated[1] / streams,
                (double) allocated[2] / streams, (double) allocated[3] / streams};
    }
}
