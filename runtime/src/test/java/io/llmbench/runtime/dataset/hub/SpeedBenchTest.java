package io.llmbench.runtime.dataset.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.annotations.Datasets;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.DatasetEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEED-Bench read from a config resolved as AIPerf caches it, under AIPerf's names. */
class SpeedBenchTest {

    private static final PublicDatasetSelection ALL = new PublicDatasetSelection(SamplingStrategy.SEQUENTIAL, 0, -1,
            -1);

    @TempDir
    Path dir;

    private static String id(char c) {
        return String.valueOf(c).repeat(32);
    }

    private static String row(String id, String category, String... messages) {
        StringBuilder json = new StringBuilder("{\"question_id\":\"" + id + "\",\"category\":\"" + category
                + "\",\"messages\":[");
        for (int i = 0; i < messages.length; i += 2) {
            json.append(i == 0 ? "" : ",").append("{\"role\":\"").append(messages[i]).append("\",\"content\":\"")
                    .append(messages[i + 1]).append("\"}");
        }
        return json.append("]}\n").toString();
    }

    /** A resolved qualitative config: a coding row of two turns, a math row, a coding row with a system turn. */
    private Path qualitative(Path cacheRoot) throws IOException {
        Path file = cacheRoot.resolve("speed-bench").resolve("qualitative.jsonl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, row(id('a'), "coding", "user", "Write a sort.", "user", "Now in C.")
                + row(id('b'), "math", "user", "What is 2+2?")
                + "\n"
                + row(id('c'), "coding", "system", "You are terse.", "user", "Reverse a list."));
        return file;
    }

    @Test
    void everyNameOfAIPerfResolvesToItsConfigAndCategoryAndTheProcessorKnowsIt() {
        assertEquals(new SpeedBench.Selector("qualitative", null), SpeedBench.selector("speed_bench"));
        assertEquals(new SpeedBench.Selector("qualitative", null), SpeedBench.selector("speed_bench_qualitative"));
        assertEquals(new SpeedBench.Selector("qualitative", "coding"), SpeedBench.selector("speed_bench_coding"));
        assertEquals(new SpeedBench.Selector("throughput_8k", null), SpeedBench.selector("speed_bench_throughput_8k"));
        assertEquals(new SpeedBench.Selector("throughput_32k", "high_entropy"),
                SpeedBench.selector("speed_bench_throughput_32k_high_entropy"));
        assertNull(SpeedBench.selector("speed_bench_throughput_4k"));
        assertNull(SpeedBench.selector("speed_bench_poetry"));
        assertNull(SpeedBench.selector("sharegpt"));
        // speed_bench, the qualitative config, 11 categories, 5 throughput configs, 15 of their categories.
        assertEquals(1 + 1 + 11 + 5 + 15, SpeedBench.names().size(), SpeedBench.names().toString());
        assertTrue(Datasets.NAMES.containsAll(SpeedBench.names()), "valid in @LlmBenchmark(dataset)");
        assertTrue(SpeedBench.names().stream().allMatch(PublicDatasetLoader::loads));
    }

    @Test
    void aCategoryKeepsItsRowsInOrderEachMessageATurnUnderItsOwnRole() throws IOException {
        qualitative(dir);

        List<DatasetEntry> entries = SpeedBench.load("speed_bench_coding", SpeedBench.selector("speed_bench_coding"),
                ALL, dir, dir.resolve("elsewhere"));

        assertEquals(List.of("Write a sort.", "Now in C.", "You are terse.", "Reverse a list."),
                entries.stream().map(DatasetEntry::text).toList());
        assertEquals(List.of(id('a'), id('a'), id('c'), id('c')),
                entries.stream().map(DatasetEntry::conversationId).toList());
        assertEquals(List.of(0, 1, 0, 1), entries.stream().map(DatasetEntry::turnIndex).toList());
        assertEquals(List.of("user", "user", "system", "user"), entries.stream().map(DatasetEntry::role).toList(),
                "a leading system message stays a turn of its own, as AIPerf keeps it");
        assertEquals(5, SpeedBench.load("speed_bench", SpeedBench.selector("speed_bench"), ALL, dir, dir).size(),
                "the whole config: every row");
    }

