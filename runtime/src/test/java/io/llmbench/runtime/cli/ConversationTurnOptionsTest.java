package io.llmbench.runtime.cli;

import static io.llmbench.runtime.cli.AnnotatedRuns.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.ConversationTurns;
import org.junit.jupiter.api.Test;

/** The {@code --conversation-turn-*} options, their GenAI-Perf aliases, and how they resolve with the annotation. */
class ConversationTurnOptionsTest {

    private static ConversationTurns turns(AnnotatedSettings annotated, String... args) {
        String[] withModel = java.util.Arrays.copyOf(args, args.length + 2);
        withModel[args.length] = "--model";
        withModel[args.length + 1] = "m";
        return resolve(annotated, withModel).input().synthesis().turns();
    }

    private static String error(String... args) {
        return assertThrows(UserInputException.class, () -> CliParser.parse(args)).getMessage();
    }

    @Test
    void aiperfsNamesAndGenAiPerfsAliasesSetTheTurns() {
        assertEquals(new ConversationTurns(4, 1, 250.5, 20, 0.5), turns(AnnotatedSettings.unset(),
                "--conversation-turn-mean", "4", "--conversation-turn-stddev", "1", "--conversation-turn-delay-mean",
                "250.5", "--conversation-turn-delay-stddev", "20", "--conversation-turn-delay-ratio", "0.5"));
        assertEquals(new ConversationTurns(4, 1, 250.5, 20, 0.5), turns(AnnotatedSettings.unset(),
                "--session-turns-mean", "4", "--session-turns-stddev", "1", "--session-turn-delay-mean", "250.5",
                "--session-turn-delay-stddev", "20", "--session-delay-ratio", "0.5"));
        assertEquals(ConversationTurns.defaults(), turns(AnnotatedSettings.unset()));
        assertFalse(ConversationTurns.defaults().shapesConversations());
        assertEquals("conversations of 4 ± 1 turns, 250.5 ± 20 ms × 0.5 before a later turn",
                new ConversationTurns(4, 1, 250.5, 20, 0.5).describe(), "the run's header says how turns are drawn");
        assertEquals("conversations of 3 ± 0 turns", new ConversationTurns(3, 0, 0, 0, 1).describe());
    }

    @Test
    void eachSettingResolvesCommandLineThenAnnotationThenDefault() {
        AnnotatedSettings annotated = AnnotatedSettings.builder().conversationTurnMean(3).conversationTurnStddev(2)
                .conversationTurnDelayMean(100).conversationTurnDelayStddev(10).conversationTurnDelayRatio(2).build();
        assertEquals(new ConversationTurns(3, 2, 100, 10, 2), turns(annotated));
        assertEquals(new ConversationTurns(5, 2, 100, 0, 2), turns(annotated, "--conversation-turn-mean", "5",
                "--session-turn-delay-stddev", "0"));
        AnnotatedSettings onlyMean = AnnotatedSettings.builder().conversationTurnMean(6).build();
        assertEquals(new ConversationTurns(6, 0, 0, 0, 1), turns(onlyMean), "the rest keep AIPerf's defaults");
        assertEquals("{conversationTurnMean=3, conversationTurnStddev=2, conversationTurnDelayMean=100.0, "
                + "conversationTurnDelayStddev=10.0, conversationTurnDelayRatio=2.0}", annotated.written().toString());
    }

    @Test
    void badValuesAreOneLineThatNamesTheOption() {
        assertEquals("--conversation-turn-mean '0' must be a whole number ≥ 1", error("--conversation-turn-mean", "0"));
        assertEquals("--session-turns-mean '2.5' must be a whole number ≥ 1", error("--session-turns-mean", "2.5"));
        assertEquals("--conversation-turn-stddev '-1' must be a whole number ≥ 0",
                error("--conversation-turn-stddev", "-1"));
        assertEquals("--conversation-turn-delay-mean '-5' must be a number ≥ 0",
                error("--conversation-turn-delay-mean", "-5"));
        assertEquals("--session-turn-delay-stddev 'NaN' must be a number ≥ 0",
                error("--session-turn-delay-stddev", "NaN"));
        assertEquals("--conversation-turn-delay-ratio '-0.5' must be a number ≥ 0",
                error("--conversation-turn-delay-ratio", "-0.5"));
        assertEquals("--conversation-turn-mean and --session-turns-mean are the same option: give one of them",
                error("--conversation-turn-mean", "2", "--session-turns-mean", "3"));
    }
}
