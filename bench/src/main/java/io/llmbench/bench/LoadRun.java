package io.llmbench.bench;

import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.client.CompletedExchange;
import io.llmbench.runtime.client.EndpointClient;
import io.llmbench.runtime.client.OutgoingRequest;
import io.llmbench.runtime.client.SecretRedactor;
import io.llmbench.runtime.run.RecordPipeline;
import io.llmbench.runtime.client.RequestBodyFactory;
import io.llmbench.runtime.client.SseEvent;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.load.LoadScheduler;
import io.llmbench.runtime.load.RequestDispatch;
import io.llmbench.runtime.metrics.DoubleColumn;
import io.llmbench.runtime.metrics.GoodputSlos;
import io.llmbench.runtime.metrics.RequestMetrics;
import io.llmbench.runtime.metrics.RunMetrics;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.metrics.Statistics;
import io.llmbench.runtime.metrics.TokenCountSource;
import io.llmbench.runtime.record.Phase;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.record.TimeBase;
import io.llmbench.runtime.report.RunExports;
import io.llmbench.runtime.spec.TargetSpec;
import io.llmbench.runtime.token.Tokenizer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One measured run of the client, doing per request exactly what a benchmark run does: Jetty client
 * and SSE parsing on the network threads, then on one processing thread the record decode, the
 * metrics (token counts from the server's usage) and the JSONL export. Adds the bench's own
 * observations: SSE events parsed, and the TTFT error against the mock's timing event.
 */
final class LoadRun {

    /** A tokenizer that is never the bottleneck: token counts come from the server's usage here. */
    static final Tokenizer WORDS = new Tokenizer() {
        @Override
        public int count(String text) {
            return text.isEmpty() ? 0 : 1;
        }

        @Override
        public int[] encode(String text) {
            return new int[count(text)];
        }

        @Override
        public String decode(int[] ids) {
            return "";
        }

        @Override
        public String name() {
            return "bench (server usage counts)";
        }

        @Override
        public boolean isFallback() {
            return false;
        }
    };

    private final URI baseUri;
    private final boolean streaming;
    private final boolean timing;
    /** The server process's CPU seconds so far, to measure its share of the window; or {@code null}. */
    private final java.util.function.DoubleSupplier serverCpuSeconds;

    LoadRun(URI baseUri, boolean streaming, boolean timing) {
        this(baseUri, streaming, timing, null);
    }

    LoadRun(URI baseUri, boolean streaming, boolean timing, java.util.function.DoubleSupplier serverCpuSeconds) {
        this.baseUri = baseUri;
        this.streaming = streaming;
        this.timing = timing;
        this.serverCpuSeconds = serverCpuSeconds;
    }

    /** The one prompt every request of the harness sends. */
    static final String PROMPT = "Say something.";

    /** The mock as the harness's client targets it; {@code timing}: ask for the mock's own instants. */
    static TargetSpec target(URI baseUri, boolean streaming, boolean timing) {
        return new TargetSpec(baseUri, "llmbench-mock", EndpointType.CHAT, streaming, null,
                timing ? Map.of(MockStamp.HEADER, "1") : Map.of(), Map.of(), Duration.ofSeconds(120));
    }

    /** The body of every request to {@code target}, as the runner builds it. */
    static byte[] body(TargetSpec target) {
        return new RequestBodyFactory(target, -1).bytes(new DatasetEntry("c0", PROMPT, List.of(), -1));
    }

    /** What one run measured. */
    record Result(long completed, long valid, long failed, long cancelled, long events, double wallSeconds,
            double cpuSeconds, RunSummary summary, TtftError ttftError, String firstError,
            CpuByRole cpuByRole, double serverCpuSeconds) {

        double perSecond() {
            return completed / wallSeconds;
        }

        double cpuMicrosEach() {
            return cpuSeconds * 1e6 / completed;
        }
    }

    /** Runs the scheduler {@code schedulerFor} builds over this run's dispatch, with no warmup. */
    Result run(int maxInFlight, Function<RequestDispatch, LoadScheduler> schedulerFor) throws Exception {
        return run(maxInFlight, null, schedulerFor);
    }

    /**
     * Runs {@code warmupFor}'s scheduler, then {@code schedulerFor}'s, on ONE client and pipeline,
     * as a benchmark's warmup and profiling phases run: the measured window starts with the
     * connections open and the code compiled for these very objects (a fresh client and pipeline
     * after a separate warmup run had connections to open and deoptimised code to recompile in the
     * window). Only the second is measured.
     *
     * @param maxInFlight sizes the client's connection pool
     * @param warmupFor the warmup's scheduler, or {@code null} for none
     */
    Result run(int maxInFlight, Function<RequestDispatch, LoadScheduler> warmupFor,
            Function<RequestDispatch, LoadScheduler> schedulerFor) throws Exception {
        TargetSpec target = target(baseUri, streaming, timing);
        byte[] body = body(target);
        AtomicReference<Window> window = new AtomicReference<>(new Window(streaming));
        Path exportDir = Files.createTempDirectory("llmbench-bench");
        long wallStart;
        long wallEnd;
        CpuByRole rolesStart;
        CpuByRole roles;
        double serverStart;
        double serverCpu;
        RequestMetrics requestMetrics = new RequestMetrics(WORDS, streaming, TokenCountSource.SERVER);
        try (RunExports exports = RunExports.open(exportDir, TimeBase.now());
                EndpointClient client = new EndpointClient(target, maxInFlight);
                // The runner's own pipeline as a run with the server's token counts has it: one thread.
                RecordPipeline pipeline = new RecordPipeline(RecordPipeline.workersFor(TokenCountSource.SERVER),
                        SecretRedactor.of(target), requestMetrics, prepared -> {
                    Window current = window.get();
                    current.metrics.add(prepared.redacted(), prepared.values());
                    exports.append(prepared.redacted(), prepared.values());
                    current.tally.add(prepared.exchange(), prepared.record());
                })) {
            RequestDispatch dispatch = (sequence, scheduledNs, done) -> {
                OutgoingRequest request = new OutgoingRequest(UUID.randomUUID().toString(), "c0", 0, 0,
                        Phase.PROFILING, PROMPT, 0, body, scheduledNs);
                // As BenchmarkRunner: the slot is released once the record is processed.
                EndpointClient.InFlightRequest handle = client.send(request,
                        exchange -> pipeline.submit(exchange, null, done));
                return handle::cancel;
            };
            if (warmupFor != null) {
                // The window's own snapshots (thread CPU, /proc reads) run during the warmup too: taken
                // for the first time at the window's start, their calls into shared JDK code (buffers,
                // locks, collections) invalidated the compiled client and C2 recompiled it inside the window.
                Thread snapshots = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        CpuByRole.now();
                        serverCpuNow();
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "bench-snapshots");
                snapshots.setDaemon(true);
                snapshots.start();
                try {
                    warmupFor.apply(dispatch).run();
                } finally {
                    snapshots.interrupt();
                    snapshots.join();
                }
                java.util.concurrent.CompletableFuture<Void> switched = new java.util.concurrent.CompletableFuture<>();
                pipeline.executeOrdered(() -> {
                    window.set(new Window(streaming));
                    switched.complete(null);
                });
                switched.get();
            }
            LoadScheduler scheduler = schedulerFor.apply(dispatch);
            rolesStart = CpuByRole.now();
            serverStart = serverCpuNow();
            wallStart = System.nanoTime();
            scheduler.run();
            // Every request's slot is released after its record was processed, so the pipeline has
            // caught up when the scheduler returns (draining it would end its threads, and their CPU
            // would drop out of the snapshot).
            wallEnd = System.nanoTime();
            roles = CpuByRole.now().since(rolesStart);
            pipeline.drain();
            serverCpu = serverCpuNow() - serverStart;
        } finally {
            deleteTree(exportDir);
        }
        Tally tally = window.get().tally;
        return new Result(tally.completed, tally.valid, tally.failed, tally.cancelled, tally.events,
                (wallEnd - wallStart) / 1e9, roles.processNs() / 1e9, window.get().metrics.summarize(),
                tally.ttftError(),
                tally.firstError, roles, serverCpu);
    }

    /** The server process's CPU seconds so far, or NaN when not measured. */
    private double serverCpuNow() {
        return serverCpuSeconds == null ? Double.NaN : serverCpuSeconds.getAsDouble();
    }

    /** What one phase's requests are counted into (the warmup's are dropped with its window). */
    private static final class Window {
        final RunMetrics metrics;
        final Tally tally = new Tally();

        Window(boolean streaming) {
            metrics = new RunMetrics(new RequestMetrics(WORDS, streaming, TokenCountSource.SERVER), GoodputSlos.none());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Counts kept on the processing thread only. */
    private static final class Tally {
        long completed;
        long valid;
        long failed;
        long cancelled;
        long events;
        String firstError;
        final DoubleColumn errors = new DoubleColumn();
        final DoubleColumn sendSide = new DoubleColumn();
        final DoubleColumn receiveSide = new DoubleColumn();

        void add(CompletedExchange exchange, RequestRecord record) {
            completed++;
            events += exchange.eventCount();
            if (record.wasCancelled()) {
                cancelled++;
            } else if (!record.isValid()) {
                failed++;
                if (firstError == null) {
                    firstError = record.error().type().exportName() + ": " + record.error().message();
                }
            } else {
                valid++;
                ttftError(exchange, record);
            }
        }

        /**
         * Client TTFT minus the mock's own (stream written − request arrived): how much the client's
         * timestamps add to the server's time to first token.
         */
        private void ttftError(CompletedExchange exchange, RequestRecord record) {
            SseEvent timing = null;
            for (SseEvent event : exchange.events()) {
                if (MockStamp.EVENT.equals(event.name())) {
                    timing = event;
                }
            }
            if (timing == null || record.startNs() == RequestRecord.NOT_RECORDED) {
                return;
            }
            MockStamp stamp = MockStamp.find(new String(timing.data(), StandardCharsets.US_ASCII));
            if (stamp == null) {
                return;
            }
            long firstToken = -1;
            for (ResponseChunk chunk : record.chunks()) {
                if (chunk.isTokenBearing()) {
                    firstToken = chunk.receivedNs();
                    break;
                }
            }
            if (firstToken < 0) {
                return;
            }
            errors.add(stamp.ttftErrorMs(firstToken - record.startNs()));
            sendSide.add((stamp.arrivedNs() - record.startNs()) / 1e6);
            receiveSide.add((firstToken - stamp.sentNs()) / 1e6);
        }

        TtftError ttftError() {
            return new TtftError(errors.statistics(), sendSide.statistics(), receiveSide.statistics());
        }
    }

    /**
     * The statistics of every valid stream's TTFT error, in ms, and of its two parts: the client's
     * request start to the mock's handler (the send, the mock's read and dispatch), and the mock's
     * write of the first token to the client's read of it; {@code null} when no stream had one.
     */
    record TtftError(Statistics total, Statistics sendSide, Statistics receiveSide) {
    }
}
