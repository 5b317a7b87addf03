package io.llmbench.runtime.dataset;

import io.llmbench.runtime.spec.ConversationTurns;
import java.util.Random;

/**
 * Draws how many turns each synthetic conversation has and how long its user waits before each
 * later turn, as AIPerf's synthetic composer does: a turn count is a positive normal integer
 * (N(mean, stddev) truncated at zero, rounded up, at least 1; the rounded mean when the stddev is 0),
 * and a later turn's delay is such an integer of milliseconds times the delay ratio, drawn only when
 * the delay mean is above 0 (the first turn never waits). Counts and delays come from streams of
 * their own, so turning them on leaves the prompts drawn for the same seed unchanged.
 */
final class ConversationTurnDraw {

    private final ConversationTurns turns;
    private final Random counts;
    private final Random delays;

    ConversationTurnDraw(ConversationTurns turns, long seed) {
        this.turns = turns;
        this.counts = SeededRandoms.derive(seed, "dataset.conversation.turn_count");
        this.delays = SeededRandoms.derive(seed, "dataset.conversation.turn_delay");
    }

    /** The number of turns of the next conversation, at least 1. */
    int nextTurnCount() {
        return SeededRandoms.positiveNormalInt(counts, turns.turnMean(), turns.turnStddev());
    }

    /**
     * The delay before the next later turn, in whole milliseconds (the ratio may make a fraction, which
     * is rounded), or {@link DatasetEntry#UNSET} when the delay mean is 0: no delay, as AIPerf leaves it.
     */
    long nextDelayMs() {
        if (!(turns.delayMeanMs() > 0)) {
            return DatasetEntry.UNSET;
        }
        int drawn = SeededRandoms.positiveNormalInt(delays, turns.delayMeanMs(), turns.delayStddevMs());
        return Math.round(drawn * turns.delayRatio());
    }
}
