package io.llmbench.bench;

import io.llmbench.runtime.load.ClosedLoopScheduler;
import io.llmbench.runtime.load.LoadScheduler;
import io.llmbench.runtime.load.OpenLoopScheduler;
import io.llmbench.runtime.load.RateArrivals;
import io.llmbench.runtime.load.RequestDispatch;
import io.llmbench.runtime.load.ScheduleLagMonitor;
import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.Statistics;
import io.llmbench.runtime.spec.ArrivalPattern;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The client's performance harness (see {@code docs/performance.md}): against the mock server in
 * zero-latency mode in a process of its own, each request answered at once with 128 one-token events
 * (plus role, usage and {@code [DONE]}), it measures and prints streams/s and client CPU per stream
 * at concurrency 32, non-streaming requests/s, SSE events/s, schedule lag at 1,000 req/s Poisson,
 * TTFT error against the mock's own timestamps at 32 and 1,000 streams, and heap per in-flight
 * stream at 10,000 streams, and apart from the network, client tokenization in texts/s per core.
 * {@code --quick} shortens every run; {@code --skip-10k} leaves out the
 * 10,000-stream run;
 * {@code --streams-only} stops after the concurrency-32 streaming run (for profiling); {@code --10k-only}
 * runs only the 10,000-stream run; {@code --paced-only} only the TTFT error at 32 and 1,000 paced
 * streams; {@code --tokenizer-only} only the tokenization cost
 * ({@code --tokenizer-json=PATH} adds a Hugging Face tokenizer to the fallback one).
 */
public final class ClientBench {

    private static final int TOKENS = 128;

