package io.llmbench.runtime.report;

import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RequestValues;
import io.llmbench.runtime.record.Phase;
import io.llmbench.runtime.record.RequestRecord;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Live progress of a run while it sends: requests done of the total and the time left at the current
 * rate (or, when a duration ends the run, the time elapsed of it and the time left), the current rate, errors, and the mean TTFT, ITL and output token rate of the requests that
 * completed since the previous update. On a terminal one line refreshes in place ({@code \r});
 * otherwise a plain line is printed periodically. Records are counted on the processing thread; a
 * daemon timer prints.
 */
public final class LiveProgress implements AutoCloseable {

    /** Update period on a terminal. */
    public static final Duration TERMINAL_PERIOD = Duration.ofMillis(500);
    /** Period of the plain lines when the output is not a terminal. */
    public static final Duration PLAIN_PERIOD = Duration.ofSeconds(10);

    private static final LiveProgress SILENT = new LiveProgress();

    private final PrintStream out;
    private final boolean terminal;
    private final long total;
    /** How long the profiling phase runs when a duration rather than a count ends it, else {@code null}. */
    private final Duration duration;
    private final ScheduledExecutorService timer;
    private final long startNs = System.nanoTime();

    private final AtomicLong done = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    /** The phase of the latest completed request; {@code null} before the first. */
    private volatile Phase phase;
    /** The earliest scheduled start of a profiling request seen: where a duration's clock starts. */
    private volatile long profilingStartNs = RequestRecord.NOT_RECORDED;
    private final AtomicLong windowCount = new AtomicLong();
    private final DoubleAdder windowTtft = new DoubleAdder();
    private final AtomicLong windowTtftCount = new AtomicLong();
    private final DoubleAdder windowItl = new DoubleAdder();
    private final AtomicLong windowItlCount = new AtomicLong();
    private final DoubleAdder windowTokens = new DoubleAdder();
    private long lastTickNs = startNs;
    private int lastLength;

    private LiveProgress() {
        this.out = null;
        this.terminal = false;
        this.total = 0;
        this.duration = null;
        this.timer = null;
    }

    /**
     * Starts printing to {@code out} every {@code period}.
     *
     * @param terminal whether {@code out} is a terminal (refresh in place) or not (plain lines)
     * @param total the requests the run will send (warmup and profiling), 0 when unknown
     */
    public LiveProgress(PrintStream out, boolean terminal, long total, Duration period) {
        this(out, terminal, total, null, period);
    }

