package io.llmbench.runtime.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * AIPerf's options of synthetic multi-turn conversations: how many turns each conversation has and
 * how long its user waits before each later turn, with GenAI-Perf's names as aliases. Documented in
 * {@code docs/cli.md}, section "Synthetic multi-turn conversations".
 */
final class ConversationTurnOptions {

    static final String TURN_MEAN = "conversation-turn-mean";
    static final String SESSION_TURNS_MEAN = "session-turns-mean";
    static final String TURN_STDDEV = "conversation-turn-stddev";
    static final String SESSION_TURNS_STDDEV = "session-turns-stddev";
    static final String DELAY_MEAN = "conversation-turn-delay-mean";
    static final String SESSION_DELAY_MEAN = "session-turn-delay-mean";
    static final String DELAY_STDDEV = "conversation-turn-delay-stddev";
    static final String SESSION_DELAY_STDDEV = "session-turn-delay-stddev";
    static final String DELAY_RATIO = "conversation-turn-delay-ratio";
    static final String SESSION_DELAY_RATIO = "session-delay-ratio";

    private ConversationTurnOptions() {
    }

    static void addTo(Options options) {
        valued(options, TURN_MEAN, "N", "Synthetic conversations: mean turns per conversation. Default: 1.");
        valued(options, SESSION_TURNS_MEAN, "N", "Alias of --" + TURN_MEAN + ".");
        valued(options, TURN_STDDEV, "N", "Standard deviation of the turns per conversation. Default: 0.");
        valued(options, SESSION_TURNS_STDDEV, "N", "Alias of --" + TURN_STDDEV + ".");
        valued(options, DELAY_MEAN, "MS",
                "Mean wait after an answer before the conversation's next turn. Default: 0 (none).");
        valued(options, SESSION_DELAY_MEAN, "MS", "Alias of --" + DELAY_MEAN + ".");
        valued(options, DELAY_STDDEV, "MS", "Standard deviation of the waits between turns. Default: 0.");
        valued(options, SESSION_DELAY_STDDEV, "MS", "Alias of --" + DELAY_STDDEV + ".");
        valued(options, DELAY_RATIO, "FACTOR", "Multiplies every drawn wait between turns. Default: 1.");
        valued(options, SESSION_DELAY_RATIO, "FACTOR", "Alias of --" + DELAY_RATIO + ".");
    }

    static ConversationTurnCli parse(CommandLine line) {
        return new ConversationTurnCli(
                SynthesisOptions.whole(line, SynthesisOptions.given(line, TURN_MEAN, SESSION_TURNS_MEAN), 1),
                SynthesisOptions.whole(line, SynthesisOptions.given(line, TURN_STDDEV, SESSION_TURNS_STDDEV), 0),
                SynthesisOptions.decimal(line, SynthesisOptions.given(line, DELAY_MEAN, SESSION_DELAY_MEAN)),
                SynthesisOptions.decimal(line, SynthesisOptions.given(line, DELAY_STDDEV, SESSION_DELAY_STDDEV)),
                SynthesisOptions.decimal(line, SynthesisOptions.given(line, DELAY_RATIO, SESSION_DELAY_RATIO)));
    }

    private static void valued(Options options, String name, String arg, String description) {
        options.addOption(Option.builder().longOpt(name).hasArg().argName(arg).desc(description).get());
    }

    /**
     * The options given; {@code null} where not given.
     *
     * @param turnMean {@code --conversation-turn-mean}, at least 1
     * @param turnStddev {@code --conversation-turn-stddev}, at least 0
     * @param delayMeanMs {@code --conversation-turn-delay-mean}, at least 0
     * @param delayStddevMs {@code --conversation-turn-delay-stddev}, at least 0
     * @param delayRatio {@code --conversation-turn-delay-ratio}, at least 0
     */
    record ConversationTurnCli(Integer turnMean, Integer turnStddev, Double delayMeanMs, Double delayStddevMs,
            Double delayRatio) {

        /** No such option given. */
        static ConversationTurnCli none() {
            return new ConversationTurnCli(null, null, null, null, null);
        }
    }
}
