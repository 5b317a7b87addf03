package io.llmbench.runtime.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.runtime.client.EndpointClient;
import io.llmbench.runtime.client.OutgoingRequest;
import io.llmbench.runtime.client.RequestBodyFactory;
import io.llmbench.runtime.client.SecretRedactor;
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
import io.llmbench.runtime.load.RateArrivals;
import io.llmbench.runtime.load.RateSessionScheduler;
import io.llmbench.runtime.load.TurnGate;
import io.llmbench.runtime.load.SessionScheduler;
import io.llmbench.runtime.load.UserCentricScheduler;
import io.llmbench.runtime.metrics.Accuracy;
import io.llmbench.runtime.metrics.GoodputSlos;
import io.llmbench.runtime.metrics.RequestMetrics;
import io.llmbench.runtime.metrics.RunMetrics;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.metrics.TokenCountSource;
import io.llmbench.runtime.record.Phase;
import io.llmbench.runtime.record.TimeBase;
import io.llmbench.runtime.report.ConsoleTable;
import io.llmbench.runtime.report.LiveProgress;
import io.llmbench.runtime.report.OutputSettings;
import io.llmbench.runtime.report.RunReport;
import io.llmbench.runtime.report.InputPayload;
import io.llmbench.runtime.report.RequestAccounting;
import io.llmbench.runtime.report.ResponseCheckWriter;
import io.llmbench.runtime.report.RunExportInfo;
import io.llmbench.runtime.report.RunExports;
import io.llmbench.runtime.report.RunsAggregate;
import io.llmbench.runtime.report.ToolInfo;
import io.llmbench.runtime.spec.BenchmarkHooks;
import io.llmbench.runtime.spec.EndpointSettings;
import io.llmbench.runtime.spec.LoadSpec;
import io.llmbench.runtime.spec.PhaseLoad;
import io.llmbench.runtime.spec.RunSpec;
import io.llmbench.runtime.spec.SessionLoad;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one resolved benchmark point end to end: tokenizer, dataset, warmup and profiling phases over
 * the Jetty client, then metrics, the console table and the exports. Completed exchanges go through
 * the {@link RecordPipeline} (records and token counts on a small pool, aggregation and export on one
 * thread), never through a network thread, and are written as they complete, so an interrupted or
 * failing run keeps everything it measured.
 */
public final class BenchmarkRunner {

    private final PrintStream out;
    private final PrintStream err;
    private final String offlineModel;
    private final java.util.Map<String, String> env;
    private final OutputSettings output;

    /**
     * @param offlineModel a model name known not to be on the Hugging Face Hub (the embedded mock
     *     server's), for which no tokenizer download is tried; {@code null} when there is none
     */
    public BenchmarkRunner(PrintStream out, PrintStream err, String offlineModel) {
        this(out, err, offlineModel, System.getenv(), OutputSettings.defaults());
    }

    /**
     * @param env the environment the Hub settings ({@code HF_ENDPOINT}, {@code HF_TOKEN},
     *     {@code HF_HUB_OFFLINE}, {@code LLMBENCH_CACHE}) are read from
     */
    public BenchmarkRunner(PrintStream out, PrintStream err, String offlineModel, java.util.Map<String, String> env) {
        this(out, err, offlineModel, env, OutputSettings.defaults());
    }

    /** As {@link #BenchmarkRunner(PrintStream, PrintStream, String)}, writing and showing what {@code output} asks. */
    public BenchmarkRunner(PrintStream out, PrintStream err, String offlineModel, OutputSettings output) {
        this(out, err, offlineModel, System.getenv(), output);
    }

    /**
     * @param env the environment the Hub settings are read from
     * @param output what to write and show besides the table (export level, slices, plots, progress)
     */
    public BenchmarkRunner(PrintStream out, PrintStream err, String offlineModel, java.util.Map<String, String> env,
            OutputSettings output) {
        this.out = out;
        this.err = err;
        this.offlineModel = offlineModel;
        this.env = java.util.Map.copyOf(env);
        this.output = output;
    }

