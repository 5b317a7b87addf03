package io.llmbench.runtime.load;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: requests leave at the instants an {@link ArrivalTimes} gives, whatever the
 * responses do, paced by a dedicated thread ({@code llmbench-pacer}) that parks to just before each
 * instant and spins the rest (see {@link Pacer}); the network threads never wait for the schedule.
 * Every request carries its scheduled instant, so the schedule lag and latencies from the schedule
 * can be reported.
 *
 * <p>An optional concurrency limit gates sending as AIPerf does: a request due while the limit is
 * reached waits for a free slot (its lag shows the wait) and the schedule moves on from there, with
 * no catch-up burst. With a concurrency ramp, the limit rises from 1 to its value over the ramp. A
 * client that falls behind its schedule (pacing lateness, not the limit) does catch up, since the
 * schedule is what the user asked for.
 *
 * <p>A prefill limit gates the same way on the requests still waiting for their first token
 * ({@code --prefill-concurrency}); a closed loop with a prefill limit runs here too, as a
 * burst held back by both limits, without scheduled instants. The prefill limit may ramp up from 1
 * as the concurrency limit does ({@code --prefill-concurrency-ramp-duration}).
 */
public final class OpenLoopScheduler implements LoadScheduler {

    private final ArrivalTimes arrivals;
    private final int requestCount;
    private final int concurrencyLimit;
    private final long durationNs;
    private final long graceNs;
    private final long rampNs;
    private final RequestDispatch dispatch;
    private final ScheduleLagMonitor lagMonitor;
    private final int prefillLimit;
    private final long prefillRampNs;
    private final boolean closedLoop;
    private final InFlightRequests inFlight = new InFlightRequests();
    private volatile boolean stopped;
    private volatile boolean waitingForSlot;
    private volatile Thread pacer;
    private volatile int sent;
    private volatile Throwable pacerFailure;
    private volatile long deadlineNs = Long.MAX_VALUE;

    /**
     * @param arrivals when each request is due
     * @param requestCount requests to send at most ({@code Integer.MAX_VALUE} for no limit)
     * @param concurrencyLimit the most requests in flight ({@code Integer.MAX_VALUE} for no limit)
     * @param duration how long requests are sent, or {@code null} for no limit
     * @param gracePeriod how long requests in flight at the end of {@code duration} may finish
     *     before they are cancelled, or {@code null} to wait for all
     * @param concurrencyRamp how long the limit takes to rise from 1, or {@code null}
     * @param lagMonitor warns while the run goes on when requests leave late
     */
    public OpenLoopScheduler(ArrivalTimes arrivals, int requestCount, int concurrencyLimit, Duration duration,
            Duration gracePeriod, Duration concurrencyRamp, RequestDispatch dispatch,
            ScheduleLagMonitor lagMonitor) {
        this(arrivals, requestCount, concurrencyLimit, Integer.MAX_VALUE, false, duration, gracePeriod,
                concurrencyRamp, dispatch, lagMonitor);
    }

    /**
     * As the other constructor, with a prefill limit.
     *
     * @param prefillLimit the most requests waiting for their first token
     *     ({@code Integer.MAX_VALUE} for no limit)
     * @param closedLoop the requests have no schedule (a closed loop paced here because of the
     *     prefill limit): they are sent as slots free, without scheduled instants or lag
     */
    public OpenLoopScheduler(ArrivalTimes arrivals, int requestCount, int concurrencyLimit, int prefillLimit,
            boolean closedLoop, Duration duration, Duration gracePeriod, Duration concurrencyRamp,
            RequestDispatch dispatch, ScheduleLagMonitor lagMonitor) {
        this(arrivals, requestCount, concurrencyLimit, prefillLimit, null, closedLoop, duration, gracePeriod,
                concurrencyRamp, dispatch, lagMonitor);
    }

