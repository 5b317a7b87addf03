package io.llmbench.runtime.spec;

/**
 * How many turns each synthetic conversation has and how long its user waits before each later
 * turn (AIPerf's {@code --conversation-turn-*} options). Counts and delays are drawn per
 * conversation and per turn from normal distributions, as AIPerf's synthetic composer does; see
 * {@code docs/datasets.md}.
 *
 * @param turnMean mean turns per conversation, at least 1 ({@code --conversation-turn-mean})
 * @param turnStddev standard deviation of the turn counts, at least 0 ({@code --conversation-turn-stddev})
 * @param delayMeanMs mean delay before a later turn in ms, at least 0; 0 for none ({@code --conversation-turn-delay-mean})
 * @param delayStddevMs standard deviation of the delays in ms, at least 0 ({@code --conversation-turn-delay-stddev})
 * @param delayRatio factor applied to every drawn delay, at least 0 ({@code --conversation-turn-delay-ratio})
 */
public record ConversationTurns(int turnMean, int turnStddev, double delayMeanMs, double delayStddevMs,
        double delayRatio) {

    /** AIPerf's defaults: one turn, no delay, ratio 1. */
    public static ConversationTurns defaults() {
        return new ConversationTurns(1, 0, 0, 0, 1);
    }

    /** For the run's header: {@code conversations of 4 ± 1 turns, 2000 ± 500 ms × 0.5 before a later turn}. */
    public String describe() {
        String text = "conversations of " + turnMean + " ± " + turnStddev + " turns";
        if (delayMeanMs > 0) {
            text += ", " + number(delayMeanMs) + " ± " + number(delayStddevMs) + " ms"
                    + (delayRatio == 1 ? "" : " × " + number(delayRatio)) + " before a later turn";
        }
        return text;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** Whether these settings are anything but the single-turn defaults. */
    public boolean shapesConversations() {
        return !equals(defaults());
    }
}