    private ClientBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        double scale = options.contains("--quick") ? 0.3 : 1;
        // Two busy cores give C2 little time: after 5 s it was still compiling half the time,
        // so shorter warmups measured the JIT rather than the client.
        Duration warm = seconds(warmupSeconds(options) * scale);
        Duration measure = seconds(10 * scale);
        printMachine("before");
        if (options.contains("--tokenizer-only")) {
            TokenizerCost.print(tokenizerJson(options), scale);
            return;
        }
        if (options.contains("--paced-only")) {
            pacedTtft(warm, measure);
            printMachine("after");
            return;
        }
        if (options.contains("--10k-only")) {
            tenThousand(scale);
            printMachine("after");
            return;
        }
        try (MockProcess mock = MockProcess.start("--mock-ttft-ms", "0", "--mock-itl-ms", "0",
                "--mock-output-tokens", Integer.toString(TOKENS))) {
            System.out.println("mock server (own process): " + mock.baseUri() + ", zero latency, " + TOKENS
                    + " one-token events per stream, one write");

            LoadRun streams = new LoadRun(mock.baseUri(), true, true, mock::cpuSeconds);
            if (options.contains("--pipeline-only")) {
                pipelineCost(mock.baseUri(), scale);
                return;
            }
            if (options.contains("--1000-only")) {
                LoadRun.Result at1000 = closedLoop(streams, 1000, warm, measure);
                print("streaming, concurrency 1,000", at1000);
                printMockCpu(at1000);
                printTtftError("  TTFT error vs mock, 1,000 streams (ms)", at1000.ttftError());
                return;
            }
            if (options.contains("--open-loop-only")) {
                // Alone, the pacer's path is compiled by nothing before: warm up as long as the others do.
                openLoop(streams, warm, measure);
                return;
            }
            LoadRun.Result at32 = closedLoop(streams, 32, warm, measure);
            double mockCpu = at32.serverCpuSeconds();
            print("streaming, concurrency 32", at32);
            printMockCpu(at32);
            // The mock's work per stream is fixed, so this ratio cancels the host's speed, which
            // varies by a quarter between runs on a shared machine: compare builds by it.
            System.out.printf(Locale.ROOT, "  client CPU / mock CPU per stream: %.2f%n",
                    at32.cpuSeconds() / mockCpu);
            System.out.printf(Locale.ROOT, "  SSE events/s: %,.0f (%,.0f events per stream)%n",
                    at32.events() / at32.wallSeconds(), (double) at32.events() / at32.completed());
            printStat("  client TTFT (ms)", at32.summary().statistics(MetricTag.TIME_TO_FIRST_TOKEN).orElse(null));
            printTtftError("  TTFT error vs mock, 32 streams (ms)", at32.ttftError());
            printValues("  the same for one raw blocking socket, its connection reused (ms)",
                    RawSocketFloor.ttftErrorsMs(mock.baseUri(), 1, Duration.ofSeconds(2)));
            pipelineCost(mock.baseUri(), scale);
            if (options.contains("--streams-only")) {
                printThreads();
                return;
            }

            LoadRun plain = new LoadRun(mock.baseUri(), false, false);
            print("non-streaming, concurrency 32", closedLoop(plain, 32, warm, measure));

            LoadRun.Result at1000 = closedLoop(streams, 1000, seconds(5 * scale), measure);
            print("streaming, concurrency 1,000", at1000);
            printTtftError("  TTFT error vs mock, 1,000 streams (ms)", at1000.ttftError());

            openLoop(streams, seconds(5 * scale), measure);
        }
        pacedTtft(seconds(5 * scale), measure);
        if (!options.contains("--skip-10k")) {
            tenThousand(scale);
        }
        // Last: loading a native tokenizer and compiling its callers would disturb the runs after it.
        TokenizerCost.print(tokenizerJson(options), scale);
        printMachine("after");
    }

    /** 1,000 req/s Poisson without a concurrency limit: the pacer's schedule lag. */
    private static void openLoop(LoadRun streams, Duration warm, Duration measure) throws Exception {
        PacerFloor floor = PacerFloor.start(warm, measure);
        LoadRun.Result lag = streams.run(2000, poisson(warm, 41, ScheduleLagMonitor.silent()),
                poisson(measure, 42, new ScheduleLagMonitor(line -> System.out.println("  " + line))));
        print("open loop, 1,000 req/s Poisson", lag);
        printStat("  schedule lag (ms)", lag.summary().statistics(MetricTag.SCHEDULE_LAG).orElse(null));
        printStat("  the same pacer with nothing to send, in a JVM of its own beside it (ms)", floor.await());
        printStat("  TTFT from schedule (ms)",
                lag.summary().statistics(MetricTag.TIME_TO_FIRST_TOKEN_FROM_SCHEDULE).orElse(null));
    }

    private static void pipelineCost(URI mock, double scale) throws Exception {
        double[] cost = PipelineCost.measure(PipelineCost.sampleStream(mock), (int) (20_000 * scale));
        double total = cost[0] + cost[1] + cost[2] + cost[3];
        System.out.printf(Locale.ROOT, "client code per stream, no network, one thread's CPU: SSE parse %.1f µs "
                + "+ decode %.1f µs + metrics %.1f µs + export %.1f µs = %.1f µs (ceiling %,.0f streams/s per core)%n",
                cost[0] / 1e3, cost[1] / 1e3, cost[2] / 1e3, cost[3] / 1e3, total / 1e3, 1e9 / total);
        System.out.printf(Locale.ROOT, "  allocated per stream: SSE parse %.1f KiB + decode %.1f KiB + metrics %.1f KiB "
                + "+ export %.1f KiB%n", cost[4] / 1024, cost[5] / 1024, cost[6] / 1024, cost[7] / 1024);
    }

    /**
     * TTFT error at a load the machine carries: 32 and then 1,000 concurrent streams of 128 tokens
     * 10 ms apart (1.3 s each), the first at once. The saturated runs above measure how long a first
     * token waits for a core; these measure what the client's own timestamps add.
     */
    private static void pacedTtft(Duration warm, Duration measure) throws Exception {
        try (MockProcess paced = MockProcess.start("--mock-ttft-ms", "0", "--mock-itl-ms", "10",
                "--mock-output-tokens", Integer.toString(TOKENS))) {
            LoadRun streams = new LoadRun(paced.baseUri(), true, true, paced::cpuSeconds);
            for (int concurrency : new int[] {32, 1000}) {
                LoadRun.Result result = closedLoop(streams, concurrency, warm, measure);
                print(String.format(Locale.ROOT, "paced streams (ITL 10 ms), concurrency %,d", concurrency), result);
                System.out.printf(Locale.ROOT, "  mock server CPU: %.2f cores%n",
                        result.serverCpuSeconds() / result.wallSeconds());
                printTtftError(String.format(Locale.ROOT, "  TTFT error vs mock, %,d paced streams (ms)", concurrency),
                        result.ttftError());
            }
            printValues("  the same for 32 raw blocking sockets, a thread each, connections reused (ms)",
                    RawSocketFloor.ttftErrorsMs(paced.baseUri(), 32, measure));
        }
    }

    /** A closed loop measured for {@code measure} after a warmup of {@code warm} on the same client. */
    private static LoadRun.Result closedLoop(LoadRun run, int concurrency, Duration warm, Duration measure)
            throws Exception {
        return run.run(concurrency, closedLoopFor(concurrency, warm), closedLoopFor(concurrency, measure));
    }

    private static Function<RequestDispatch, LoadScheduler> closedLoopFor(int concurrency, Duration duration) {
        return dispatch -> new ClosedLoopScheduler(concurrency, Integer.MAX_VALUE, duration, Duration.ofSeconds(30),
                null, dispatch);
    }

    /** 1,000 req/s of Poisson arrivals (seed {@code seed}) for {@code duration}, without a concurrency limit. */
    private static Function<RequestDispatch, LoadScheduler> poisson(Duration duration, long seed,
            ScheduleLagMonitor lag) {
        return dispatch -> new OpenLoopScheduler(new RateArrivals(1000, ArrivalPattern.POISSON, 1, null, seed),
                Integer.MAX_VALUE, Integer.MAX_VALUE, duration, Duration.ofSeconds(10), null, dispatch, lag);
    }

    /**
     * 10,000 streams in flight at once: the mock holds each first token for 20 s, the heap is
     * measured (after full GCs) before sending and once all are in flight, then all complete.
     */
    private static void tenThousand(double scale) throws Exception {
        int streams = 10_000;
        long holdMs = Math.round(20_000 * Math.max(scale, 0.5));
        try (MockProcess slow = MockProcess.start("--mock-ttft-ms", Long.toString(holdMs), "--mock-itl-ms", "0",
                "--mock-output-tokens", Integer.toString(TOKENS))) {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long before = usedHeapAfterGc(memory);
            long[] during = new long[1];
            Thread probe = new Thread(() -> {
                try {
                    // Sending 10,000 takes a few seconds; measure well before the first answers come.
                    Thread.sleep(holdMs * 3 / 4);
                    during[0] = usedHeapAfterGc(memory);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "heap-probe");
            probe.start();
            LoadRun.Result result = new LoadRun(slow.baseUri(), true, false).run(streams,
                    dispatch -> new OpenLoopScheduler(sequence -> 0, streams, Integer.MAX_VALUE, null, null, null,
                            dispatch, ScheduleLagMonitor.silent()));
            probe.join();
            System.out.printf(Locale.ROOT, "10,000 concurrent streams (first token held %,d ms): %,d completed, "
                    + "%,d valid, %,d failed%s%n", holdMs, result.completed(), result.valid(), result.failed(),
                    result.firstError() == null ? "" : " (first: " + result.firstError() + ")");
            System.out.printf(Locale.ROOT, "  heap: %,.1f MiB before, %,.1f MiB with all in flight: %,.1f KiB per "
                    + "in-flight stream%n", before / 1048576.0, during[0] / 1048576.0,
                    (during[0] - before) / 1024.0 / streams);
        }
    }

    /** CPU by thread (JIT and GC threads included), to see where the client's time goes. */
    private static void printThreads() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
            long cpu = threads.getThreadCpuTime(id);
            if (info != null && cpu > 0) {
                byName.merge(info.getThreadName().replaceAll("-?\\d+$", ""), cpu, Long::sum);
            }
        }
        byName.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf(Locale.ROOT, "  thread %-40s %,8.0f ms CPU%n", e.getKey(),
                        e.getValue() / 1e6));
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void print(String name, LoadRun.Result result) {
        System.out.printf(Locale.ROOT, "%s: %,.0f /s over %.1f s (%,d completed, %,d failed, %,d cancelled), "
                + "client CPU %,.1f µs each (%.2f cores)%s%n", name, result.perSecond(), result.wallSeconds(),
                result.completed(), result.failed(), result.cancelled(), result.cpuMicrosEach(),
                result.cpuSeconds() / result.wallSeconds(),
                result.firstError() == null ? "" : " first error: " + result.firstError());
        System.out.println("  client CPU per request by role: " + result.cpuByRole().perRequest(result.completed()));
    }

    private static void printStat(String name, Statistics stats) {
        if (stats == null) {
            System.out.println(name + ": none");
            return;
        }
        System.out.printf(Locale.ROOT, "%s: p50 %.3f, p90 %.3f, p99 %.3f, max %.3f%n", name, stats.p50(),
                stats.p90(), stats.p99(), stats.max());
    }

    /** The mock process's CPU over {@code run}: per completed stream, and in cores. */
    private static void printMockCpu(LoadRun.Result run) {
        System.out.printf(Locale.ROOT, "  mock server CPU: %,.1f µs per stream (%.2f cores)%n",
                run.serverCpuSeconds() * 1e6 / run.completed(), run.serverCpuSeconds() / run.wallSeconds());
    }

    private static void printTtftError(String name, LoadRun.TtftError error) {
        printStat(name, error.total());
        printStat("    of which request start → mock handler (ms)", error.sendSide());
        printStat("    of which mock write → client read (ms)", error.receiveSide());
    }

    private static void printValues(String name, double[] values) {
        printStat(name, values.length == 0 ? null : Statistics.of(values));
    }

    private static void printMachine(String when) throws IOException {
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        System.out.printf(Locale.ROOT, "machine %s: %d cores, load average %s, Java %s%n", when,
                Runtime.getRuntime().availableProcessors(), load, System.getProperty("java.version"));
    }

    private static double warmupSeconds(List<String> options) {
        for (String option : options) {
            if (option.startsWith("--warmup-seconds=")) {
                return Double.parseDouble(option.substring("--warmup-seconds=".length()));
            }
        }
        return 20;
    }

    /**
     * The Hugging Face tokenizer to measure besides the fallback: {@code --tokenizer-json=PATH}, else
     * the Qwen3 one of the project's shared data when present (absent on most machines: then only
     * the fallback is measured).
     */
    private static Path tokenizerJson(List<String> options) {
        for (String option : options) {
            if (option.startsWith("--tokenizer-json=")) {
                return Path.of(option.substring("--tokenizer-json=".length()));
            }
        }
        Path shared = Path.of("..", "shared", "data", "tokenizers", "qwen3", "tokenizer.json");
        return Files.isRegularFile(shared) ? shared : null;
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
