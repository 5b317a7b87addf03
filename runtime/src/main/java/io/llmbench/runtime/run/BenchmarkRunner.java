package io.llmbench.runtime.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.runtime.client.EndpointClient;
import io.llmbench.runtime.client.OutgoingRequest;
import io.llmbench.runtime.client.RequestBodyFactory;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.DatasetLoader;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.load.CancellationPlan;
import io.llmbench.runtime.load.ConnectionLimits;
import io.llmbench.runtime.load.FixedScheduleArrivals;
import io.llmbench.runtime.load.LoadScheduler;
import io.llmbench.runtime.load.PhaseSchedulers;
import io.llmbench.runtime.load.RequestDispatch;
import io.llmbench.runtime.load.ScheduleLagMonitor;
import io.llmbench.runtime.load.SessionScheduler;
import io.llmbench.runtime.metrics.GoodputSlos;
import io.llmbench.runtime.metrics.RequestMetrics;
import io.llmbench.runtime.metrics.RunMetrics;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.metrics.TokenCountSource;
import io.llmbench.runtime.record.Phase;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.TimeBase;
import io.llmbench.runtime.report.ConsoleTable;
import io.llmbench.runtime.report.InputPayload;
import io.llmbench.runtime.report.RunExportInfo;
import io.llmbench.runtime.report.RunExports;
import io.llmbench.runtime.report.ToolInfo;
import io.llmbench.runtime.spec.LoadSpec;
import io.llmbench.runtime.spec.PhaseLoad;
import io.llmbench.runtime.spec.RunSpec;
import io.llmbench.runtime.token.LoadedTokenizer;
import io.llmbench.runtime.token.TokenizerLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one resolved benchmark point end to end: tokenizer, dataset, warmup and profiling phases over
 * the Jetty client, then metrics, the console table and the exports. Completed exchanges are
 * decoded, measured and exported on one processing thread, never on a network thread, and written
 * as they complete, so an interrupted or failing run keeps everything it measured.
 */
public final class BenchmarkRunner {

    private final PrintStream out;
    private final PrintStream err;
    private final String offlineModel;

    /**
     * @param offlineModel a model name known not to be on the Hugging Face Hub (the embedded mock
     *     server's), for which no tokenizer download is tried; {@code null} when there is none
     */
    public BenchmarkRunner(PrintStream out, PrintStream err, String offlineModel) {
        this.out = out;
        this.err = err;
        this.offlineModel = offlineModel;
    }

    /**
     * Runs {@code spec}; with {@code --num-profile-runs N}, N times (warmup in the first only, as
     * AIPerf does) and then prints the mean and 95% confidence interval over the runs.
     */
    public RunOutcome run(RunSpec spec) throws InterruptedException {
        int runs = spec.load().numProfileRuns();
        if (runs <= 1) {
            return runOnce(spec);
        }
        List<RunSummary> summaries = new ArrayList<>();
        RunOutcome last = null;
        long successful = 0;
        long failed = 0;
        for (int i = 1; i <= runs; i++) {
            last = runOnce(ProfileRuns.specOfRun(spec, i));
            successful += last.successfulRequests();
            failed += last.failedRequests();
            summaries.add(lastSummary);
            if (last.interrupted()) {
                break;
            }
        }
        ProfileRuns.print(summaries, out);
        return new RunOutcome(last.runDirectory(), successful, failed, last.interrupted());
    }

    /** The summary of the last {@link #runOnce} (for the aggregate over profile runs). */
    private RunSummary lastSummary;

