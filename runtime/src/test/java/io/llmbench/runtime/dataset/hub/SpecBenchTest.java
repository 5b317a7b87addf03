package io.llmbench.runtime.dataset.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.metrics.WhitespaceTokenizer;
import io.llmbench.runtime.token.HubFileFetcher;
import io.llmbench.runtime.token.HubSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spec_bench} downloaded from a plain URL (a local server standing in for GitHub's raw files)
 * through the cached, atomic, offline-aware fetcher, and built as AIPerf builds it.
 */
class SpecBenchTest {

    private static final PublicDatasetSelection ALL = new PublicDatasetSelection(SamplingStrategy.SEQUENTIAL, 0, -1, -1);
    private static final String PATH = "/hemingkx/Spec-Bench/pinned/data/spec_bench/question.jsonl";

    // Spec-Bench's shape: question_id, category, turns (MT-Bench rows have two turns).
    private static final String QUESTIONS = String.join("\n",
            "{\"question_id\": 81, \"category\": \"writing\", \"turns\": [\"Compose a travel blog post.\","
                    + " \"Rewrite it starting every sentence with A.\"]}",
            "{\"question_id\": 82, \"category\": \"translation\", \"turns\": [\"  Translate: Bonjour  \"]}",
            "{\"question_id\": 83, \"category\": \"summarization\", \"turns\": []}",
            "{\"question_id\": 84, \"category\": \"qa\", \"turns\": [\"   \", \"second turn only\"]}",
            "{\"question_id\": 85, \"category\": \"math_reasoning\"}",
            "",
            "{\"question_id\": 86, \"category\": \"rag\", \"turns\": [\"Answer from the passage.\"]}") + "\n";

    @TempDir
    Path temp;

    private FakeHub github;
    private Path cache;

    @BeforeEach
    void start() throws Exception {
        github = new FakeHub();
        cache = temp.resolve("cache");
    }

    @AfterEach
    void stop() throws Exception {
        github.close();
    }

    private List<DatasetEntry> load(Map<String, String> extraEnv, PublicDatasetSelection selection) {
        Map<String, String> env = new HashMap<>();
        env.put("HF_HOME", temp.resolve("hf-home").toString());
        env.put(SpecBench.URL_VARIABLE, github.url(PATH));
        env.putAll(extraEnv);
        HubSettings settings = HubSettings.fromEnvironment(env, cache);
        return new PublicDatasetLoader(new HubFileFetcher(settings), env).load("spec_bench", selection,
                new WhitespaceTokenizer());
    }

    @Test
    void eachRowsFirstTurnIsOneRequestOfEveryCategoryAndEmptyFirstTurnsAreSkipped() {
        github.raw(PATH, QUESTIONS.getBytes(StandardCharsets.UTF_8));

        List<DatasetEntry> entries = load(Map.of(), ALL);

        assertEquals(List.of("Compose a travel blog post.", "  Translate: Bonjour  ", "Answer from the passage."),
                entries.stream().map(DatasetEntry::text).toList(), "first turns, unchanged; rows 83-85 skipped");
        assertEquals(List.of("spec_bench-0", "spec_bench-1", "spec_bench-5"),
                entries.stream().map(DatasetEntry::conversationId).toList(), "ids count the file's rows");
        for (DatasetEntry entry : entries) {
            assertEquals(DatasetEntry.UNSET, entry.maxTokens(), "the run's output setting applies");
            assertTrue(entry.images().isEmpty());
        }
    }

    @Test
    void downloadedOnceThenCachedThenReadOfflineWithoutARequest() {
        github.raw(PATH, QUESTIONS.getBytes(StandardCharsets.UTF_8));

        List<DatasetEntry> first = load(Map.of("HF_TOKEN", "hf_secret"), ALL);
        assertEquals(1, github.requests().size(), github.requests().toString());
        assertNull(github.requests().get(0).authorization(), "the Hub token never leaves for another host");

        assertEquals(first, load(Map.of(), ALL), "a second run reads the cache");
        assertEquals(first, load(Map.of("HF_HUB_OFFLINE", "1"), ALL), "offline reads the cache");
        assertEquals(1, github.requests().size(), "no request after the first download");
        try (Stream<Path> files = Files.walk(cache.resolve("urls"))) {
            assertEquals(List.of("question.jsonl"), files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString()).toList(), "one cached file, no leftovers");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aLimitStopsAtTheFirstEntries() {
        github.raw(PATH, QUESTIONS.getBytes(StandardCharsets.UTF_8));

        List<DatasetEntry> entries = load(Map.of(), new PublicDatasetSelection(SamplingStrategy.SEQUENTIAL, 0, 2, -1));

        assertEquals(List.of("spec_bench-0", "spec_bench-1"), entries.stream().map(DatasetEntry::conversationId).toList());
    }

    @Test
    void aTruncatedDownloadIsOneLineAndLeavesNothingThatLooksComplete() throws Exception {
        github.raw(PATH, QUESTIONS.repeat(200).getBytes(StandardCharsets.UTF_8)).cutShort(PATH);

        UserInputException e = assertThrows(UserInputException.class, () -> load(Map.of(), ALL));

        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith("dataset spec_bench (" + github.url(PATH) + "): the download of"
                + " question.jsonl of spec_bench broke off"), e.getMessage());
        assertTrue(e.getMessage().contains("run again"), e.getMessage());
        try (Stream<Path> files = Files.walk(cache)) {
            assertFalse(files.anyMatch(Files::isRegularFile), "no partial file is kept");
        }
    }

    @Test
    void aMissingFileIsOneLineNamingTheUrlAndTheVariable() {
        UserInputException e = assertThrows(UserInputException.class, () -> load(Map.of(), ALL));

        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("has no question.jsonl of spec_bench at " + github.url(PATH)), e.getMessage());
        assertTrue(e.getMessage().endsWith("check " + SpecBench.URL_VARIABLE + " (unset, the file AIPerf reads is used)"),
                e.getMessage());
    }

    @Test
    void offlineWithoutACacheIsOneLineAndNoRequest() {
        github.raw(PATH, QUESTIONS.getBytes(StandardCharsets.UTF_8));

        UserInputException e = assertThrows(UserInputException.class,
                () -> load(Map.of("HF_HUB_OFFLINE", "1"), ALL));

        assertTrue(e.getMessage().startsWith("dataset spec_bench (" + github.url(PATH) + "): offline and"
                + " question.jsonl of spec_bench is not cached"), e.getMessage());
        assertEquals(List.of(), github.requests());
    }

    @Test
    void withoutTheVariableAIPerfsPinnedFileIsRead() {
        assertEquals(SpecBench.DEFAULT_URL, SpecBench.url(Map.of()).toString());
        assertTrue(SpecBench.DEFAULT_URL.contains("fd2c1cd7d2201ef71db4c5f4e455008f017967bf"));
        assertEquals(github.url(PATH), SpecBench.url(Map.of(SpecBench.URL_VARIABLE, " " + github.url(PATH) + " "))
                .toString());
    }
}