    /**
     * Runs {@code spec}; with {@code --num-profile-runs N}, N times (warmup, seeds and cooldown as its
     * {@code ProfileRunPolicy} says, as AIPerf does) and then prints the mean and confidence interval
     * over the runs and writes the aggregate export.
     */
    public RunOutcome run(RunSpec spec) throws InterruptedException {
        return run(spec, BenchmarkHooks.NONE);
    }

    /**
     * Runs {@code spec} with a benchmark's hook methods: {@code @Setup} first, {@code @TearDown} last
     * (also after a failure), the custom dataset, request customizer and response check in between.
     * With {@code --num-profile-runs N} the point runs N times and the mean and confidence interval
     * over the runs are printed and exported.
     */
    public RunOutcome run(RunSpec spec, BenchmarkHooks hooks) throws InterruptedException {
        hooks.setup();
        try {
            return runProfileRuns(spec, hooks);
        } finally {
            hooks.tearDown();
        }
    }

    private RunOutcome runProfileRuns(RunSpec spec, BenchmarkHooks hooks) throws InterruptedException {
        int runs = spec.load().numProfileRuns();
        if (runs <= 1) {
            return runOnce(spec, hooks);
        }
        List<RunsAggregate.Run> done = new ArrayList<>();
        RunOutcome last = null;
        long successful = 0;
        long failed = 0;
        // An interrupt during a cooldown, or during the last run, still gets the aggregate of the runs
        // that completed: this guard holds the JVM until it is written.
        try (InterruptGuard aggregateGuard = new InterruptGuard()) {
            for (int i = 1; i <= runs && coolDown(aggregateGuard, spec, i, runs); i++) {
                last = runOnce(ProfileRuns.specOfRun(spec, i), hooks);
                successful += last.successfulRequests();
                failed += last.failedRequests();
                done.add(new RunsAggregate.Run(RunsAggregate.Run.label(i), last.runDirectory().getFileName().toString(),
                        last.failure() == null ? last.summary() : null, last.failure()));
                if (last.interrupted()) {
                    break;
                }
            }
            ProfileRuns.report(spec, done, out);
            return new RunOutcome(last.runDirectory(), successful, failed,
                    last.interrupted() || aggregateGuard.interrupted(), last.summary(), last.accuracy());
        }
    }

    /**
     * The cooldown before run {@code run} (none before the first); false when an interrupt came, during
     * it or before it, so that no further run starts.
     */
    private boolean coolDown(InterruptGuard guard, RunSpec spec, int run, int runs) throws InterruptedException {
        guard.watch(Thread.currentThread()::interrupt, () -> { });
        try {
            ProfileRuns.coolDown(spec.load().profileRuns(), run, runs, out);
        } catch (InterruptedException e) {
            if (!guard.interrupted()) {
                throw e;
            }
        } finally {
            guard.watch(() -> { }, () -> { });
        }
        if (guard.interrupted()) {
            // The guard's own wake-up of the cooldown: the aggregate is still to be written.
            Thread.interrupted();
            return false;
        }
        return true;
    }

