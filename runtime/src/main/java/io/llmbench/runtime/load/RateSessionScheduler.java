package io.llmbench.runtime.load;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Multi-turn sessions at a request rate, as AIPerf's request-rate mode runs them: the arrival
 * schedule ({@link ArrivalTimes}) gives instants for requests, not for sessions. At each instant
 * the next turn of a session that is ready (its previous answer arrived and its delay passed) is
 * sent first, since a session in progress holds its place; only when none is ready does a new
 * session start, if the session limits allow; otherwise the instant passes unused. The rate thus
 * counts every turn, and a session's next turn waits for the next free instant after its answer.
 *
 * <p>The instants are paced by a dedicated thread ({@code llmbench-pacer}, as in
 * {@link OpenLoopScheduler}); every turn carries its instant, so lateness shows as schedule lag.
 * Delays wait on {@code timer}. {@code concurrency} caps the sessions in progress (a session keeps
 * its place between turns, as in AIPerf). Conversations are taken in order and start over after the
 * last; each reuse is a new session with its own history.
 */
public final class RateSessionScheduler extends SessionPhase {

    /** A turn whose session may send it at the next free instant. */
    private record ReadyTurn(int conversation, int session, int turn) {
    }

    private final long[][] delaysMs;
    private final ArrivalTimes arrivals;
    private final int concurrency;
    private final ScheduleLagMonitor lagMonitor;
    private final Queue<ReadyTurn> ready = new ConcurrentLinkedQueue<>();
    /** Sessions started and not yet past their last turn (between turns too). */
    private final AtomicInteger activeSessions = new AtomicInteger();
    private volatile int sessionsStarted;
    private volatile int sent;
    private volatile boolean stopped;
    private volatile Thread pacer;
    private volatile Throwable pacerFailure;

    /**
     * @param delaysMs per conversation, per turn, the delay before that turn in ms (index 0 unused;
     *     negative means none); its lengths give each conversation's number of turns
     * @param arrivals the instants at which requests may leave
     * @param concurrency sessions in progress at most ({@code Integer.MAX_VALUE} for no limit)
     * @param requestCount turns to send at most ({@code Integer.MAX_VALUE} for no limit)
     * @param sessionCount sessions to start at most ({@code Integer.MAX_VALUE} for no limit)
     */
    public RateSessionScheduler(long[][] delaysMs, ArrivalTimes arrivals, int concurrency, int requestCount,
            int sessionCount, Duration duration, Duration gracePeriod, SessionScheduler.TurnDispatch dispatch,
            ScheduledExecutorService timer, ScheduleLagMonitor lagMonitor) {
        super(requestCount, sessionCount, duration, gracePeriod, dispatch, timer);
        if (concurrency < 1 || requestCount < 0 || sessionCount < 0 || delaysMs.length == 0) {
            throw new IllegalArgumentException("concurrency " + concurrency + ", request count " + requestCount
                    + ", session count " + sessionCount + ", conversations " + delaysMs.length);
        }
        this.delaysMs = delaysMs;
        this.arrivals = arrivals;
        this.concurrency = concurrency;
        this.lagMonitor = lagMonitor;
    }

    @Override
    public void run() throws InterruptedException {
        if (nothingToSend("sessions repeat their conversations")) {
            return;
        }
        Thread thread = new Thread(this::pace, "llmbench-pacer");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        pacer = thread;
        thread.start();
        thread.join();
        if (pacerFailure != null) {
            inFlight.await();
            throw new IllegalStateException("the pacer failed: " + pacerFailure, pacerFailure);
        }
        awaitEnd();
    }

    private void pace() {
        long startNs = System.nanoTime();
        long deadline = durationNs > 0 ? startNs + durationNs : Long.MAX_VALUE;
        deadlineNs = deadline;
        try {
            for (int instant = 0; sent < requestCount && !stopped && !allSessionsDone(); instant++) {
                long offset = arrivals.offsetNs(instant);
                if (offset == ArrivalTimes.END) {
                    break;
                }
                long scheduledNs = startNs + offset;
                if (scheduledNs - deadline >= 0) {
                    break;
                }
                Pacer.awaitInstant(scheduledNs, () -> stopped || allSessionsDone());
                if (stopped || allSessionsDone()) {
                    break;
                }
                ReadyTurn turn = ready.poll();
                if (turn == null && sessionsStarted < sessionCount && activeSessions.get() < concurrency) {
                    int session = sessionsStarted;
                    sessionsStarted = session + 1;
                    activeSessions.incrementAndGet();
                    turn = new ReadyTurn(session % delaysMs.length, session, 0);
                }
                if (turn == null) {
                    // Nothing ready and no room for a new session: this instant passes unused.
                    continue;
                }
                long now = System.nanoTime();
                lagMonitor.observe(now - scheduledNs, false, now);
                send(turn, scheduledNs);
            }
            lagMonitor.flush();
        } catch (RuntimeException | Error e) {
            pacerFailure = e;
        } finally {
            inFlight.sendingEnded();
        }
    }

    /** No session is in progress and none may start: nothing is left to send. */
    private boolean allSessionsDone() {
        return sessionsStarted >= sessionCount && activeSessions.get() == 0;
    }

    private void send(ReadyTurn turn, long scheduledNs) {
        int sequence = sent;
        sent = sequence + 1;
        sendTurn(turn.conversation(), turn.session(), turn.turn(),
                turn.turn() == delaysMs[turn.conversation()].length - 1, sequence, scheduledNs, () -> turnDone(turn));
    }

    private void turnDone(ReadyTurn turn) {
        int next = turn.turn() + 1;
        if (next >= delaysMs[turn.conversation()].length) {
            activeSessions.decrementAndGet();
            wakePacer();
            return;
        }
        ReadyTurn following = new ReadyTurn(turn.conversation(), turn.session(), next);
        long delayMs = Math.max(0, delaysMs[turn.conversation()][next]);
        if (delayMs == 0) {
            ready.add(following);
        } else {
            timer.schedule(() -> ready.add(following), delayMs, TimeUnit.MILLISECONDS);
        }
    }

    private void wakePacer() {
        Thread thread = pacer;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void stop() {
        stopped = true;
        wakePacer();
    }

    @Override
    public int sent() {
        return sent;
    }
}
