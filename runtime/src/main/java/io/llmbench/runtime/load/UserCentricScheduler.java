package io.llmbench.runtime.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * AIPerf's user-centric rate ({@code --user-centric-rate Q --num-users N}) for multi-turn
 * datasets: {@code N} simulated users, each sending its turns one turn gap ({@code N / Q} seconds)
 * apart, so that the users together send about {@code Q} requests per second and every user's
 * next turn finds the server's cache exactly that old.
 *
 * <p>The phase starts in a steady state ({@link UserCentricPlan}): users with part of their session
 * behind them start one stagger ({@code 1 / Q}) apart. A user's next turn is due one gap after its
 * previous one was due, or at once when the answer came later than that (the user's schedule then
 * starts from there, with no catch-up burst); the dataset's turn delays do not apply. Each user is
 * replaced by a fresh one, on a fixed schedule whatever the responses do, when its turns would have
 * ended: its first turn plus its turns times the gap. Conversations are drawn in order and start
 * over after the last; each user is a session with its own history.
 *
 * <p>Every turn carries its due instant, so lateness shows as schedule lag. Turns are sent from
 * {@code timer} (one thread), never from a network thread. The request count caps turns, the
 * session count caps users started (started users finish), the duration stops sending.
 */
public final class UserCentricScheduler extends SessionPhase {

    private final int[] turnCounts;
    private final int users;
    private final long staggerNs;
    private final long gapNs;
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger sessionsStarted = new AtomicInteger();
    private final AtomicInteger nextConversation = new AtomicInteger();
    /** User turn chains and replacement chains still to come; sending ends when none is left. */
    private final AtomicInteger chains = new AtomicInteger();
    private final AtomicBoolean sendingEnded = new AtomicBoolean();
    private volatile boolean stopped;

    /**
     * @param turnCounts turns of each conversation of the dataset
     * @param users simulated users
     * @param rate requests per second over all users
     * @param requestCount turns to send at most ({@code Integer.MAX_VALUE} for no limit)
     * @param sessionCount users (sessions) to start at most ({@code Integer.MAX_VALUE} for no limit)
     * @param duration how long turns are sent, or {@code null}
     * @param gracePeriod how long turns in flight at the end of {@code duration} may finish, or {@code null} for all
     * @param timer sends the turns at their instants (a single thread)
     */
    public UserCentricScheduler(int[] turnCounts, int users, double rate, int requestCount, int sessionCount,
            Duration duration, Duration gracePeriod, SessionScheduler.TurnDispatch dispatch,
            ScheduledExecutorService timer) {
        super(requestCount, sessionCount, duration, gracePeriod, dispatch, timer);
        if (users < 1 || !(rate > 0) || Double.isInfinite(rate) || turnCounts.length == 0) {
            throw new IllegalArgumentException("users " + users + ", rate " + rate + ", conversations "
                    + turnCounts.length);
        }
        this.turnCounts = turnCounts.clone();
        this.users = users;
        this.staggerNs = Math.round(1e9 / rate);
        this.gapNs = Math.round(users / rate * 1e9);
    }

    /** The gap between one user's turns, in nanoseconds. */
    public long turnGapNs() {
        return gapNs;
    }

    @Override
    public void run() throws InterruptedException {
        if (nothingToSend("users are replaced for ever")) {
            return;
        }
        long startNs = System.nanoTime();
        if (durationNs > 0) {
            deadlineNs = startNs + durationNs;
            timer.schedule(this::endSending, durationNs, TimeUnit.NANOSECONDS);
        }
        List<UserCentricPlan.StartingUser> starting = UserCentricPlan.startingUsers(users, meanTurns());
        // Every starting user is one turn chain and one replacement chain, counted before any can end.
        chains.addAndGet(2 * starting.size());
        for (UserCentricPlan.StartingUser user : starting) {
            int conversation = Math.floorMod(nextConversation.getAndIncrement(), turnCounts.length);
            int turns = user.turns() == UserCentricPlan.ALL_TURNS ? turnCounts[conversation]
                    : Math.min(user.turns(), turnCounts[conversation]);
            long firstNs = startNs + user.order() * staggerNs;
            timer.schedule(() -> startUser(conversation, turns, firstNs), firstNs - System.nanoTime(),
                    TimeUnit.NANOSECONDS);
        }
        awaitEnd();
    }

    private int meanTurns() {
        long total = 0;
        for (int turns : turnCounts) {
            total += turns;
        }
        return (int) Math.round((double) total / turnCounts.length);
    }

    /** A user's first turn at {@code dueNs}; it also schedules the user that replaces this one. */
    private void startUser(int conversation, int turns, long dueNs) {
        int session = sessionsStarted.getAndIncrement();
        if (session >= sessionCount || !maySend()) {
            chainEnded();
            chainEnded();
            return;
        }
        // The replacement comes when this user's turns would have ended, whatever the responses do.
        long replacementNs = dueNs + turns * gapNs;
        timer.schedule(() -> spawn(replacementNs), replacementNs - System.nanoTime(), TimeUnit.NANOSECONDS);
        trySend(conversation, session, 0, turns, dueNs);
    }

    /** A fresh user with every turn of the next conversation; it carries on the replacement chain that spawned it. */
    private void spawn(long dueNs) {
        chains.incrementAndGet();
        int conversation = Math.floorMod(nextConversation.getAndIncrement(), turnCounts.length);
        startUser(conversation, turnCounts[conversation], dueNs);
    }

    private void trySend(int conversation, int session, int turn, int turns, long dueNs) {
        if (!maySend()) {
            chainEnded();
            return;
        }
        int sequence = issued.getAndIncrement();
        if (sequence >= requestCount) {
            endSending();
            return;
        }
        sendTurn(conversation, session, turn, turn == turns - 1, sequence, dueNs,
                () -> turnDone(conversation, session, turn, turns, dueNs));
        if (sequence + 1 >= requestCount) {
            endSending();
        }
    }

    private void turnDone(int conversation, int session, int turn, int turns, long dueNs) {
        if (turn + 1 >= turns) {
            chainEnded();
            return;
        }
        // One gap after the previous turn was due; at once (and from now on) when the answer came later.
        long nextNs = Math.max(System.nanoTime(), dueNs + gapNs);
        timer.schedule(() -> trySend(conversation, session, turn + 1, turns, nextNs), nextNs - System.nanoTime(),
                TimeUnit.NANOSECONDS);
    }

    private boolean maySend() {
        return !stopped && !sendingEnded.get() && issued.get() < requestCount && System.nanoTime() < deadlineNs;
    }

    private void chainEnded() {
        if (chains.decrementAndGet() == 0) {
            endSending();
        }
    }

    /** No more turns will be sent (a stop condition was reached): the phase ends once those in flight do. */
    private void endSending() {
        if (sendingEnded.compareAndSet(false, true)) {
            inFlight.sendingEnded();
        }
    }

    @Override
    public void stop() {
        stopped = true;
        endSending();
    }

    @Override
    public int sent() {
        return Math.min(issued.get(), requestCount);
    }
}