    private RunOutcome runOnce(RunSpec spec, BenchmarkHooks hooks) throws InterruptedException {
        printHeader(spec);
        GoodputSlos slos = spec.goodput().isEmpty() ? GoodputSlos.none() : GoodputSlos.parse(spec.goodput());
        try {
            TargetProbe.check(spec.target().url());
            for (java.net.URI extra : spec.target().endpoint().extraUrls()) {
                TargetProbe.check(extra);
            }
        } catch (TargetUnreachableException e) {
            return notStarted(spec, slos, e.getMessage());
        }
        boolean hubAllowed = !spec.target().model().equals(offlineModel);
        // --offline keeps every Hub look-up of the run (tokenizer and dataset) off the network.
        java.util.Map<String, String> runEnv = env;
        if (spec.input().publicDataset().offline()) {
            runEnv = new java.util.HashMap<>(env);
            runEnv.put("HF_HUB_OFFLINE", "1");
        }
        LoadedTokenizer tokenizer = new TokenizerLoader(runEnv, null).load(spec.input().tokenizer(),
                spec.target().model(), hubAllowed);
        out.println("# " + (tokenizer.notice() != null ? tokenizer.notice() : "Tokenizer: " + tokenizer.tokenizer().name()));
        List<DatasetEntry> entries = hooks.hasCustomDataset() ? CustomDataset.entries(spec, hooks, out)
                : new DatasetLoader(runEnv, note -> out.println("# " + note)).load(spec.input(),
                        tokenizer.tokenizer(), EntriesUsed.of(spec.load()));
        RequestBodyFactory bodyFactory = new RequestBodyFactory(spec.target(), spec.input().outputTokens());
        // One body per model and entry: with several models, each request takes the body of its model.
        List<List<byte[]>> bodies = new ArrayList<>();
        List<InputPayload> payloads = new ArrayList<>(entries.size());
        for (String model : spec.target().models()) {
            List<byte[]> modelBodies = new ArrayList<>(entries.size());
            for (DatasetEntry entry : entries) {
                ObjectNode body = bodyFactory.tree(entry, model);
                if (hooks.hasRequestCustomizer()) {
                    hooks.customizeRequest(body, entry);
                }
                modelBodies.add(RequestBodyFactory.toBytes(body));
                payloads.add(new InputPayload(entry.conversationId(), body));
            }
            bodies.add(modelBodies);
        }

        ConnectionLimits.check(spec.load().promisedConcurrency());
        Path runDir = RunDirectory.create(spec, LocalDateTime.now());
        // A benchmark's own output settings (@Output, resolved under the command line) replace the runner's.
        OutputSettings output = spec.output() != null ? spec.output() : this.output;
        RunMetrics metrics = new RunMetrics(
                new RequestMetrics(tokenizer.tokenizer(), spec.target().streaming(), tokenCountSource(spec)), slos);
        Instant startTime = Instant.now();
        ResponseChecks checks = new ResponseChecks(hooks, entries);
        try (InterruptGuard guard = new InterruptGuard();
                RunExports exports = RunExports.open(runDir, TimeBase.now(), output);
                LiveProgress progress = LiveProgress.start(output, err,
                        (long) spec.load().warmupRequestCount() + spec.load().requestCount(),
                        spec.load().profiling().duration());
                EndpointClient client = new EndpointClient(spec.target(), spec.load().maxInFlight());
                RecordPipeline pipeline = new RecordPipeline(RecordPipeline.workersFor(tokenCountSource(spec)),
                        SecretRedactor.of(spec.target()), metrics.requestMetrics(), prepared -> {
                    metrics.add(prepared.redacted(), prepared.values());
                    exports.append(prepared.redacted(), prepared.values());
                    progress.accept(prepared.redacted(), prepared.values());
                    checks.accept(prepared.record());
                })) {
            exports.writeInputs(payloads);
            Phases phases = new Phases(spec, entries, bodies, Conversations.of(entries, bodyFactory), client, guard,
                    pipeline, err);
            phases.run(Phase.WARMUP, spec.load().warmup());
            long profilingStart = System.nanoTime();
            pipeline.executeOrdered(() -> exports.profilingStarted(profilingStart));
            phases.run(Phase.PROFILING, spec.load().profiling());
            phases.close();
            pipeline.drain();
            progress.close();
            if (pipeline.failure() != null) {
                throw pipeline.failure();
            }
            RunSummary summary = metrics.summarize();
            RequestAccounting accounting = new RequestAccounting(phases.profilingSent(), summary.requestCount(),
                    summary.errorRequestCount(), summary.cancelledRequestCount());
            exports.finish(summary, new RunExportInfo(InputConfig.of(spec, tokenizer.tokenizer().name()),
                    startTime, Instant.now(), guard.interrupted(), ToolInfo.version(), accounting));
            out.println();
            // Embeddings and rerankers get a table of their own name (the rows that apply are latency and throughput).
            out.print(ConsoleTable.render(summary).replaceFirst(java.util.regex.Pattern.quote(ConsoleTable.TITLE),
                    java.util.regex.Matcher.quoteReplacement(ConsoleTable.title(spec.target().endpointType()))));
            ScheduleReport.print(summary, out);
            out.println(accounting.line());
            Accuracy accuracy = checks.accuracy();
            if (accuracy != null) {
                ResponseCheckWriter.write(runDir, accuracy);
                out.println("# Accuracy (response check): " + accuracy.describe());
            }
            if (guard.interrupted()) {
                out.println("# Interrupted: the exports hold every request sent, those cut short marked was_cancelled.");
            }
            out.println("# Exports: " + runDir.toAbsolutePath());
            if (output.plots()) {
                out.println("# Report: " + RunReport.write(runDir, err).toAbsolutePath());
            }
            out.println();
            out.flush();
            if (summary.requestCount() == 0 && !guard.interrupted()) {
                err.println("llmbench: " + spec.benchmarkName() + ": no request succeeded ("
                        + summary.errorRequestCount() + " failed, see the error table above)");
            }
            return new RunOutcome(runDir, summary.requestCount(), summary.errorRequestCount(), guard.interrupted(),
                    summary, accuracy);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the exports in " + runDir + " failed: " + e.getMessage(), e);
        }
    }

