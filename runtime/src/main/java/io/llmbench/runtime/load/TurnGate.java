package io.llmbench.runtime.load;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A limit on the turns of multi-turn sessions, over every session of a phase: either at most
 * {@code limit} turns waiting for their first token ({@code --prefill-concurrency}, released at the
 * first token) or at most {@code limit} turns in flight ({@code --concurrency} as a ceiling over
 * user-centric users, released at completion). A turn that finds the limit reached is held, in
 * arrival order, and sent when a turn ahead of it frees its slot; its scheduled instant stays what
 * its scheduler gave it, so the wait shows as schedule lag. The limit may rise from 1 over a ramp,
 * as the single-turn schedulers' does.
 *
 * <p>The session schedulers hand turns to the gate from their own threads; held turns are sent from
 * {@code timer}, never from the network thread that reported a first token or a completion. A held
 * turn that is cancelled (the phase ended, the run was interrupted) is sent and aborted at once, so
 * that its record says cancelled rather than the turn vanishing. Gates nest: a concurrency gate
 * outside a prefill gate hands a turn to the prefill gate only once it has a concurrency slot.
 */
public final class TurnGate {

    /** When a turn gives its slot back. */
    public enum Release {
        /** At its first response event (or completion, if none came): a prefill limit. */
        AT_FIRST_TOKEN,
        /** At its completion: a concurrency limit. */
        AT_COMPLETION
    }

    private final int limit;
    private final Release release;
    private final long rampNs;
    private final long startNs;
    private final ScheduledExecutorService timer;
    private final ArrayDeque<HeldTurn> held = new ArrayDeque<>();
    /** Turns sent through the gate that hold a slot (guarded by {@code this}). */
    private int occupied;
    private boolean drainScheduled;

    /**
     * @param limit the most turns holding a slot at once
     * @param release when a turn frees its slot
     * @param ramp how long the limit takes to rise from 1 to {@code limit}, or {@code null}
     * @param timer sends held turns (the session schedulers' turn timer)
     */
    public TurnGate(int limit, Release release, Duration ramp, ScheduledExecutorService timer) {
        if (limit < 1) {
            throw new IllegalArgumentException("turn limit " + limit);
        }
        this.limit = limit;
        this.release = release;
        this.rampNs = ramp == null ? 0 : ramp.toNanos();
        this.startNs = System.nanoTime();
        this.timer = timer;
    }

    /** {@code dispatch}, with each turn sent only while fewer than the limit hold a slot. */
    public SessionScheduler.TurnDispatch applyTo(SessionScheduler.TurnDispatch dispatch) {
        return (conversation, session, turn, last, sequence, scheduledNs, done) -> {
            HeldTurn held = new HeldTurn(completion -> dispatch.send(conversation, session, turn, last, sequence,
                    scheduledNs, completion), done);
            admit(held);
            return held;
        };
    }

    /** Turns held back by the limit now. */
    public synchronized int held() {
        return held.size();
    }

    /**
     * Cancels every turn still held (the load was stopped): each is sent and aborted at once, so its
     * record says cancelled.
     */
    public void cancelHeld(String reason) {
        while (true) {
            HeldTurn next;
            synchronized (this) {
                next = held.peek();
            }
            if (next == null) {
                return;
            }
            next.cancel(reason);
        }
    }

    private void admit(HeldTurn turn) {
        boolean sendNow;
        synchronized (this) {
            sendNow = held.isEmpty() && occupied < currentLimit();
            if (sendNow) {
                occupied++;
            } else {
                held.add(turn);
            }
        }
        if (sendNow) {
            turn.start();
        } else if (rampNs > 0) {
            // The ramp may raise the limit before any turn ahead frees a slot.
            scheduleDrain(1);
        }
    }

    private int currentLimit() {
        long elapsedNs = System.nanoTime() - startNs;
        if (rampNs <= 0 || elapsedNs >= rampNs) {
            return limit;
        }
        return 1 + (int) ((limit - 1) * (double) elapsedNs / rampNs);
    }

    /** A turn freed its slot: the slot goes to the next held turn, sent from the timer thread. */
    private void released() {
        synchronized (this) {
            occupied--;
            if (held.isEmpty()) {
                return;
            }
        }
        scheduleDrain(0);
    }

    private void scheduleDrain(long delayMs) {
        synchronized (this) {
            if (drainScheduled) {
                return;
            }
            drainScheduled = true;
        }
        try {
            timer.schedule(this::drain, delayMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // The run is closing: its held turns were cancelled or will not be sent.
        }
    }

    private void drain() {
        synchronized (this) {
            drainScheduled = false;
        }
        while (true) {
            HeldTurn next;
            synchronized (this) {
                if (held.isEmpty() || occupied >= currentLimit()) {
                    break;
                }
                next = held.poll();
                occupied++;
            }
            next.start();
        }
        boolean rampPending;
        synchronized (this) {
            rampPending = !held.isEmpty() && rampNs > 0 && System.nanoTime() - startNs < rampNs;
        }
        if (rampPending) {
            scheduleDrain(1);
        }
    }

    /** Removes a turn still held; returns whether it was. */
    private synchronized boolean withdraw(HeldTurn turn) {
        return held.remove(turn);
    }

    /** A turn through the gate: held until it may go, then sent; its first token or completion frees its slot. */
    private final class HeldTurn implements RequestDispatch.Cancellable, RequestDispatch.Completion {
        private final Function<RequestDispatch.Completion, RequestDispatch.Cancellable> sender;
        private final Runnable done;
        private final AtomicBoolean slotFreed = new AtomicBoolean();
        private RequestDispatch.Cancellable handle;
        private String pendingCancel;

        HeldTurn(Function<RequestDispatch.Completion, RequestDispatch.Cancellable> sender, Runnable done) {
            this.sender = sender;
            this.done = done;
        }

        /** Sends the turn; a cancel that came while it was being sent is applied once the handle exists. */
        void start() {
            RequestDispatch.Cancellable sent = sender.apply(this);
            String reason;
            synchronized (this) {
                handle = sent;
                reason = pendingCancel;
            }
            if (reason != null) {
                sent.cancel(reason);
            }
        }

        @Override
        public boolean cancel(String reason) {
            if (withdraw(this)) {
                // Never sent: it takes no slot, and is sent only to be aborted and recorded.
                slotFreed.set(true);
                synchronized (this) {
                    pendingCancel = reason;
                }
                start();
                return true;
            }
            RequestDispatch.Cancellable current;
            synchronized (this) {
                current = handle;
                if (current == null) {
                    pendingCancel = reason;
                    return true;
                }
            }
            return current.cancel(reason);
        }

        @Override
        public void firstResponse() {
            if (release == Release.AT_FIRST_TOKEN && slotFreed.compareAndSet(false, true)) {
                released();
            }
            if (done instanceof RequestDispatch.Completion completion) {
                completion.firstResponse();
            }
        }

        @Override
        public void run() {
            if (slotFreed.compareAndSet(false, true)) {
                released();
            }
            done.run();
        }
    }
}
