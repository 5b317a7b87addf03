package io.llmbench.runtime.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Closed-loop load: {@code concurrency} requests in flight, each completion sending the next, until
 * {@code requestCount} requests were sent or the duration ran out, and all of them completed (or
 * were cancelled when the grace period after the duration ran out too). The next request is
 * dispatched from the completion callback itself (a network thread), so the dispatch must not block;
 * no thread hop sits between a completion and the next send.
 *
 * <p>With a concurrency ramp, the calling thread opens one more slot at a time, evenly over the ramp,
 * from 1 to {@code concurrency}.
 */
public final class ClosedLoopScheduler implements LoadScheduler {

    private final int concurrency;
    private final int requestCount;
    private final long durationNs;
    private final long graceNs;
    private final long rampNs;
    private final RequestDispatch dispatch;
    private final InFlightRequests inFlight = new InFlightRequests();
    private final AtomicInteger issued = new AtomicInteger();
    /** Slots that will still send or finish; sending has ended when the last one retires. */
    private final AtomicInteger activeSlots = new AtomicInteger();
    private final Runnable completedCallback = this::completed;
    private final ThreadLocal<Trampoline> trampolines = ThreadLocal.withInitial(Trampoline::new);
    private volatile boolean stopped;
    private volatile long deadlineNs = Long.MAX_VALUE;
    private volatile Thread runner;

    /** {@code requestCount} requests at {@code concurrency}, no duration, no ramp. */
    public ClosedLoopScheduler(int concurrency, int requestCount, RequestDispatch dispatch) {
        this(concurrency, requestCount, null, null, null, dispatch);
    }

    /**
     * @param concurrency requests kept in flight
     * @param requestCount requests to send at most ({@code Integer.MAX_VALUE} for no limit)
     * @param duration how long requests are sent, or {@code null} for no limit
     * @param gracePeriod how long requests in flight at the end of {@code duration} may finish
     *     before they are cancelled, or {@code null} to wait for all
     * @param concurrencyRamp how long concurrency takes to rise from 1 to {@code concurrency}, or {@code null}
     */
    public ClosedLoopScheduler(int concurrency, int requestCount, Duration duration, Duration gracePeriod,
            Duration concurrencyRamp, RequestDispatch dispatch) {
        if (concurrency < 1 || requestCount < 0) {
            throw new IllegalArgumentException("concurrency " + concurrency + ", request count " + requestCount);
        }
        this.concurrency = concurrency;
        this.requestCount = requestCount;
        this.durationNs = duration == null ? -1 : duration.toNanos();
        this.graceNs = gracePeriod == null ? -1 : gracePeriod.toNanos();
        this.rampNs = concurrencyRamp == null || concurrency == 1 ? 0 : concurrencyRamp.toNanos();
        this.dispatch = dispatch;
    }

    @Override
    public void run() throws InterruptedException {
        if (requestCount == 0 || durationNs == 0) {
            return;
        }
        runner = Thread.currentThread();
        long startNs = System.nanoTime();
        if (durationNs > 0) {
            deadlineNs = startNs + durationNs;
        }
        boolean ramping = rampNs > 0;
        int initial = ramping ? 1 : Math.min(concurrency, requestCount);
        // Count the initial slots (and, while ramping, one that holds the phase open for the slots
        // still to come) before sending any, so a fast completion cannot end the phase early.
        activeSlots.addAndGet(initial + (ramping ? 1 : 0));
        for (int i = 0; i < initial; i++) {
            completed();
        }
        if (ramping) {
            openRampSlots(startNs);
            slotDone();
        }
        PhaseEnd.await(inFlight, deadlineNs, graceNs);
    }

    private void openRampSlots(long startNs) {
        int slots = Math.min(concurrency, requestCount);
        for (int k = 1; k < slots; k++) {
            long at = startNs + rampNs * k / (concurrency - 1);
            while (!sendingOver() && System.nanoTime() < at) {
                LockSupport.parkNanos(this, Math.min(at - System.nanoTime(), 10_000_000L));
            }
            if (sendingOver()) {
                return;
            }
            activeSlots.incrementAndGet();
            completed();
        }
    }

    private boolean sendingOver() {
        return stopped || issued.get() >= requestCount || System.nanoTime() >= deadlineNs;
    }

    @Override
    public void stop() {
        stopped = true;
        Thread thread = runner;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public int sent() {
        return Math.min(issued.get(), requestCount);
    }

    private boolean sendNext() {
        if (stopped || System.nanoTime() >= deadlineNs) {
            return false;
        }
        int sequence = issued.getAndIncrement();
        if (sequence >= requestCount) {
            return false;
        }
        inFlight.send(dispatch, sequence, RequestDispatch.UNSCHEDULED, completedCallback);
        return true;
    }

    /**
     * Frees a slot and fills it with the next request. A dispatch that completes synchronously
     * (a request failing at once) calls back into this method on the same thread; the trampoline
     * turns that recursion into a loop, so thousands of instant failures cannot overflow the stack.
     */
    private void completed() {
        Trampoline trampoline = trampolines.get();
        if (trampoline.active) {
            trampoline.pending++;
            return;
        }
        trampoline.active = true;
        try {
            trampoline.pending = 1;
            while (trampoline.pending > 0) {
                trampoline.pending--;
                if (!sendNext()) {
                    slotDone();
                }
            }
        } finally {
            trampoline.active = false;
        }
    }

    private void slotDone() {
        if (activeSlots.decrementAndGet() == 0) {
            inFlight.sendingEnded();
        }
    }

    private static final class Trampoline {
        boolean active;
        int pending;
    }
}