    /**
     * As the other constructors, with a prefill ramp.
     *
     * @param prefillRamp how long the prefill limit takes to rise from 1 to {@code prefillLimit}
     *     (linearly, in whole steps, as the concurrency ramp), or {@code null}
     */
    public OpenLoopScheduler(ArrivalTimes arrivals, int requestCount, int concurrencyLimit, int prefillLimit,
            Duration prefillRamp, boolean closedLoop, Duration duration, Duration gracePeriod,
            Duration concurrencyRamp, RequestDispatch dispatch, ScheduleLagMonitor lagMonitor) {
        if (prefillLimit < 1) {
            throw new IllegalArgumentException("prefill limit " + prefillLimit);
        }
        this.prefillLimit = prefillLimit;
        this.prefillRampNs = prefillRamp == null || prefillLimit == Integer.MAX_VALUE ? 0 : prefillRamp.toNanos();
        this.closedLoop = closedLoop;
        if (concurrencyLimit < 1 || requestCount < 0) {
            throw new IllegalArgumentException("concurrency limit " + concurrencyLimit + ", request count "
                    + requestCount);
        }
        this.arrivals = arrivals;
        this.requestCount = requestCount;
        this.concurrencyLimit = concurrencyLimit;
        this.durationNs = duration == null ? -1 : duration.toNanos();
        this.graceNs = gracePeriod == null ? -1 : gracePeriod.toNanos();
        this.rampNs = concurrencyRamp == null || concurrencyLimit == Integer.MAX_VALUE ? 0 : concurrencyRamp.toNanos();
        this.dispatch = dispatch;
        this.lagMonitor = lagMonitor;
    }

    @Override
    public void run() throws InterruptedException {
        if (requestCount == 0 || durationNs == 0) {
            return;
        }
        Thread thread = new Thread(this::pace, "llmbench-pacer");
        thread.setDaemon(true);
        // The pacer must wake at its instants even while the network threads are busy.
        thread.setPriority(Thread.MAX_PRIORITY);
        pacer = thread;
        inFlight.onComplete(() -> {
            if (waitingForSlot) {
                LockSupport.unpark(thread);
            }
        });
        thread.start();
        thread.join();
        if (pacerFailure != null) {
            inFlight.sendingEnded();
            inFlight.await();
            throw new IllegalStateException("the pacer failed: " + pacerFailure, pacerFailure);
        }
        PhaseEnd.await(inFlight, deadlineNs, graceNs);
    }

    private void pace() {
        // The phase starts once the pacer runs, so thread start-up is not counted as lag.
        long startNs = System.nanoTime();
        long deadlineNs = durationNs > 0 ? startNs + durationNs : Long.MAX_VALUE;
        this.deadlineNs = deadlineNs;
        try {
            long shiftNs = 0;
            for (int sequence = 0; sequence < requestCount && !stopped; sequence++) {
                long offset = arrivals.offsetNs(sequence);
                if (offset == ArrivalTimes.END) {
                    break;
                }
                long scheduledNs = startNs + offset + shiftNs;
                if (scheduledNs - deadlineNs >= 0) {
                    break;
                }
                Pacer.awaitInstant(scheduledNs, () -> stopped);
                if (stopped) {
                    break;
                }
                boolean held = false;
                if (gated(startNs)) {
                    held = true;
                    awaitSlot(startNs, deadlineNs);
                    long now = System.nanoTime();
                    if (stopped || now - deadlineNs >= 0) {
                        break;
                    }
                    // No catch-up after waiting for the limit: later requests keep their gaps from now.
                    shiftNs += Math.max(0, now - scheduledNs);
                }
                if (closedLoop) {
                    inFlight.send(dispatch, sequence, RequestDispatch.UNSCHEDULED, null);
                } else {
                    long now = System.nanoTime();
                    lagMonitor.observe(now - scheduledNs, held, now);
                    inFlight.send(dispatch, sequence, scheduledNs, null);
                }
                sent = sequence + 1;
            }
            lagMonitor.flush();
        } catch (RuntimeException | Error e) {
            pacerFailure = e;
        } finally {
            inFlight.sendingEnded();
        }
    }

    /** Whether the concurrency limit or the prefill limit holds the next request back. */
    private boolean gated(long startNs) {
        long elapsedNs = System.nanoTime() - startNs;
        return inFlight.count() >= rampedLimit(concurrencyLimit, rampNs, elapsedNs)
                || inFlight.prefilling() >= rampedLimit(prefillLimit, prefillRampNs, elapsedNs);
    }

    /** A limit rising linearly from 1 to {@code limit} over {@code rampNs}, in whole steps. */
    private static int rampedLimit(int limit, long rampNs, long elapsedNs) {
        if (rampNs <= 0 || elapsedNs >= rampNs) {
            return limit;
        }
        return 1 + (int) ((limit - 1) * (double) elapsedNs / rampNs);
    }

    private void awaitSlot(long startNs, long deadlineNs) {
        waitingForSlot = true;
        try {
            while (!stopped && gated(startNs) && System.nanoTime() - deadlineNs < 0) {
                // Woken by a completion; the timeout covers a ramp raising the limit meanwhile.
                LockSupport.parkNanos(this, 1_000_000L);
            }
        } finally {
            waitingForSlot = false;
        }
    }

    @Override
    public void stop() {
        stopped = true;
        Thread thread = pacer;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public int sent() {
        return sent;
    }
}
