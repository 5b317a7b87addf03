package io.llmbench.runtime.load;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Multi-turn sessions: up to {@code concurrency} sessions at once, each sending its conversation's
 * turns in order, the next turn only after the previous one completed (its answer is part of the
 * next turn's history) plus that turn's delay; a finished session makes room for the next. A turn
 * sent after a delay carries its scheduled instant (the previous answer plus the delay), so timer
 * lateness shows as schedule lag; first turns are closed loop and carry none.
 *
 * <p>Sessions take the conversations in order and start over after the last (AIPerf's sequential
 * sampling), so a request count larger than the dataset's turns reuses conversations, each reuse a
 * new session with a history of its own. As in AIPerf, the request count caps turns (it may end a
 * session before its last turn) while the session count caps sessions started (those started still
 * send every turn).
 *
 * <p>Delays wait on {@code timer}, never on a network thread. The dispatch must call {@code done}
 * only once the answer is known (decoded), since the next turn is built from it.
 */
public final class SessionScheduler extends SessionPhase {

    /** Sends one turn of one session. */
    @FunctionalInterface
    public interface TurnDispatch {
        /**
         * @param conversation the conversation, an index into the ones given
         * @param session the session's number in this phase, from 0 (one conversation may be the
         *     script of several sessions; each has its own history)
         * @param turn the turn within it, from 0
         * @param lastTurn whether it is the conversation's last turn
         * @param sequence the request's number in this phase
         * @param scheduledStartNs when the schedule wanted it sent, or {@link RequestDispatch#UNSCHEDULED}
         * @param done to call once the turn completed and its answer is recorded
         */
        RequestDispatch.Cancellable send(int conversation, int session, int turn, boolean lastTurn, int sequence,
                long scheduledStartNs, Runnable done);
    }

    private final long[][] delaysMs;
    private final int concurrency;
    private final AtomicInteger nextSession = new AtomicInteger();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger activeSessions = new AtomicInteger();
    private volatile boolean stopped;

    /**
     * @param delaysMs per conversation, per turn, the delay before that turn in ms (index 0 unused;
     *     negative means none); its lengths give each conversation's number of turns
     * @param concurrency sessions in flight at once
     * @param requestCount turns to send at most ({@code Integer.MAX_VALUE} for no limit)
     * @param sessionCount sessions to start at most ({@code Integer.MAX_VALUE} for no limit)
     */
    public SessionScheduler(long[][] delaysMs, int concurrency, int requestCount, int sessionCount, Duration duration,
            Duration gracePeriod, TurnDispatch dispatch, ScheduledExecutorService timer) {
        super(requestCount, sessionCount, duration, gracePeriod, dispatch, timer);
        if (concurrency < 1 || requestCount < 0 || sessionCount < 0) {
            throw new IllegalArgumentException("concurrency " + concurrency + ", request count " + requestCount
                    + ", session count " + sessionCount);
        }
        this.delaysMs = delaysMs;
        this.concurrency = concurrency;
    }

    @Override
    public void run() throws InterruptedException {
        if (delaysMs.length == 0 || nothingToSend("sessions repeat their conversations")) {
            return;
        }
        if (durationNs > 0) {
            deadlineNs = System.nanoTime() + durationNs;
        }
        int initial = (int) Math.min(concurrency, Math.min((long) sessionCount, requestCount));
        // All initial sessions count before any is started, so none can end the phase early.
        activeSessions.addAndGet(initial);
        for (int i = 0; i < initial; i++) {
            startNextSession();
        }
        awaitEnd();
    }

    /** Starts the next session in an already counted slot, or retires the slot when there is none. */
    private void startNextSession() {
        int session = nextSession.getAndIncrement();
        if (session >= sessionCount || !maySend()) {
            retire();
            return;
        }
        trySend(session % delaysMs.length, session, 0, RequestDispatch.UNSCHEDULED);
    }

    private boolean maySend() {
        return !stopped && issued.get() < requestCount && System.nanoTime() < deadlineNs;
    }

    private void trySend(int conversation, int session, int turn, long scheduledNs) {
        if (!maySend()) {
            retire();
            return;
        }
        int sequence = issued.getAndIncrement();
        if (sequence >= requestCount) {
            retire();
            return;
        }
        sendTurn(conversation, session, turn, turn == delaysMs[conversation].length - 1, sequence, scheduledNs,
                () -> turnDone(conversation, session, turn));
    }

    private void turnDone(int conversation, int session, int turn) {
        int next = turn + 1;
        if (next >= delaysMs[conversation].length) {
            startNextSession();
            return;
        }
        long delayMs = Math.max(0, delaysMs[conversation][next]);
        if (delayMs == 0) {
            trySend(conversation, session, next, RequestDispatch.UNSCHEDULED);
            return;
        }
        long dueNs = System.nanoTime() + delayMs * 1_000_000L;
        timer.schedule(() -> trySend(conversation, session, next, dueNs), delayMs, TimeUnit.MILLISECONDS);
    }

    private void retire() {
        if (activeSessions.decrementAndGet() == 0) {
            inFlight.sendingEnded();
        }
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public int sent() {
        return Math.min(issued.get(), requestCount);
    }
}
