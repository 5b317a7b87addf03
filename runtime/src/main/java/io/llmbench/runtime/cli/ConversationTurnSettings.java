package io.llmbench.runtime.cli;

import static io.llmbench.runtime.cli.SynthesisSettings.decimal;
import static io.llmbench.runtime.cli.SynthesisSettings.or;
import static io.llmbench.runtime.cli.SynthesisSettings.whole;

import io.llmbench.runtime.spec.AnnotatedSynthesis;
import io.llmbench.runtime.spec.ConversationTurns;

/**
 * Fills {@link ConversationTurns} per setting: the command line, then {@code @SyntheticInput} (the
 * class, then its superclasses, as the processor merged them), then AIPerf's defaults.
 */
final class ConversationTurnSettings {

    private ConversationTurnSettings() {
    }

    /** @param cli the options given, or {@code null} for none */
    static ConversationTurns resolve(ConversationTurnOptions.ConversationTurnCli cli, AnnotatedSynthesis annotated) {
        ConversationTurnOptions.ConversationTurnCli given = cli != null ? cli
                : ConversationTurnOptions.ConversationTurnCli.none();
        ConversationTurns d = ConversationTurns.defaults();
        return new ConversationTurns(
                or(given.turnMean(), whole(annotated.conversationTurnMean()), d.turnMean()),
                or(given.turnStddev(), whole(annotated.conversationTurnStddev()), d.turnStddev()),
                or(given.delayMeanMs(), decimal(annotated.conversationTurnDelayMean()), d.delayMeanMs()),
                or(given.delayStddevMs(), decimal(annotated.conversationTurnDelayStddev()), d.delayStddevMs()),
                or(given.delayRatio(), decimal(annotated.conversationTurnDelayRatio()), d.delayRatio()));
    }
}
