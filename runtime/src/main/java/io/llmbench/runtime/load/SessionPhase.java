package io.llmbench.runtime.load;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the three multi-turn schedulers (closed loop, request rate, user-centric) share: the stop
 * conditions of a phase of sessions (turns, sessions, duration with its grace period), the turns in
 * flight, and how one turn is handed to the dispatch and tracked until its completion.
 */
abstract class SessionPhase implements LoadScheduler {

    /** Turns to send at most ({@code Integer.MAX_VALUE} for no limit). */
    final int requestCount;
    /** Sessions to start at most ({@code Integer.MAX_VALUE} for no limit). */
    final int sessionCount;
    /** How long turns are sent, -1 for no limit. */
    final long durationNs;
    private final long graceNs;
    private final SessionScheduler.TurnDispatch dispatch;
    /** Waits out delays and gaps, never on a network thread. */
    final ScheduledExecutorService timer;
    final InFlightRequests inFlight = new InFlightRequests();
    /** When sending stops; {@code Long.MAX_VALUE} until a timed phase starts. */
    volatile long deadlineNs = Long.MAX_VALUE;

    SessionPhase(int requestCount, int sessionCount, Duration duration, Duration gracePeriod,
            SessionScheduler.TurnDispatch dispatch, ScheduledExecutorService timer) {
        this.requestCount = requestCount;
        this.sessionCount = sessionCount;
        this.durationNs = duration == null ? -1 : duration.toNanos();
        this.graceNs = gracePeriod == null ? -1 : gracePeriod.toNanos();
        this.dispatch = dispatch;
        this.timer = timer;
    }

    /**
     * Whether a stop condition allows nothing at all; throws when none would ever end the phase.
     *
     * @param endless what would go on for ever, for the message
     */
    final boolean nothingToSend(String endless) {
        if (requestCount == 0 || sessionCount == 0 || durationNs == 0) {
            return true;
        }
        if (requestCount == Integer.MAX_VALUE && sessionCount == Integer.MAX_VALUE && durationNs < 0) {
            throw new IllegalStateException(endless + ": a request count, session count or duration must end "
                    + "the phase");
        }
        return false;
    }

    /** Sends one turn as request {@code sequence}; {@code afterDone} runs once it completed. */
    final void sendTurn(int conversation, int session, int turn, boolean last, int sequence, long scheduledNs,
            Runnable afterDone) {
        inFlight.send((seq, scheduled, done) -> dispatch.send(conversation, session, turn, last, seq, scheduled,
                done), sequence, scheduledNs, afterDone);
    }

    /** Returns once every turn sent completed, or was cancelled when the duration and grace period ran out. */
    final void awaitEnd() throws InterruptedException {
        PhaseEnd.await(inFlight, deadlineNs, graceNs);
    }
}