    private RunOutcome runOnce(RunSpec spec) throws InterruptedException {
        printHeader(spec);
        GoodputSlos slos = spec.goodput().isEmpty() ? GoodputSlos.none() : GoodputSlos.parse(spec.goodput());
        TargetProbe.check(spec.target().url());
        boolean hubAllowed = !spec.target().model().equals(offlineModel);
        LoadedTokenizer tokenizer = new TokenizerLoader().load(spec.input().tokenizer(), spec.target().model(),
                hubAllowed);
        out.println("# Tokenizer: " + tokenizer.tokenizer().name());
        if (tokenizer.notice() != null) {
            out.println("# " + tokenizer.notice());
        }
        List<DatasetEntry> entries = new DatasetLoader().load(spec.input(), tokenizer.tokenizer());
        RequestBodyFactory bodyFactory = new RequestBodyFactory(spec.target(), spec.input().outputTokens());
        List<byte[]> bodies = new ArrayList<>(entries.size());
        List<InputPayload> payloads = new ArrayList<>(entries.size());
        for (DatasetEntry entry : entries) {
            ObjectNode body = bodyFactory.tree(entry);
            bodies.add(RequestBodyFactory.toBytes(body));
            payloads.add(new InputPayload(entry.conversationId(), body));
        }

        ConnectionLimits.check(spec.load().promisedConcurrency());
        Path runDir = RunDirectory.create(spec, LocalDateTime.now());
        RunMetrics metrics = new RunMetrics(
                new RequestMetrics(tokenizer.tokenizer(), spec.target().streaming(), TokenCountSource.CLIENT), slos);
        Instant startTime = Instant.now();
        ExecutorService processing = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "llmbench-records");
            thread.setDaemon(true);
            return thread;
        });
        AtomicReference<RuntimeException> processingFailure = new AtomicReference<>();
        try (InterruptGuard guard = new InterruptGuard();
                RunExports exports = RunExports.open(runDir, TimeBase.now());
                EndpointClient client = new EndpointClient(spec.target(), spec.load().maxInFlight())) {
            exports.writeInputs(payloads);
            Phases phases = new Phases(spec, entries, bodies, Conversations.of(entries, bodyFactory), client, guard,
                    record -> {
                try {
                    exports.append(record, metrics.accept(record));
                } catch (RuntimeException e) {
                    processingFailure.compareAndSet(null, e);
                }
            }, processing, err);
            phases.run(Phase.WARMUP, spec.load().warmup());
            phases.run(Phase.PROFILING, spec.load().profiling());
            phases.close();
            processing.shutdown();
            processing.awaitTermination(1, TimeUnit.MINUTES);
            if (processingFailure.get() != null) {
                throw processingFailure.get();
            }
            RunSummary summary = metrics.summarize();
            exports.finish(summary, new RunExportInfo(InputConfig.of(spec, tokenizer.tokenizer().name()),
                    startTime, Instant.now(), guard.interrupted(), ToolInfo.version()));
            out.println();
            out.print(ConsoleTable.render(summary));
            ScheduleReport.print(summary, out);
            if (guard.interrupted()) {
                out.println("# Interrupted: the exports hold every request that completed.");
            }
            out.println("# Exports: " + runDir.toAbsolutePath());
            out.println();
            out.flush();
            if (summary.requestCount() == 0 && !guard.interrupted()) {
                err.println("llmbench: " + spec.benchmarkName() + ": no request succeeded ("
                        + summary.errorRequestCount() + " failed, see the error table above)");
            }
            lastSummary = summary;
            return new RunOutcome(runDir, summary.requestCount(), summary.errorRequestCount(), guard.interrupted());
        } catch (IOException e) {
            throw new UncheckedIOException("writing the exports in " + runDir + " failed: " + e.getMessage(), e);
        } finally {
            processing.shutdownNow();
        }
    }

    /**
     * Sends the phases of one run through the scheduler their load asks for; both draw entries from
     * one sequence, so profiling continues where warmup stopped (a fixed schedule replays the
     * entries at their timestamps instead).
     */
    private static final class Phases {
        private final RunSpec spec;
        private final List<DatasetEntry> entries;
        private final List<byte[]> bodies;
        private final EndpointClient client;
        private final InterruptGuard guard;
        private final java.util.function.Consumer<RequestRecord> sink;
        private final ExecutorService processing;
        private final PrintStream err;
        private final AtomicInteger nextEntry = new AtomicInteger();
        private final ScheduledExecutorService cancelTimer;
        private final CancellationPlan cancellation;
        private final Conversations conversations;
        private final ScheduledExecutorService turnTimer;

        Phases(RunSpec spec, List<DatasetEntry> entries, List<byte[]> bodies, Conversations conversations,
                EndpointClient client, InterruptGuard guard, java.util.function.Consumer<RequestRecord> sink,
                ExecutorService processing, PrintStream err) {
            this.conversations = conversations;
            this.turnTimer = conversations == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "llmbench-turns");
                thread.setDaemon(true);
                return thread;
            });
            this.spec = spec;
            this.entries = entries;
            this.bodies = bodies;
            this.client = client;
            this.guard = guard;
            this.sink = sink;
            this.processing = processing;
            this.err = err;
            LoadSpec load = spec.load();
            this.cancelTimer = load.cancellationRate() > 0 ? Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "llmbench-cancel");
                thread.setDaemon(true);
                return thread;
            }) : null;
            this.cancellation = new CancellationPlan(load.cancellationRate(), load.cancellationDelay(),
                    load.scheduleSeed(), cancelTimer);
        }

        void run(Phase phase, PhaseLoad load) throws InterruptedException {
            if (load.isEmpty() || guard.interrupted()) {
                return;
            }
            ScheduleLagMonitor lagMonitor = new ScheduleLagMonitor(line -> {
                err.println("llmbench: " + phase.name().toLowerCase(java.util.Locale.ROOT) + ": " + line);
                err.flush();
            });
            // Warmup and profiling draw different gaps from the same seed.
            long seed = spec.load().scheduleSeed() * 31 + phase.ordinal();
            LoadScheduler scheduler;
            if (conversations != null && !spec.load().fixedSchedule().enabled()) {
                int sessions = Math.min(load.concurrency(), conversations.size());
                scheduler = new SessionScheduler(conversations.delaysMs(), Math.max(1, sessions), load.requestCount(),
                        load.duration(), load.gracePeriod(), (session, turn, sequence, scheduledNs, done) ->
                                sendTurn(phase, session, turn, scheduledNs, done), turnTimer);
            } else if (phase == Phase.PROFILING && spec.load().fixedSchedule().enabled()) {
                FixedScheduleArrivals arrivals = fixedArrivals();
                RequestDispatch dispatch = cancellation.applyTo(
                        (sequence, scheduledNs, done) -> send(phase, arrivals.entryIndex(sequence), scheduledNs, done));
                scheduler = PhaseSchedulers.openLoop(arrivals, load, Math.min(arrivals.size(), load.requestCount()),
                        dispatch, lagMonitor);
            } else {
                RequestDispatch dispatch = cancellation.applyTo((sequence, scheduledNs, done) -> send(phase,
                        Math.floorMod(nextEntry.getAndIncrement(), entries.size()), scheduledNs, done));
                scheduler = PhaseSchedulers.create(load, seed, dispatch, lagMonitor);
            }
            guard.watch(scheduler::stop, client::close);
            scheduler.run();
        }

        private FixedScheduleArrivals fixedArrivals() {
            long[] timestamps = new long[entries.size()];
            for (int i = 0; i < timestamps.length; i++) {
                timestamps[i] = entries.get(i).timestampMs();
            }
            try {
                return FixedScheduleArrivals.of(timestamps, spec.load().fixedSchedule());
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--fixed-schedule: " + e.getMessage() + " in " + spec.input().dataset()
                        + ": use a trace dataset whose entries carry timestamps, or check the offsets");
            }
        }

        private RequestDispatch.Cancellable send(Phase phase, int index, long scheduledNs, Runnable done) {
            DatasetEntry entry = entries.get(index);
            // Closed loop passes no scheduled instant (RequestDispatch.UNSCHEDULED is NOT_RECORDED):
            // the client then records scheduled_start_ns as the request's start, so there is no lag.
            OutgoingRequest request = new OutgoingRequest(UUID.randomUUID().toString(), entry.conversationId(),
                    entry.turnIndex(), index, phase, entry.text(), entry.images().size(), bodies.get(index),
                    scheduledNs);
            // The end of the prefill (the first token) frees a --prefill-concurrency slot.
            Runnable firstEvent = done instanceof RequestDispatch.Completion completion
                    ? completion::firstResponse : null;
            EndpointClient.InFlightRequest handle = client.send(request, firstEvent, exchange -> {
                processing.execute(() -> sink.accept(exchange.toRecord()));
                done.run();
            });
            return handle::cancel;
        }

        /** One turn of a conversation: its body carries the history; done once its answer is kept. */
        private RequestDispatch.Cancellable sendTurn(Phase phase, int session, int turn, long scheduledNs,
                Runnable done) {
            int index = conversations.entryIndex(session, turn);
            DatasetEntry entry = entries.get(index);
            OutgoingRequest request = new OutgoingRequest(UUID.randomUUID().toString(), entry.conversationId(),
                    entry.turnIndex(), index, phase, entry.text(), entry.images().size(),
                    turn == 0 ? bodies.get(index) : conversations.body(session, turn), scheduledNs);
            EndpointClient.InFlightRequest handle = client.send(request, exchange -> processing.execute(() -> {
                RequestRecord record = exchange.toRecord();
                sink.accept(record);
                conversations.answered(session, turn, record);
                done.run();
            }));
            return handle::cancel;
        }

        void close() {
            if (cancelTimer != null) {
                cancelTimer.shutdownNow();
            }
            if (turnTimer != null) {
                turnTimer.shutdownNow();
            }
        }
    }

    private void printHeader(RunSpec spec) {
        out.println("# Benchmark: " + spec.benchmarkName() + (spec.point().isEmpty() ? "" : " " + spec.point()));
        out.println("# Target: " + spec.target().url() + ", model " + spec.target().model() + ", "
                + spec.target().endpointType().cliName() + ", "
                + (spec.target().streaming() ? "streaming" : "non-streaming"));
        out.println("# Load: " + LoadDescription.of(spec.load()));
        out.println("# Dataset: " + spec.input().dataset() + ", input tokens " + spec.input().inputTokensMean()
                + " ± " + spec.input().inputTokensStddev() + ", max_tokens "
                + (spec.input().outputTokens() < 0 ? "not sent" : spec.input().outputTokens())
                + ", seed " + spec.input().randomSeed());
        if (!spec.goodput().isEmpty()) {
            out.println("# Goodput SLOs: " + spec.goodput());
        }
        out.flush();
    }
}