    /**
     * Starts printing to {@code out} every {@code period}.
     *
     * @param terminal whether {@code out} is a terminal (refresh in place) or not (plain lines)
     * @param total the requests the run will send (warmup and profiling), 0 when unknown; a
     *     phase bounded by a duration has no request limit (its count is {@code Integer.MAX_VALUE}),
     *     so a total that large is unknown too, rather than "0/2147483647 requests, 200000 hours left"
     * @param duration how long the profiling phase runs when a duration ends it, or {@code null}
     */
    public LiveProgress(PrintStream out, boolean terminal, long total, Duration duration, Duration period) {
        this.out = out;
        this.terminal = terminal;
        this.total = total >= Integer.MAX_VALUE ? 0 : total;
        this.duration = duration;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "llmbench-progress");
            thread.setDaemon(true);
            return thread;
        });
        long periodMs = period.toMillis();
        timer.scheduleAtFixedRate(this::tick, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /** Progress as {@code settings} ask: nothing when quiet, else on {@code out}, a terminal when the JVM has a console. */
    public static LiveProgress start(OutputSettings settings, PrintStream out, long total) {
        return start(settings, out, total, null);
    }

    /**
     * As {@link #start(OutputSettings, PrintStream, long)}, for a run that a count or a duration ends.
     *
     * @param total the requests the run will send, 0 (or more than an int holds) when a duration ends it
     * @param duration how long the profiling phase runs, or {@code null} when a count ends it
     */
    public static LiveProgress start(OutputSettings settings, PrintStream out, long total, Duration duration) {
        if (settings.progress() == OutputSettings.ProgressMode.QUIET) {
            return SILENT;
        }
        boolean terminal = System.console() != null;
        // An unlimited phase count (Integer.MAX_VALUE) is no total to count down to.
        long known = total >= Integer.MAX_VALUE ? 0 : total;
        return new LiveProgress(out, terminal, known, duration, terminal ? TERMINAL_PERIOD : PLAIN_PERIOD);
    }

    /** Counts one completed request (processing thread). */
    public void accept(RequestRecord record, RequestValues values) {
        if (timer == null) {
            return;
        }
        phase = record.phase();
        if (record.phase() == Phase.PROFILING) {
            long start = record.scheduledStartNs() != RequestRecord.NOT_RECORDED ? record.scheduledStartNs()
                    : record.queuedNs();
            if (profilingStartNs == RequestRecord.NOT_RECORDED || start - profilingStartNs < 0) {
                profilingStartNs = start; // only the processing thread writes it
            }
        }
        done.incrementAndGet();
        if (!record.isValid()) {
            errors.incrementAndGet();
            return;
        }
        windowCount.incrementAndGet();
        if (values.has(MetricTag.TIME_TO_FIRST_TOKEN)) {
            windowTtft.add(values.get(MetricTag.TIME_TO_FIRST_TOKEN));
            windowTtftCount.incrementAndGet();
        }
        if (values.has(MetricTag.INTER_TOKEN_LATENCY)) {
            windowItl.add(values.get(MetricTag.INTER_TOKEN_LATENCY));
            windowItlCount.incrementAndGet();
        }
        if (values.has(MetricTag.OUTPUT_SEQUENCE_LENGTH)) {
            windowTokens.add(values.get(MetricTag.OUTPUT_SEQUENCE_LENGTH));
        }
    }

    private synchronized void tick() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - lastTickNs) / 1e9);
        lastTickNs = now;
        String line = line(seconds, now);
        if (terminal) {
            String padded = line + " ".repeat(Math.max(0, lastLength - line.length()));
            lastLength = line.length();
            out.print("\r" + padded);
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** One progress line over the last {@code windowSeconds}, at monotonic instant {@code nowNs}; resets the window's sums. */
    String line(double windowSeconds, long nowNs) {
        double elapsedSeconds = (nowNs - startNs) / 1e9;
        long count = done.get();
        long completed = windowCount.getAndSet(0);
        double rate = completed / windowSeconds;
        double overallRate = count / Math.max(1e-9, elapsedSeconds);
        Phase current = phase;
        StringBuilder line = new StringBuilder("[").append(current == null ? "sending" : current.exportName())
                .append("] ");
        if (total > 0) {
            line.append(count).append('/').append(total).append(" requests (")
                    .append(String.format(Locale.ROOT, "%.0f%%", 100.0 * count / total)).append(')');
            if (overallRate > 0 && count < total) {
                line.append(", ").append(clock((total - count) / overallRate)).append(" left");
            }
        } else {
            line.append(count).append(" requests");
            long profilingStart = profilingStartNs;
            if (duration != null && profilingStart != RequestRecord.NOT_RECORDED) {
                double of = duration.toNanos() / 1e9;
                double elapsed = Math.min(of, Math.max(0, (nowNs - profilingStart) / 1e9));
                line.append(", ").append(clock(elapsed)).append(" of ").append(clock(of))
                        .append(String.format(Locale.ROOT, " (%.0f%%)", of > 0 ? 100 * elapsed / of : 100))
                        .append(", ").append(clock(of - elapsed)).append(" left");
            }
        }
        line.append(String.format(Locale.ROOT, " | %.1f req/s | errors %d", rate, errors.get()));
        long ttftCount = windowTtftCount.getAndSet(0);
        double ttft = windowTtft.sumThenReset();
        if (ttftCount > 0) {
            line.append(String.format(Locale.ROOT, " | TTFT %.1f ms", ttft / ttftCount));
        }
        long itlCount = windowItlCount.getAndSet(0);
        double itl = windowItl.sumThenReset();
        if (itlCount > 0) {
            line.append(String.format(Locale.ROOT, " | ITL %.2f ms", itl / itlCount));
        }
        line.append(String.format(Locale.ROOT, " | %.0f tokens/s", windowTokens.sumThenReset() / windowSeconds));
        return line.toString();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Stops the updates; on a terminal, clears the progress line so the table starts on a clean line. */
    @Override
    public synchronized void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        if (terminal && lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
        }
    }
}
