package io.llmbench.runtime.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptCorpusTest {

    @Test
    void bundlesAtLeast100KilobytesOfPublicDomainProseWithItsNotice() {
        PromptCorpus corpus = PromptCorpus.bundled();
        int chars = corpus.chunks().stream().mapToInt(String::length).sum();

        assertTrue(chars >= 100_000, "corpus characters: " + chars);
        assertTrue(corpus.chunks().get(0).startsWith("PRIDE AND PREJUDICE By Jane Austen Chapter 1 It is a truth"),
                corpus.chunks().get(0).substring(0, 80));
        assertNotNull(PromptCorpus.class.getResource("README.md"), "origin and licence beside the corpus");
    }

    @Test
    void joinsNonBlankTrimmedLinesIntoChunksOfAbout10000Characters() {
        List<String> chunks = PromptCorpus.bundled().chunks();

        for (int i = 0; i < chunks.size() - 1; i++) {
            String chunk = chunks.get(i);
            assertTrue(chunk.length() >= PromptCorpus.CHUNK_CHARS && chunk.length() < PromptCorpus.CHUNK_CHARS + 200,
                    "chunk " + i + " has " + chunk.length() + " characters");
            assertFalse(chunk.contains("\n") || chunk.contains("  "), "lines joined by single spaces");
        }
    }

    @Test
    void chunksASmallTextIntoOne() {
        PromptCorpus corpus = PromptCorpus.of("tiny", "  first line \n\n\n second line\n");

        assertEquals(List.of("first line second line"), corpus.chunks());
    }

    @Test
    void refusesAnEmptyText() {
        assertThrows(IllegalArgumentException.class, () -> PromptCorpus.of("empty", "\n  \n"));
    }
}
