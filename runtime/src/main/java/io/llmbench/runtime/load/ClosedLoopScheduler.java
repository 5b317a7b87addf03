package io.llmbench.runtime.load;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop load: {@code concurrency} requests in flight, each completion sending the next, until
 * {@code requestCount} requests were sent and all of them completed. The next request is
 * dispatched from the completion callback itself (a network thread), so the dispatch must not block.
 */
public final class ClosedLoopScheduler {

    /** Sends one request and calls {@code done} exactly once when it completed, however it ended. */
    @FunctionalInterface
    public interface Dispatch {
        /**
         * @param sequence the request's number in this phase, from 0
         * @param scheduledStartNs when the schedule wanted it sent ({@code System.nanoTime()})
         * @param done to call once when the request completed
         */
        void send(int sequence, long scheduledStartNs, Runnable done);
    }

    private final int concurrency;
    private final int requestCount;
    private final Dispatch dispatch;
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CountDownLatch finished = new CountDownLatch(1);

    public ClosedLoopScheduler(int concurrency, int requestCount, Dispatch dispatch) {
        if (concurrency < 1 || requestCount < 0) {
            throw new IllegalArgumentException("concurrency " + concurrency + ", request count " + requestCount);
        }
        this.concurrency = concurrency;
        this.requestCount = requestCount;
        this.dispatch = dispatch;
    }

    /** Sends every request and returns when all have completed (or, after {@link #stop()}, when those in flight have). */
    public void run() throws InterruptedException {
        if (requestCount == 0) {
            return;
        }
        int initial = Math.min(concurrency, requestCount);
        // Count the initial slots as in flight before sending any, so a fast completion cannot
        // see zero in flight and finish the phase while the first wave is still being sent.
        inFlight.addAndGet(initial);
        for (int i = 0; i < initial; i++) {
            completed();
        }
        finished.await();
    }

    /**
     * Waits at most {@code timeout} for the phase to finish.
     *
     * @return whether it finished
     */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    /** Stops sending new requests; requests in flight still complete. */
    public void stop() {
        stopped.set(true);
        if (inFlight.get() == 0) {
            finished.countDown();
        }
    }

    /** Requests sent so far. */
    public int sent() {
        return Math.min(issued.get(), requestCount);
    }

    private boolean sendNext() {
        if (stopped.get()) {
            return false;
        }
        int sequence = issued.getAndIncrement();
        if (sequence >= requestCount) {
            return false;
        }
        dispatch.send(sequence, System.nanoTime(), this::completed);
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

    private final ThreadLocal<Trampoline> trampolines = ThreadLocal.withInitial(Trampoline::new);

    private static final class Trampoline {
        boolean active;
        int pending;
    }

    private void slotDone() {
        if (inFlight.decrementAndGet() == 0) {
            finished.countDown();
        }
    }
}
