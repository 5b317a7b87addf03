package io.llmbench.runtime.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.token.FallbackTokenizer;
import io.llmbench.runtime.token.HfTokenizer;
import io.llmbench.runtime.token.Tokenizer;
import io.llmbench.runtime.token.TokenizerFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticPromptGeneratorTest {

    private static final Tokenizer FALLBACK = new FallbackTokenizer();
    private static final Path QWEN3 = Path.of("../../shared/data/tokenizers/qwen3/tokenizer.json");

    @TempDir
    Path dir;

    /** Generates prompts and checks each one's own count against the sampled target. */
    private static void assertLengthsMatch(Tokenizer tokenizer, int mean, int stddev, int prompts) {
        SyntheticPromptGenerator generator = new SyntheticPromptGenerator(tokenizer, 7);
        int exact = 0;
        for (int i = 0; i < prompts; i++) {
            int target = generator.sampleLength(mean, stddev);
            String prompt = generator.prompt(target);
            int count = tokenizer.count(prompt);
            assertTrue(Math.abs(count - target) <= 2,
                    tokenizer.name() + ": prompt " + i + " has " + count + " tokens, target " + target);
            if (count == target) {
                exact++;
            }
        }
        assertTrue(exact >= prompts * 9 / 10, tokenizer.name() + ": only " + exact + " of " + prompts + " exact");
    }

    @Test
    void promptsHaveTheTargetLengthUnderTheFallbackTokenizer() {
        assertLengthsMatch(FALLBACK, 300, 80, 40);
    }

    @Test
    void promptsHaveTheTargetLengthUnderAHuggingFaceTokenizer() throws IOException {
        String corpusText = String.join(" ", PromptCorpus.bundled().chunks());
        Path file = TokenizerFixtures.writeWordLevel(dir, TokenizerFixtures.wordsOf(corpusText));

        assertLengthsMatch(HfTokenizer.load(file, "corpus-words"), 300, 80, 40);
    }

    @Test
    void promptsHaveTheTargetLengthUnderQwen3() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(QWEN3),
                "skipped: " + QWEN3.toAbsolutePath().normalize() + " (shared Qwen3 tokenizer) is not on this machine");

        assertLengthsMatch(HfTokenizer.load(QWEN3, "qwen3"), 550, 150, 20);
    }

    @Test
    void theSameSeedGivesTheSamePrompts() {
        assertEquals(prompts(FALLBACK, 11), prompts(FALLBACK, 11));
    }

    @Test
    void anotherSeedGivesOtherPrompts() {
        assertNotEquals(prompts(FALLBACK, 11), prompts(FALLBACK, 12));
    }

    private static List<String> prompts(Tokenizer tokenizer, long seed) {
        SyntheticPromptGenerator generator = new SyntheticPromptGenerator(tokenizer, seed);
        List<String> prompts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            prompts.add(generator.generate(64, 16));
        }
        return prompts;
    }

    @Test
    void lengthsFollowTheNormalDistributionAndStayPositive() {
        SyntheticPromptGenerator generator = new SyntheticPromptGenerator(FALLBACK, 3);
        int n = 5000;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            int length = generator.sampleLength(550, 100);
            assertTrue(length >= 1);
            sum += length;
            sumSquares += (double) length * length;
        }
        double mean = sum / n;
        double stddev = Math.sqrt(sumSquares / n - mean * mean);

        // Rounding up adds half a token on average.
        assertEquals(550.5, mean, 5, "mean");
        assertEquals(100, stddev, 5, "standard deviation");
    }

    @Test
    void aZeroStddevGivesTheMeanEveryTimeAndTinyMeansGiveAtLeastOneToken() {
        SyntheticPromptGenerator generator = new SyntheticPromptGenerator(FALLBACK, 3);

        for (int i = 0; i < 100; i++) {
            assertEquals(128, generator.sampleLength(128, 0));
            assertTrue(generator.sampleLength(1, 50) >= 1);
        }
        assertEquals(1, generator.sampleLength(0, 0));
    }

    @Test
    void promptsLongerThanTheCorpusWrapAround() {
        PromptCorpus tiny = PromptCorpus.of("tiny", "It is a truth universally acknowledged.");
        SyntheticPromptGenerator generator = new SyntheticPromptGenerator(FALLBACK, tiny, 5);

        String prompt = generator.prompt(100);

        assertTrue(generator.corpusTokenCount() < 20, "corpus tokens: " + generator.corpusTokenCount());
        assertEquals(100, FALLBACK.count(prompt), prompt);
    }
}