    private static TokenCountSource tokenCountSource(RunSpec spec) {
        return spec.target().endpoint().useServerTokenCount() ? TokenCountSource.SERVER : TokenCountSource.CLIENT;
    }

    /**
     * A run whose server could not be reached: one line, not one error per request, and still the
     * summary exports (every count 0, {@code run_failure} saying why), so that a script reading the
     * run folder finds what happened.
     */
    private RunOutcome notStarted(RunSpec spec, GoodputSlos slos, String reason) {
        Path runDir = RunDirectory.create(spec, LocalDateTime.now());
        OutputSettings output = spec.output() != null ? spec.output() : this.output;
        RunMetrics metrics = new RunMetrics(new RequestMetrics(new io.llmbench.runtime.token.FallbackTokenizer(),
                spec.target().streaming(), tokenCountSource(spec)), slos);
        RunSummary summary = metrics.summarize();
        Instant now = Instant.now();
        try (RunExports exports = RunExports.open(runDir, TimeBase.now(), output)) {
            exports.finish(summary, new RunExportInfo(InputConfig.of(spec, "not loaded: the run did not start"), now, now, false,
                    ToolInfo.version(), new RequestAccounting(0, 0, 0, 0)).withRunFailure(reason));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the exports in " + runDir + " failed: " + e.getMessage(), e);
        }
        err.println("llmbench: " + reason + " (nothing was sent; exports: " + runDir.toAbsolutePath() + ")");
        return new RunOutcome(runDir, 0, 0, false, summary, null, reason);
    }

    /**
     * Sends the phases of one run through the scheduler their load asks for; both draw entries from
     * one sequence, so profiling continues where warmup stopped (a fixed schedule replays the
     * entries at their timestamps instead).
     */
    private static final class Phases {
        private final RunSpec spec;
        private final List<DatasetEntry> entries;
        /** One body list per model of the target, each in entry order. */
        private final List<List<byte[]>> bodies;
        private final AtomicLong nextModel = new AtomicLong();
        private final java.util.Random modelDraws;
        private final EndpointClient client;
        private final InterruptGuard guard;
        private final RecordPipeline pipeline;
        private final PrintStream err;
        private final AtomicInteger nextEntry = new AtomicInteger();
        private final AtomicLong profilingSent = new AtomicLong();
        /** Requests in flight, so that an interrupt can cancel each one (its record then says cancelled). */
        private final Set<Pending> inFlight = ConcurrentHashMap.newKeySet();
        private final ScheduledExecutorService cancelTimer;
        private final CancellationPlan cancellation;
        private final Conversations conversations;
        private final ScheduledExecutorService turnTimer;
        /** Whether the phase being sent has a {@code --prefill-concurrency} limit. */
        private volatile boolean prefillLimited;

