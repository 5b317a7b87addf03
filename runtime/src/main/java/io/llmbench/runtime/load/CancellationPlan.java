package io.llmbench.runtime.load;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cancels a share of the requests on purpose ({@code --request-cancellation-rate}) a fixed delay
 * after each was sent ({@code --request-cancellation-delay}), to test how a server copes with
 * clients that go away. Which requests are cancelled depends only on the seed and the request's
 * sequence number, so the same seed cancels the same requests whatever the timing.
 */
public final class CancellationPlan {

    /** The reason recorded on requests cancelled by the plan. */
    public static final String REASON = "cancelled on purpose (--request-cancellation-rate)";

    private final double fraction;
    private final long delayNs;
    private final long seed;
    private final ScheduledExecutorService timer;

    /**
     * @param ratePercent the share of requests to cancel, 0 to 100
     * @param delay how long after its send a chosen request is cancelled
     * @param timer runs the delayed cancels (one thread is plenty)
     */
    public CancellationPlan(double ratePercent, Duration delay, long seed, ScheduledExecutorService timer) {
        if (!(ratePercent >= 0 && ratePercent <= 100)) {
            throw new IllegalArgumentException("cancellation rate must be 0 to 100, was " + ratePercent);
        }
        this.fraction = ratePercent / 100;
        this.delayNs = delay == null ? 0 : delay.toNanos();
        this.seed = seed;
        this.timer = timer;
    }

    /** Whether request {@code sequence} is one to cancel. */
    public boolean chosen(int sequence) {
        if (fraction <= 0) {
            return false;
        }
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + sequence).nextDouble() < fraction;
    }

    /** {@code dispatch}, with the chosen requests cancelled after the delay. */
    public RequestDispatch applyTo(RequestDispatch dispatch) {
        if (fraction <= 0) {
            return dispatch;
        }
        return (sequence, scheduledStartNs, done) -> cancelIfChosen(sequence,
                dispatch.send(sequence, scheduledStartNs, done));
    }

    /**
     * {@code dispatch}, with the chosen turns of multi-turn sessions cancelled after the delay; a
     * turn is chosen by its request number in the phase, as a single-turn request is. A cancelled
     * turn does not end its session (as in AIPerf): the next turn follows, its history holding the
     * part of the answer that arrived.
     */
    public SessionScheduler.TurnDispatch applyTo(SessionScheduler.TurnDispatch dispatch) {
        if (fraction <= 0) {
            return dispatch;
        }
        return (conversation, session, turn, last, sequence, scheduledStartNs, done) -> cancelIfChosen(sequence,
                dispatch.send(conversation, session, turn, last, sequence, scheduledStartNs, done));
    }

    private RequestDispatch.Cancellable cancelIfChosen(int sequence, RequestDispatch.Cancellable handle) {
        if (chosen(sequence)) {
            if (delayNs <= 0) {
                handle.cancel(REASON);
            } else {
                timer.schedule(() -> handle.cancel(REASON), delayNs, TimeUnit.NANOSECONDS);
            }
        }
        return handle;
    }
}
