package io.llmbench.runtime.load;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * {@code --prefill-concurrency} for multi-turn sessions: at most {@code limit} turns waiting for
 * their first token at once, over every session of a phase. A turn that finds the limit reached is
 * held, in arrival order, and sent when a turn ahead of it sees its first token or completes; its
 * scheduled instant stays what its scheduler gave it, so the wait shows as schedule lag. The limit
 * may rise from 1 over a ramp, as the single-turn schedulers' does.
 *
 * <p>The session schedulers hand turns to the gate from their own threads; held turns are sent from
 * {@code timer}, never from the network thread that reported a first token. A held turn that is
 * cancelled (the phase ended, the run was interrupted) is sent and aborted at once, so that its
 * record says cancelled rather than the turn vanishing.
 */
public final class PrefillGate {

    private final int limit;
    private final long rampNs;
    private final long startNs;
    private final ScheduledExecutorService timer;
    private final ArrayDeque<HeldTurn> held = new ArrayDeque<>();
    /** Turns sent through the gate whose first token has not arrived (guarded by {@code this}). */
    private int prefilling;
    private boolean drainScheduled;

    /**
     * @param limit the most turns waiting for their first token
     * @param ramp how long the limit takes to rise from 1 to {@code limit}, or {@code null}
     * @param timer sends held turns (the session schedulers' turn timer)
     */
    public PrefillGate(int limit, Duration ramp, ScheduledExecutorService timer) {
        if (limit < 1) {
            throw new IllegalArgumentException("prefill limit " + limit);
        }
        this.limit = limit;
        this.rampNs = ramp == null ? 0 : ramp.toNanos();
        this.startNs = System.nanoTime();
        this.timer = timer;
    }

    /** {@code dispatch}, with each turn sent only while fewer than the limit wait for their first token. */
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
            sendNow = held.isEmpty() && prefilling < currentLimit();
            if (sendNow) {
                prefilling++;
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

    /** A turn's prefill ended: its slot goes to the next held turn, sent from the timer thread. */
    private void released() {
        synchronized (this) {
            prefilling--;
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
                if (held.isEmpty() || prefilling >= currentLimit()) {
                    break;
                }
                next = held.poll();
                prefilling++;
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

    /** A turn through the gate: held until it may go, then sent; its completion frees its slot. */
    private final class HeldTurn implements RequestDispatch.Cancellable, RequestDispatch.Completion {
        private final Function<RequestDispatch.Completion, RequestDispatch.Cancellable> sender;
        private final Runnable done;
        private final AtomicBoolean prefillOver = new AtomicBoolean();
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
                // Never sent: it takes no prefill slot, and is sent only to be aborted and recorded.
                prefillOver.set(true);
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
            if (prefillOver.compareAndSet(false, true)) {
                released();
            }
            if (done instanceof RequestDispatch.Completion completion) {
                completion.firstResponse();
            }
        }

        @Override
        public void run() {
            if (prefillOver.compareAndSet(false, true)) {
                released();
            }
            done.run();
        }
    }
}
