package io.llmbench.runtime.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.annotations.Datasets;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.ConversationTurns;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.spec.SynthesisSpec;
import io.llmbench.runtime.token.FallbackTokenizer;
import io.llmbench.runtime.token.Tokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Synthetic multi-turn conversations: the draws of turn counts and delays, and the entries they make. */
class SyntheticConversationsTest {

    private static final Tokenizer TOKENIZER = new FallbackTokenizer();

    private static <T> List<T> draws(ConversationTurns turns, long seed, int n,
            java.util.function.Function<ConversationTurnDraw, T> next) {
        ConversationTurnDraw draw = new ConversationTurnDraw(turns, seed);
        List<T> drawn = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            drawn.add(next.apply(draw));
        }
        return drawn;
    }

    private static List<Integer> counts(ConversationTurns turns, long seed, int n) {
        return draws(turns, seed, n, ConversationTurnDraw::nextTurnCount);
    }

    private static List<Long> delays(ConversationTurns turns, long seed, int n) {
        return draws(turns, seed, n, ConversationTurnDraw::nextDelayMs);
    }

    @Test
    void theSameSeedDrawsTheSameTurnsAndDelaysAndAnotherSeedOthers() {
        ConversationTurns turns = new ConversationTurns(5, 2, 300, 100, 1);
        assertEquals(counts(turns, 42, 50), counts(turns, 42, 50));
        assertEquals(delays(turns, 42, 50), delays(turns, 42, 50));
        assertNotEquals(counts(turns, 42, 50), counts(turns, 43, 50));
        assertNotEquals(delays(turns, 42, 50), delays(turns, 43, 50));
    }

    @Test
    void aStddevOfZeroDrawsExactlyTheMean() {
        ConversationTurns turns = new ConversationTurns(4, 0, 250, 0, 1);
        assertEquals(List.of(4, 4, 4, 4, 4), counts(turns, 1, 5));
        assertEquals(List.of(250L, 250L, 250L), delays(turns, 1, 3));
    }

    @Test
    void drawsAreTruncatedAtZeroRoundedUpAndAtLeastOne() {
        // Mean 1, stddev 5: most of the normal lies below 1; AIPerf redraws below 0 and rounds up, so never 0.
        List<Integer> counts = counts(new ConversationTurns(1, 5, 0, 0, 1), 3, 2_000);
        assertTrue(counts.stream().allMatch(c -> c >= 1), "at least one turn");
        assertTrue(counts.contains(1) && counts.stream().anyMatch(c -> c > 5), "spread: " + new HashSet<>(counts));
        List<Long> delays = delays(new ConversationTurns(2, 0, 1, 50, 1), 3, 2_000);
        assertTrue(delays.stream().allMatch(d -> d >= 1), "a delay mean above 0 waits at least 1 ms");
        double mean = counts(new ConversationTurns(10, 2, 0, 0, 1), 5, 4_000).stream()
                .mapToInt(Integer::intValue).average().orElseThrow();
        // Rounding up moves the mean of N(10, 2) by about half a turn.
        assertTrue(mean > 10.2 && mean < 10.8, "mean turns " + mean);
    }

    @Test
    void theRatioScalesEachDrawnDelayAndNoDelayMeanMeansNoDelay() {
        assertEquals(List.of(1000L, 1000L), delays(new ConversationTurns(3, 0, 2000, 0, 0.5), 9, 2));
        assertEquals(List.of(0L), delays(new ConversationTurns(3, 0, 2000, 0, 0), 9, 1));
        List<Long> unscaled = delays(new ConversationTurns(3, 0, 700, 300, 1), 9, 20);
        List<Long> doubled = delays(new ConversationTurns(3, 0, 700, 300, 2), 9, 20);
        for (int i = 0; i < unscaled.size(); i++) {
            assertEquals(unscaled.get(i) * 2, doubled.get(i), "the ratio multiplies the same draw");
        }
        assertEquals(List.of((long) DatasetEntry.UNSET), delays(new ConversationTurns(3, 2, 0, 400, 3), 9, 1));
    }

    private static SynthesisSpec shape(ConversationTurns turns, int prefixes, int system, int context) {
        return new SynthesisSpec(0, null, 0, prefixes, prefixes > 0 ? 6 : 0, system, context, 0, 0, 1, 0, 0, "wav",
                List.of(16.0), List.of(16), 1, 1, turns);
    }

    private static List<DatasetEntry> load(String dataset, int conversations, SynthesisSpec shape, long seed) {
        return new DatasetLoader().load(new InputSpec(dataset, 12, 0, -1, seed, conversations, 32, 32, "png", null,
                null, shape, List.of()), TOKENIZER);
    }

    private static Map<String, List<DatasetEntry>> byConversation(List<DatasetEntry> entries) {
        Map<String, List<DatasetEntry>> conversations = new LinkedHashMap<>();
        entries.forEach(e -> conversations.computeIfAbsent(e.conversationId(), id -> new ArrayList<>()).add(e));
        return conversations;
    }

    @Test
    void eachDatasetEntryBecomesAConversationOfFreshPromptsWithDelaysAfterTheFirstTurn() {
        List<DatasetEntry> entries = load(Datasets.SYNTHETIC, 6, shape(new ConversationTurns(3, 0, 120, 0, 1),
                0, 0, 0), 11);
        Map<String, List<DatasetEntry>> conversations = byConversation(entries);
        assertEquals(6, conversations.size());
        assertEquals(18, entries.size());
        for (List<DatasetEntry> turns : conversations.values()) {
            assertEquals(List.of(0, 1, 2), turns.stream().map(DatasetEntry::turnIndex).toList());
            assertEquals(List.of((long) DatasetEntry.UNSET, 120L, 120L),
                    turns.stream().map(DatasetEntry::delayMs).toList(), "the first turn never waits");
            assertEquals(3, new HashSet<>(turns.stream().map(DatasetEntry::text).toList()).size(),
                    "each turn is a prompt of its own");
            turns.forEach(t -> assertTrue(Math.abs(TOKENIZER.count(t.text()) - 12) <= 2, t.text()));
        }
        assertEquals(entries, load(Datasets.SYNTHETIC, 6, shape(new ConversationTurns(3, 0, 120, 0, 1), 0, 0, 0), 11),
                "the same seed gives the same conversations");
    }

    @Test
    void turningTurnsOnKeepsTheFirstPromptsOfTheSameSeed() {
        List<DatasetEntry> single = load(Datasets.SYNTHETIC, 4, shape(ConversationTurns.defaults(), 0, 0, 0), 5);
        List<DatasetEntry> multi = load(Datasets.SYNTHETIC, 4, shape(new ConversationTurns(2, 0, 0, 0, 1), 0, 0, 0),
                5);
        assertEquals(single.stream().map(DatasetEntry::conversationId).toList(),
                List.of("synthetic-0", "synthetic-1", "synthetic-2", "synthetic-3"));
        assertEquals(single.get(0).text(), multi.get(0).text(), "the prompt stream is the same; turns take from it");
        assertEquals(8, multi.size());
    }

    @Test
    void aConversationSharesItsContextAndOnlyItsFirstTurnGetsAPrefix() {
        List<DatasetEntry> entries = load(Datasets.SYNTHETIC, 3, shape(new ConversationTurns(3, 0, 0, 0, 1), 2, 5, 5),
                8);
        for (List<DatasetEntry> turns : byConversation(entries).values()) {
            ChatContext first = turns.get(0).chatContext();
            for (DatasetEntry turn : turns) {
                assertEquals(first.system(), turn.chatContext().system());
                assertEquals(first.userContext(), turn.chatContext().userContext(), "one context per conversation");
            }
            int firstPrompt = TOKENIZER.count(first.prompt(turns.get(0).text()));
            int laterPrompt = TOKENIZER.count(turns.get(1).chatContext().prompt(turns.get(1).text()));
            assertTrue(firstPrompt >= laterPrompt + 4, "the first turn carries the 6-token prefix: " + firstPrompt
                    + " vs " + laterPrompt);
        }
    }

    @Test
    void turnSettingsWhereTheyWouldBeIgnoredAreRefused() {
        UserInputException e = assertThrows(UserInputException.class, () -> load(Datasets.AGENTIC_CODE, 2,
                shape(new ConversationTurns(3, 0, 0, 0, 1), 0, 0, 0), 1));
        assertTrue(e.getMessage().contains("--conversation-turn-") && e.getMessage().contains(Datasets.AGENTIC_CODE),
                e.getMessage());
        SynthesisSpec turns = shape(new ConversationTurns(3, 0, 0, 0, 1), 0, 0, 0);
        UserInputException batched = assertThrows(UserInputException.class, () -> new DatasetLoader().load(
                new InputSpec(Datasets.SYNTHETIC, 12, 0, -1, 1, 2, 32, 32, "png", null, null, turns, List.of(),
                        null, new io.llmbench.runtime.spec.BatchSpec(4, false, 1, 0, 8, 0, 8, 0)), TOKENIZER));
        assertTrue(batched.getMessage().contains("batched"), batched.getMessage());
        assertEquals(3 * 2, load(Datasets.SYNTHETIC, 2, turns, 1).size(), "the synthetic dataset takes them");
        UserInputException tooMany = assertThrows(UserInputException.class, () -> load(Datasets.SYNTHETIC, 3,
                shape(new ConversationTurns(Integer.MAX_VALUE / 2, 0, 0, 0, 1), 0, 0, 0), 1));
        assertTrue(tooMany.getMessage().contains("lower one of them"), tooMany.getMessage());
    }
}
