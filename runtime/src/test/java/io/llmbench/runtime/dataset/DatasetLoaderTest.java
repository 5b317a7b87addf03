package io.llmbench.runtime.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.annotations.Datasets;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.token.FallbackTokenizer;
import io.llmbench.runtime.token.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {

    private static final Tokenizer TOKENIZER = new FallbackTokenizer();
    private final DatasetLoader loader = new DatasetLoader();

    private static InputSpec input(String dataset, int entries) {
        return new InputSpec(dataset, 128, 0, 64, 42L, entries, 96, 72, "png", null);
    }

    @Test
    void syntheticMakesTheRequestedNumberOfTextPromptsOfTheRequestedLength() {
        List<DatasetEntry> entries = loader.load(input(Datasets.SYNTHETIC, 12), TOKENIZER);

        assertEquals(12, entries.size());
        for (int i = 0; i < entries.size(); i++) {
            DatasetEntry entry = entries.get(i);
            assertEquals("synthetic-" + i, entry.conversationId());
            assertEquals(-1, entry.maxTokens(), "the run's output setting applies");
            assertTrue(entry.images().isEmpty());
            int count = TOKENIZER.count(entry.text());
            assertTrue(Math.abs(count - 128) <= 2, "entry " + i + " has " + count + " tokens");
        }
    }

    @Test
    void syntheticIsReproducibleFromTheSeed() {
        assertEquals(loader.load(input(Datasets.SYNTHETIC, 5), TOKENIZER),
                loader.load(input(Datasets.SYNTHETIC, 5), TOKENIZER));
    }

    @Test
    void syntheticVisionAddsOneImageOfTheRequestedSizeToEachPrompt() throws IOException {
        List<DatasetEntry> entries = loader.load(input(Datasets.SYNTHETIC_VISION, 3), TOKENIZER);

        assertEquals(3, entries.size());
        for (int i = 0; i < entries.size(); i++) {
            DatasetEntry entry = entries.get(i);
            assertEquals("synthetic-vision-" + i, entry.conversationId());
            assertEquals(1, entry.images().size());
            SyntheticImageGeneratorTest.Decoded image = SyntheticImageGeneratorTest.decode(entry.images().get(0));
            assertEquals("png", image.actualFormat());
            assertEquals(96, image.image().getWidth());
            assertEquals(72, image.image().getHeight());
            assertTrue(Math.abs(TOKENIZER.count(entry.text()) - 128) <= 2);
        }
    }

    @Test
    void hubDatasetsGoToTheHubLoaderWhichSaysWhenOfflineWithoutACache(@TempDir Path cache) {
        DatasetLoader offline = new DatasetLoader(Map.of("HF_HUB_OFFLINE", "1", "LLMBENCH_CACHE", cache.toString(),
                "HF_HOME", cache.resolve("hf").toString()));
        for (String name : List.of(Datasets.MMSTAR, "sharegpt")) {
            UserInputException e = assertThrows(UserInputException.class, () -> offline.load(input(name, 1), TOKENIZER));
            assertTrue(e.getMessage().startsWith("dataset " + name + " ("), e.getMessage());
            assertTrue(e.getMessage().contains("offline"), e.getMessage());
        }
    }

    @Test
    void specBenchGoesToItsUrlWhichSaysWhenOfflineWithoutACache(@TempDir Path cache) {
        DatasetLoader offline = new DatasetLoader(Map.of("HF_HUB_OFFLINE", "1", "LLMBENCH_CACHE", cache.toString(),
                "HF_HOME", cache.resolve("hf").toString(), "LLMBENCH_SPEC_BENCH_URL", "http://127.0.0.1:9/q.jsonl"));
        UserInputException e = assertThrows(UserInputException.class,
                () -> offline.load(input("spec_bench", 1), TOKENIZER));
        assertTrue(e.getMessage().startsWith("dataset spec_bench (http://127.0.0.1:9/q.jsonl): offline"), e.getMessage());
    }

    @Test
    void speedBenchWithoutAResolvedConfigSaysWhatAIPerfNeedsAndWhereToPutTheFile(@TempDir Path cache) {
        DatasetLoader offline = new DatasetLoader(Map.of("HF_HUB_OFFLINE", "1", "LLMBENCH_CACHE", cache.toString()));
        UserInputException e = assertThrows(UserInputException.class,
                () -> offline.load(input("speed_bench", 1), TOKENIZER));
        String message = e.getMessage();
        assertEquals(1, message.lines().count(), message);
        for (String needed : List.of("14", "cais/hle", "HF_TOKEN", "--public-dataset speed_bench_qualitative",
                cache.resolve("speed-bench").resolve("qualitative.jsonl").toString(), "docs/public-datasets.md")) {
            assertTrue(message.contains(needed), needed + ": " + message);
        }
    }

    @Test
    void aPreparedSpeedBenchRowTurnedIntoAMultiTurnLineAsDocumentedLoads(@TempDir Path dir) throws IOException {
        // What the jq line in docs/public-datasets.md makes of a row of AIPerf's resolved SPEED-Bench cache.
        Path file = dir.resolve("speed_bench.jsonl");
        java.nio.file.Files.writeString(file, "{\"session_id\":\"0123456789abcdef0123456789abcdef\",\"turns\":"
                + "[{\"text\":\"Write a sort.\",\"role\":\"user\"},{\"text\":\"Now in C.\",\"role\":\"user\"}]}\n");

        List<DatasetEntry> entries = loader.load(input("file:" + file, 1), TOKENIZER);

        assertEquals(List.of("Write a sort.", "Now in C."), entries.stream().map(DatasetEntry::text).toList());
        assertEquals(1, entries.stream().map(DatasetEntry::conversationId).distinct().count(), entries.toString());
    }

    @Test
    void aMissingDatasetFileIsNamedWithHowToGiveOne() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> loader.load(input("file:no-such-prompts.jsonl", 1), TOKENIZER));

        assertTrue(e.getMessage().startsWith("no-such-prompts.jsonl: does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("--input-file"), e.getMessage());
    }

    @Test
    void anUnknownNameIsRefusedWithTheListOfKnownNames() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> loader.load(input("shakespeare", 1), TOKENIZER));

        for (String name : Datasets.NAMES) {
            assertTrue(e.getMessage().contains(name), "names " + name + ": " + e.getMessage());
        }
    }

    @Test
    void nonsensicalSettingsAreUserMistakes() {
        assertThrows(UserInputException.class, () -> loader.load(
                new InputSpec(Datasets.SYNTHETIC, 0, 0, 64, 1L, 5, 0, 0, "png", null), TOKENIZER));
        assertThrows(UserInputException.class, () -> loader.load(input(Datasets.SYNTHETIC, 0), TOKENIZER));
        assertThrows(UserInputException.class, () -> loader.load(
                new InputSpec(Datasets.SYNTHETIC_VISION, 16, 0, 64, 1L, 1, 0, 0, "png", null), TOKENIZER));
    }
}
