package io.llmbench.runtime.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.annotations.Datasets;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.spec.SynthesisSpec;
import io.llmbench.runtime.token.FallbackTokenizer;
import io.llmbench.runtime.token.Tokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgenticCodeSessionsTest {

    private static final Tokenizer TOKENIZER = new FallbackTokenizer();

    private static List<DatasetEntry> sessions(int count) {
        SynthesisSpec shape = new SynthesisSpec(0, null, 0, 2, 128, 256, 0, 0, 0, 1, 0, 0, "wav", List.of(16.0),
                List.of(16), 1, 1);
        return new DatasetLoader().load(new InputSpec(Datasets.AGENTIC_CODE, 200, 0, 50, 3L, count, 64, 64, "png",
                null, null, shape, List.of()), TOKENIZER);
    }

    @Test
    void eachTurnRepeatsThePreviousPromptAndGrowsAndAllSessionsShareTheGlobalPrefix() {
        List<DatasetEntry> entries = sessions(6);

        String global = TOKENIZER.decode(java.util.Arrays.copyOf(TOKENIZER.encode(entries.get(0).text()), 200));
        DatasetEntry previous = null;
        for (DatasetEntry entry : entries) {
            assertTrue(entry.text().startsWith(global.substring(0, global.length() - 5)),
                    "the 256-token global layer is shared by every request");
            if (previous != null && previous.conversationId().equals(entry.conversationId())) {
                assertEquals(previous.turnIndex() + 1, entry.turnIndex());
                assertTrue(entry.text().startsWith(previous.text().substring(0, previous.text().length() - 5)),
                        "turn " + entry.turnIndex() + " carries the whole previous prompt");
                assertTrue(TOKENIZER.count(entry.text()) > TOKENIZER.count(previous.text()) + 50, "context grows");
                assertTrue(entry.delayMs() >= 100, "later turns wait after the previous answer");
            } else {
                assertEquals(0, entry.turnIndex());
                int tokens = TOKENIZER.count(entry.text());
                assertTrue(Math.abs(tokens - (256 + 128 + 256)) < 20, "L1 + L1.5 + L2 in 64-token blocks: " + tokens);
            }
            assertTrue(entry.selfContained(), "the run must not add the earlier turns again");
            previous = entry;
        }
        assertEquals(6, entries.stream().map(DatasetEntry::conversationId).distinct().count());
        assertTrue(entries.size() >= 12, "2 to 8 turns per session: " + entries.size());
        assertEquals(entries, sessions(6), "same seed, same sessions");
    }
}