        /** A request in flight; its handle is set once {@code send} returned. */
        private static final class Pending {
            volatile EndpointClient.InFlightRequest handle;
        }

        Phases(RunSpec spec, List<DatasetEntry> entries, List<List<byte[]>> bodies, Conversations conversations,
                EndpointClient client, InterruptGuard guard, RecordPipeline pipeline, PrintStream err) {
            this.spec = spec;
            this.entries = entries;
            this.bodies = bodies;
            this.modelDraws = new java.util.Random(spec.input().randomSeed());
            if (conversations == null && spec.load().sessions().userCentric()) {
                throw new UserInputException("--user-centric-rate simulates users holding multi-turn conversations, "
                        + "but " + spec.input().dataset() + " has single-turn entries only: use a multi-turn dataset "
                        + "(e.g. --custom-dataset-type multi_turn) or --request-rate");
            }
            this.conversations = conversations;
            this.turnTimer = conversations == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "llmbench-turns");
                thread.setDaemon(true);
                return thread;
            });
            this.client = client;
            this.guard = guard;
            this.pipeline = pipeline;
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
            prefillLimited = load.prefillConcurrency() != PhaseLoad.UNLIMITED;
            ScheduleLagMonitor lagMonitor = new ScheduleLagMonitor(line -> {
                err.println("llmbench: " + phase.name().toLowerCase(java.util.Locale.ROOT) + ": " + line);
                err.flush();
            });
            // Warmup and profiling draw different gaps from the same seed.
            long seed = spec.load().scheduleSeed() * 31 + phase.ordinal();
            LoadScheduler scheduler;
            SessionLoad sessionLoad = spec.load().sessions();
            int sessionCount = phase == Phase.PROFILING ? sessionLoad.sessionCount() : sessionLoad.warmupSessionCount();
            // Every turn is subject to cancellation and the prefill limit, as a single-turn request is;
            // the gates are outermost so that a cancellation delay counts from the send, not from the wait.
            boolean userCentric = conversations != null && phase == Phase.PROFILING && sessionLoad.userCentric();
            List<TurnGate> gates = new ArrayList<>();
            SessionScheduler.TurnDispatch turns = cancellation.applyTo(
                    (SessionScheduler.TurnDispatch) (conversation, session, turn, last, sequence, scheduledNs, done) ->
                            sendTurn(phase, conversation, session, turn, last, scheduledNs, done));
            if (load.prefillConcurrency() != PhaseLoad.UNLIMITED && conversations != null) {
                gates.add(new TurnGate(load.prefillConcurrency(), TurnGate.Release.AT_FIRST_TOKEN,
                        load.prefillConcurrencyRamp(), turnTimer));
            }
            // Users pace themselves; --concurrency is then a ceiling over them, outside the prefill limit
            // so that a turn waiting for a slot holds no prefill slot.
            if (userCentric && load.concurrency() != PhaseLoad.UNLIMITED) {
                gates.add(new TurnGate(load.concurrency(), TurnGate.Release.AT_COMPLETION, load.concurrencyRamp(),
                        turnTimer));
            }
            for (TurnGate gate : gates) {
                turns = gate.applyTo(turns);
            }
            if (userCentric) {
                scheduler = new UserCentricScheduler(conversations.turnCounts(), sessionLoad.numUsers(),
                        sessionLoad.userCentricRate(), load.requestCount(), sessionCount, load.duration(),
                        load.gracePeriod(), turns, turnTimer);
            } else if (conversations != null && !spec.load().fixedSchedule().enabled() && load.requestRate() > 0
                    && load.arrivalPattern() != io.llmbench.runtime.spec.ArrivalPattern.CONCURRENCY_BURST) {
                RateArrivals arrivals = new RateArrivals(load.requestRate(), load.arrivalPattern(),
                        load.arrivalSmoothness(), load.requestRateRamp(), seed);
                scheduler = new RateSessionScheduler(conversations.delaysMs(), arrivals, load.concurrency(),
                        load.requestCount(), sessionCount, load.duration(), load.gracePeriod(), turns, turnTimer,
                        lagMonitor);
            } else if (conversations != null && !spec.load().fixedSchedule().enabled()) {
                // Closed loop: --concurrency sessions at once, conversations reused as needed; a burst
                // without a limit: every conversation at once.
                int sessions = load.openLoop() ? Math.min(load.concurrency(), conversations.size()) : load.concurrency();
                scheduler = new SessionScheduler(conversations.delaysMs(), Math.max(1, sessions), load.requestCount(),
                        sessionCount, load.duration(), load.gracePeriod(), turns, turnTimer);
            } else if (phase == Phase.PROFILING && spec.load().fixedSchedule().enabled()) {
                FixedScheduleArrivals arrivals = fixedArrivals();
                RequestDispatch dispatch = cancellation.applyTo(
                        (sequence, scheduledNs, done) -> send(phase, arrivals.entryIndex(sequence), scheduledNs, done));
                scheduler = PhaseSchedulers.openLoop(arrivals, load, Math.min(arrivals.size(), load.requestCount()),
                        dispatch, lagMonitor);
            } else {
                RequestDispatch dispatch = cancellation.applyTo((sequence, scheduledNs, done) -> send(phase,
                        Math.floorMod(nextEntry.getAndIncrement(), entries.size()), scheduledNs, done));
                // A single-turn entry is a session of one turn, so a session count caps requests.
                scheduler = PhaseSchedulers.create(load.withRequestCount(Math.min(load.requestCount(), sessionCount)),
                        seed, dispatch, lagMonitor);
            }
            LoadScheduler stoppable = scheduler;
            guard.watch(() -> {
                stoppable.stop();
                // Outermost first: a turn released by the outer gate must not land in a drained inner one.
                for (int i = gates.size() - 1; i >= 0; i--) {
                    gates.get(i).cancelHeld("interrupted");
                }
            }, this::cancelInFlight);
            scheduler.run();
        }

        /** Profiling requests handed to the client so far. */
        long profilingSent() {
            return profilingSent.get();
        }

        /** The model of the next request, by the target's model selection strategy. */
        private int modelIndex() {
            int models = bodies.size();
            if (models == 1) {
                return 0;
            }
            if (EndpointSettings.RANDOM.equals(spec.target().endpoint().modelSelection())) {
                synchronized (modelDraws) {
                    return modelDraws.nextInt(models);
                }
            }
            return (int) (nextModel.getAndIncrement() % models);
        }

        private void cancelInFlight() {
            for (Pending pending : inFlight) {
                EndpointClient.InFlightRequest handle = pending.handle;
                if (handle != null) {
                    handle.cancel("interrupted");
                }
            }
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
                    entry.turnIndex(), index, phase, entry.text(), entry.images().size(),
                    bodies.get(modelIndex()).get(index), scheduledNs);
            Runnable firstEvent = firstTokenListener(done);
            Pending pending = track(phase);
            EndpointClient.InFlightRequest handle = client.send(request, firstEvent, exchange -> {
                inFlight.remove(pending);
                // The request's slot is released once its record is processed, not when its bytes
                // arrived: completed exchanges can then never pile up faster than the pipeline
                // drains them (an unbounded backlog ran a 1,000-stream run out of heap).
                pipeline.submit(exchange, null, done);
            });
            pending.handle = handle;
            return handle::cancel;
        }

        /** One turn of a session: its body carries the session's history; done once its answer is kept. */
        private RequestDispatch.Cancellable sendTurn(Phase phase, int conversation, int session, int turn,
                boolean last, long scheduledNs, Runnable done) {
            int index = conversations.entryIndex(conversation, turn);
            DatasetEntry entry = entries.get(index);
            OutgoingRequest request = new OutgoingRequest(UUID.randomUUID().toString(), entry.conversationId(),
                    entry.turnIndex(), index, phase, entry.text(), entry.images().size(),
                    turn == 0 ? bodies.get(modelIndex()).get(index) : conversations.body(conversation, session, turn),
                    scheduledNs);
            Runnable firstEvent = firstTokenListener(done);
            Pending pending = track(phase);
            // Sessions are numbered within a phase: the phase keeps warmup's apart from profiling's.
            long sessionKey = ((long) phase.ordinal() << 32) | (session & 0xFFFFFFFFL);
            EndpointClient.InFlightRequest handle = client.sendTurn(request, sessionKey, last, firstEvent, exchange -> {
                inFlight.remove(pending);
                pipeline.submit(exchange,
                        record -> conversations.answered(conversation, session, turn, last, record), done);
            });
            pending.handle = handle;
            return handle::cancel;
        }

        /**
         * What tells {@code done} that the first token arrived, or {@code null}: the end of the
         * prefill frees a {@code --prefill-concurrency} slot. Without that limit nothing waits for
         * it, and a stream without the callback may be parsed off the network thread (a first
         * token must be seen as it arrives to call it).
         */
        private Runnable firstTokenListener(Runnable done) {
            return prefillLimited && done instanceof RequestDispatch.Completion completion
                    ? completion::firstResponse : null;
        }

        /** Counts a request handed to the client and keeps it cancellable until it completes. */
        private Pending track(Phase phase) {
            if (phase == Phase.PROFILING) {
                profilingSent.incrementAndGet();
            }
            Pending pending = new Pending();
            inFlight.add(pending);
            return pending;
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
        out.println("# Target: " + TargetDescription.of(spec.target()));
        out.println("# Load: " + LoadDescription.of(spec.load()));
        out.println("# Dataset: " + spec.input().dataset() + datasetShape(spec) + ", max_tokens "
                + (spec.input().outputTokens() < 0 ? "not sent" : spec.input().outputTokens())
                + ", seed " + spec.input().randomSeed());
        if (!spec.goodput().isEmpty()) {
            out.println("# Goodput SLOs: " + spec.goodput());
        }
        out.flush();
    }

    /**
     * What shapes the dataset's prompts: prompt lengths are a synthetic setting; a public dataset's
     * rows and a file's lines have their own, so say how they are sampled or read instead.
     */
    private static String datasetShape(RunSpec spec) {
        String dataset = spec.input().dataset();
        if (io.llmbench.runtime.dataset.hub.PublicDatasetLoader.loads(dataset)) {
            return " (" + io.llmbench.runtime.dataset.hub.PublicDatasetLoader.source(dataset) + "), sampling "
                    + spec.input().publicDataset().samplingStrategy();
        }
        if (dataset.startsWith(io.llmbench.annotations.Datasets.FILE_PREFIX)) {
            return spec.input().customDatasetType() == null ? " (format detected from the file)"
                    : " (" + spec.input().customDatasetType() + ")";
        }
        if (dataset.equals(io.llmbench.annotations.Datasets.SYNTHETIC)
                || dataset.equals(io.llmbench.annotations.Datasets.SYNTHETIC_VISION)) {
            var turns = spec.input().synthesis().turns();
            return ", input tokens " + spec.input().inputTokensMean() + " ± " + spec.input().inputTokensStddev()
                    + (turns.shapesConversations() ? ", " + turns.describe() : "");
        }
        return "";
    }
}
