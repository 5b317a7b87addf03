package io.llmbench.runtime.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HfTokenizerTest {

    private static final List<String> WORDS = List.of("the", "cat", "sat", "on", "mat", ".", ",");
    private static final Path QWEN3 = Path.of("../../shared/data/tokenizers/qwen3/tokenizer.json");

    @TempDir
    Path dir;

    private HfTokenizer wordLevel() throws IOException {
        return HfTokenizer.load(TokenizerFixtures.writeWordLevel(dir, WORDS), "test-words");
    }

    @Test
    void countsTextsLongerThan512TokensWithoutTruncating() throws IOException {
        HfTokenizer tokenizer = wordLevel();
        String text = IntStream.range(0, 1500).mapToObj(i -> WORDS.get(i % WORDS.size()))
                .collect(Collectors.joining(" "));

        assertEquals(1500, tokenizer.count(text));
        assertEquals(1500, tokenizer.encode(text).length);
    }

    @Test
    void addsNoSpecialTokensAlthoughThePostProcessorWould() throws IOException {
        HfTokenizer tokenizer = wordLevel();

        int[] ids = tokenizer.encode("the cat sat");

        int first = TokenizerFixtures.FIRST_WORD;
        assertArrayEquals(new int[] {first, first + 1, first + 2}, ids,
                "ids of the words only, no [CLS]=1 / [SEP]=2");
    }

    @Test
    void readsTheSameIdsAsDjlsFullEncoding() throws IOException {
        Path file = TokenizerFixtures.writeWordLevel(dir, WORDS);
        HfTokenizer tokenizer = HfTokenizer.load(file, "test-words");
        Map<String, String> options = Map.of("addSpecialTokens", "false", "truncation", "false",
                "padding", "false");
        try (HuggingFaceTokenizer djl = HuggingFaceTokenizer.newInstance(file, options)) {
            for (String text : List.of("", "the cat sat", "the dog, the cat.", "ünïcödé 猫 🐈 the", " the  mat ")) {
                long[] expected = djl.encode(text, false, false).getIds();

                assertArrayEquals(expected, Arrays.stream(tokenizer.encode(text)).asLongStream().toArray(), text);
                assertEquals(expected.length, tokenizer.count(text), text);
            }
        }
    }

    @Test
    void decodesIdsBackToTheText() throws IOException {
        HfTokenizer tokenizer = wordLevel();

        assertEquals("the cat sat on the mat", tokenizer.decode(tokenizer.encode("the cat sat on the mat")));
    }

    @Test
    void givesTheSameIdsFromManyThreadsAtOnce() throws Exception {
        HfTokenizer tokenizer = wordLevel();
        List<String> texts = IntStream.range(1, 100).mapToObj(n -> IntStream.range(0, n * 5)
                .mapToObj(i -> WORDS.get((i * n) % WORDS.size())).collect(Collectors.joining(" ")))
                .toList();
        List<int[]> expected = texts.stream().map(tokenizer::encode).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<int[]>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> texts.stream().map(tokenizer::encode).toList()));
            }
            for (Future<List<int[]>> future : futures) {
                List<int[]> actual = future.get();
                for (int i = 0; i < texts.size(); i++) {
                    assertArrayEquals(expected.get(i), actual.get(i), "text " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reportsItsNameAndIsNotTheFallback() throws IOException {
        HfTokenizer tokenizer = wordLevel();

        assertEquals("test-words", tokenizer.name());
        assertFalse(tokenizer.isFallback());
    }

    @Test
    void pinsDjlToTheCpuLibraryInItsJarSoNothingIsDownloaded() throws IOException {
        wordLevel();

        assertEquals("true", System.getProperty("ai.djl.offline"),
                "DJL's offline mode keeps it from choosing (and downloading) a CUDA build");
    }

    @Test
    void rejectsAFileThatIsNoTokenizer() throws IOException {
        Path file = Files.writeString(dir.resolve("tokenizer.json"), "{\"not\": \"a tokenizer\"}");

        assertThrows(IOException.class, () -> HfTokenizer.load(file, "broken"));
    }

    @Test
    void countsQwen3TokensLikeTheReferenceTokenizer() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(QWEN3),
                "skipped: " + QWEN3.toAbsolutePath().normalize() + " (shared Qwen3 tokenizer) is not on this machine");
        HfTokenizer tokenizer = HfTokenizer.load(QWEN3, "qwen3");

        // Qwen2/Qwen3 vocabulary: "Hello" = 9707, "," = 11, " world" = 1879.
        assertArrayEquals(new int[] {9707, 11, 1879}, tokenizer.encode("Hello, world"));
        // " hello" is one token, so 1 + 999 tokens: far past DJL's default 512-token truncation.
        assertEquals(1000, tokenizer.count("hello" + " hello".repeat(999)));
        assertEquals("Hello, world", tokenizer.decode(tokenizer.encode("Hello, world")));
    }
}
