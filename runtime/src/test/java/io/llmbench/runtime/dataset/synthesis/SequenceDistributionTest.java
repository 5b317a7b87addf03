package io.llmbench.runtime.dataset.synthesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.UserInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceDistributionTest {

    private static final List<SequenceDistribution.Pair> PAIRS = List.of(
            new SequenceDistribution.Pair(256, 10, 128, 5, 60), new SequenceDistribution.Pair(512, 0, 256, 0, 40));

    @Test
    void aiperfsSemicolonBracketAndJsonSpellingsGiveTheSamePairs() {
        assertEquals(PAIRS, SequenceDistribution.parse("256|10,128|5:60;512,256:40").pairs());
        assertEquals(PAIRS, SequenceDistribution.parse("[(256|10,128|5):60, (512,256):40]").pairs());
        assertEquals(PAIRS, SequenceDistribution.parse("{\"pairs\": [{\"isl\": 256, \"isl_stddev\": 10, \"osl\": 128,"
                + " \"osl_stddev\": 5, \"prob\": 60}, {\"isl\": 512, \"osl\": 256, \"prob\": 40}]}").pairs());
    }

    @Test
    void malformedSpellingsNameTheFormats() {
        for (String spec : List.of("[(256,128):60 (512,256):40]", "[(256,128):100", "[]", "{\"pairs\": 3}",
                "{not json")) {
            String message = assertThrows(UserInputException.class, () -> SequenceDistribution.parse(spec))
                    .getMessage();
            assertTrue(message.contains("[(ISL,OSL):PCT,...]"), spec + " -> " + message);
        }
        assertTrue(assertThrows(UserInputException.class, () -> SequenceDistribution.parse(
                "{\"pairs\": [{\"isl\": 256, \"prob\": 100}]}")).getMessage().contains("needs a number 'osl'"));
        assertTrue(assertThrows(UserInputException.class, () -> SequenceDistribution.parse(
                "[(256,128):60,(512,256):30]")).getMessage().contains("add up to 90"));
    }
}
