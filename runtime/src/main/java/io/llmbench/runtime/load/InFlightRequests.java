package io.llmbench.runtime.load;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests of one phase that are in flight: how many (for concurrency limits), their cancel
 * handles (so that a phase whose duration and grace period ran out can cancel them rather than
 * drop them), and a latch that opens when sending has ended and the last one completed.
 */
final class InFlightRequests {

    private final ConcurrentHashMap<Integer, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger prefilling = new AtomicInteger();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean sendingEnded;
    private volatile Runnable onComplete = () -> { };

    /**
     * Called on every completion (after the count dropped) and every end of a prefill, e.g. to wake
     * a scheduler waiting for a free slot.
     */
    void onComplete(Runnable listener) {
        this.onComplete = listener;
    }

    /** Sends {@code sequence} through {@code dispatch}, tracking it until its completion. */
    void send(RequestDispatch dispatch, int sequence, long scheduledStartNs, Runnable afterDone) {
        Slot slot = new Slot(sequence, afterDone);
        slots.put(sequence, slot);
        count.incrementAndGet();
        prefilling.incrementAndGet();
        slot.handle = dispatch.send(sequence, scheduledStartNs, slot);
    }

    /** Requests sent whose first response event has not arrived yet. */
    int prefilling() {
        return prefilling.get();
    }

    /** Requests in flight now. */
    int count() {
        return count.get();
    }

    /** No more requests will be sent: the latch opens once those in flight have completed. */
    void sendingEnded() {
        sendingEnded = true;
        if (count.get() == 0) {
            finished.countDown();
        }
    }

    /** Waits for every request to complete; returns whether they did within the timeout. */
    boolean await(long timeoutNs) throws InterruptedException {
        return finished.await(Math.max(0, timeoutNs), TimeUnit.NANOSECONDS);
    }

    /** Waits until every request has completed. */
    void await() throws InterruptedException {
        finished.await();
    }

    /**
     * Cancels every request in flight and waits until all have completed. A request whose send
     * had not yet returned its handle is caught by the next round.
     *
     * @return how many cancels were issued
     */
    int cancelAll(String reason) throws InterruptedException {
        int issued = 0;
        while (!finished.await(0, TimeUnit.NANOSECONDS)) {
            for (Slot slot : slots.values()) {
                RequestDispatch.Cancellable handle = slot.handle;
                if (handle != null && !slot.cancelled) {
                    slot.cancelled = true;
                    if (handle.cancel(reason)) {
                        issued++;
                    }
                }
            }
            finished.await(50, TimeUnit.MILLISECONDS);
        }
        return issued;
    }

    /** One in-flight request and its completion; its handle arrives once its send returned. */
    private final class Slot implements RequestDispatch.Completion {
        private final int sequence;
        private final Runnable afterDone;
        private final java.util.concurrent.atomic.AtomicBoolean prefillOver =
                new java.util.concurrent.atomic.AtomicBoolean();
        volatile RequestDispatch.Cancellable handle;
        volatile boolean cancelled;

        Slot(int sequence, Runnable afterDone) {
            this.sequence = sequence;
            this.afterDone = afterDone;
        }

        @Override
        public void firstResponse() {
            if (prefillOver.compareAndSet(false, true)) {
                prefilling.decrementAndGet();
                onComplete.run();
            }
        }

        @Override
        public void run() {
            if (prefillOver.compareAndSet(false, true)) {
                prefilling.decrementAndGet();
            }
            slots.remove(sequence);
            int left = count.decrementAndGet();
            onComplete.run();
            if (afterDone != null) {
                afterDone.run();
            }
            if (left == 0 && sendingEnded) {
                finished.countDown();
            }
        }
    }
}