    @Test
    void aFileAIPerfResolvedInTheWorkingDirectoryIsReadWhenLlmbenchsCacheHasNone() throws IOException {
        Path aiperfCache = dir.resolve("work").resolve(".cache").resolve("aiperf").resolve("datasets");
        Path file = qualitative(aiperfCache);
        assertEquals(List.of(dir.resolve("cache").resolve("speed-bench").resolve("qualitative.jsonl"),
                dir.resolve("cache").resolve("speed-bench").resolve("qualitative.parquet"), file,
                dir.resolve("work").resolve("data").resolve("speed").resolve("qualitative").resolve("test.parquet")),
                SpeedBench.candidates("qualitative", dir.resolve("cache"), dir.resolve("work")));

        List<DatasetEntry> math = SpeedBench.load("speed_bench_math", SpeedBench.selector("speed_bench_math"), ALL,
                dir.resolve("cache"), dir.resolve("work"));

        assertEquals(List.of("What is 2+2?"), math.stream().map(DatasetEntry::text).toList());
    }

    /**
     * NVIDIA's prepare_data.py output, as Model-Optimizer writes it by default:
     * {@code data/speed/<config>/test.parquet} with SPEED-Bench's columns, {@code turns} a list of texts.
     */
    private Path prepared(Path workingDirectory, String... rows) throws Exception {
        Path file = workingDirectory.resolve("data").resolve("speed").resolve("qualitative").resolve("test.parquet");
        Files.createDirectories(file.getParent());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(question_id VARCHAR, category VARCHAR, turns VARCHAR[], source VARCHAR,"
                    + " src_id VARCHAR)");
            for (String row : rows) {
                s.execute("INSERT INTO t VALUES (" + row + ")");
            }
            s.execute("COPY t TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        return file;
    }

    @Test
    void theParquetNvidiasPrepareScriptWritesIsReadEachTurnAUserTurn() throws Exception {
        Path work = dir.resolve("work");
        prepared(work, "'" + id('a') + "', 'coding', ['Write a sort.', 'Now in C.'], 'x', 'x_1'",
                "'" + id('b') + "', 'math', ['What is 2+2?'], 'y', 'y_2'");

        List<DatasetEntry> coding = SpeedBench.load("speed_bench_coding", SpeedBench.selector("speed_bench_coding"),
                ALL, dir.resolve("cache"), work);

        assertEquals(List.of("Write a sort.", "Now in C."), coding.stream().map(DatasetEntry::text).toList());
        assertEquals(List.of("user", "user"), coding.stream().map(DatasetEntry::role).toList());
        assertEquals(List.of(0, 1), coding.stream().map(DatasetEntry::turnIndex).toList());
        assertEquals(id('a'), coding.get(0).conversationId());
    }

    @Test
    void aPreparedParquetWithAPlaceholderLeftIsRefusedNamingTheRow() throws Exception {
        Path work = dir.resolve("work");
        Path file = prepared(work, "'" + id('a') + "', 'coding', ['Write a sort.'], 'x', 'x_1'",
                "'" + id('b') + "', 'math', ['" + SpeedBench.PLACEHOLDER + "\n\n{question}'], 'y', 'y_2'");

        UserInputException e = assertThrows(UserInputException.class, () -> SpeedBench.load("speed_bench_coding",
                SpeedBench.selector("speed_bench_coding"), ALL, dir.resolve("cache"), work));

        assertTrue(e.getMessage().contains(file + " row 1: message 0 is still SPEED-Bench's placeholder"),
                "NVIDIA keeps the template after the placeholder; any category: " + e.getMessage());
    }

    @Test
    void randomSamplingDrawsWholeRowsAndARowDrawnTwiceIsASessionOfItsOwn() throws IOException {
        qualitative(dir);
        List<DatasetEntry> entries = SpeedBench.load("speed_bench_coding", SpeedBench.selector("speed_bench_coding"),
                new PublicDatasetSelection(SamplingStrategy.RANDOM, 7, 6, -1), dir, dir);

        List<String> ids = entries.stream().map(DatasetEntry::conversationId).distinct().toList();
        assertEquals(6, ids.size(), "6 sessions drawn from 2 rows: " + entries);
        assertEquals(12, entries.size(), "each with both its turns");
        assertTrue(ids.stream().anyMatch(id -> id.contains("#")), ids.toString());
    }

    @Test
    void noResolvedConfigIsOneLineSayingWhereItWasLookedForAndHowToHaveOne() {
        UserInputException e = assertThrows(UserInputException.class, () -> SpeedBench.load("speed_bench_throughput_1k_mixed",
                SpeedBench.selector("speed_bench_throughput_1k_mixed"), ALL, dir.resolve("cache"), dir));
        String message = e.getMessage();
        assertEquals(1, message.lines().count(), message);
        for (String needed : List.of("'throughput_1k' config", "cais/hle", "HF_TOKEN",
                "python prepare_data.py --config throughput_1k",
                "aiperf profile --public-dataset speed_bench_throughput_1k",
                dir.resolve("cache").resolve("speed-bench").resolve("throughput_1k.jsonl").toString(),
                "docs/public-datasets.md")) {
            assertTrue(message.contains(needed), needed + ": " + message);
        }
    }

    @Test
    void aPlaceholderLeftOrAMalformedRowRefusesTheWholeFileNamingTheLine() throws IOException {
        Path file = qualitative(dir);
        Files.writeString(file, row(id('d'), "math", "user", SpeedBench.PLACEHOLDER), java.nio.file.StandardOpenOption.APPEND);
        UserInputException placeholder = assertThrows(UserInputException.class, () -> SpeedBench.load("speed_bench_coding",
                SpeedBench.selector("speed_bench_coding"), ALL, dir, dir));
        assertTrue(placeholder.getMessage().contains(file + " line 5: message 0 is still SPEED-Bench's placeholder"),
                "even in a row of another category: " + placeholder.getMessage());

        Files.writeString(file, row("short", "math", "user", "Hi"));
        assertTrue(assertThrows(UserInputException.class, () -> SpeedBench.load("speed_bench", SpeedBench.selector(
                "speed_bench"), ALL, dir, dir)).getMessage().contains("line 1: question_id must be a string of 32"));
        Files.writeString(file, row(id('e'), "math"));
        assertTrue(assertThrows(UserInputException.class, () -> SpeedBench.load("speed_bench", SpeedBench.selector(
                "speed_bench"), ALL, dir, dir)).getMessage().contains("messages must be a non-empty array"));
        Files.writeString(file, row(id('e'), "poetry", "user", "A verse."));
        assertTrue(assertThrows(UserInputException.class, () -> SpeedBench.load("speed_bench_math", SpeedBench.selector(
                "speed_bench_math"), ALL, dir, dir)).getMessage().contains("no row of category 'math'"));
    }

    @Test
    void aSpeedBenchCategoryRunsAsMultiTurnSessionsEndToEnd() throws Exception {
        qualitative(dir);
        try (ThroughMain main = new ThroughMain()) {
            int exit = main.run(Map.of("LLMBENCH_CACHE", dir.toString(), "HF_HUB_OFFLINE", "1"), "profile",
                    "--url", main.url(), "--model", "m", "--public-dataset", "speed_bench_coding", "--request-count",
                    "4", "--tokenizer", "cl100k_base", "--artifact-dir", dir.resolve("out").toString());

            assertEquals(0, exit, main.stderr());
            List<JsonNode> requests = main.requests();
            assertEquals(4, requests.size(), requests.toString());
            assertEquals("Write a sort.", ThroughMain.firstText(requests.get(0)));
            JsonNode second = requests.get(1).path("messages");
            assertEquals(3, second.size(), "the second turn carries the first and its answer: " + second);
            assertEquals("Now in C.", second.path(2).path("content").asText());
            assertEquals("system", requests.get(2).path("messages").path(0).path("role").asText());
            assertNotEquals("", main.stdout());
        }
    }
}
