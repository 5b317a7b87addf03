package io.llmbench.runtime.dataset.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.metrics.WhitespaceTokenizer;
import io.llmbench.runtime.token.HubFileFetcher;
import io.llmbench.runtime.token.HubSettings;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicDatasetLoaderTest {

    private static final PublicDatasetSelection ALL = new PublicDatasetSelection(SamplingStrategy.SEQUENTIAL, 0, -1, -1);

    @TempDir
    Path temp;

    private FakeHub hub;
    private Path cache;

    @BeforeEach
    void startHub() throws Exception {
        hub = new FakeHub();
        cache = temp.resolve("cache");
    }

    @AfterEach
    void stopHub() throws Exception {
        hub.close();
    }

    private List<DatasetEntry> load(String name, Map<String, String> extraEnv, PublicDatasetSelection selection) {
        Map<String, String> env = new HashMap<>();
        env.put("HF_ENDPOINT", hub.endpoint());
        env.put("HF_HOME", temp.resolve("hf-home").toString());
        env.putAll(extraEnv);
        HubSettings settings = HubSettings.fromEnvironment(env, cache);
        return new PublicDatasetLoader(new HubFileFetcher(settings)).load(name, selection, new WhitespaceTokenizer());
    }

    private List<DatasetEntry> load(String name, PublicDatasetSelection selection, List<String> notes) {
        Map<String, String> env = Map.of("HF_ENDPOINT", hub.endpoint(), "HF_HOME", temp.resolve("hf-home").toString());
        HubSettings settings = HubSettings.fromEnvironment(env, cache);
        return new PublicDatasetLoader(new HubFileFetcher(settings), env, notes::add).load(name, selection,
                new WhitespaceTokenizer());
    }

    private List<DatasetEntry> load(String name) {
        return load(name, Map.of(), ALL);
    }

    static List<Fixtures.MmstarRow> mmstarRows() throws Exception {
        return List.of(
                new Fixtures.MmstarRow("Which colour fills the picture?\nOptions: A: red, B: blue",
                        Fixtures.encode(Fixtures.solid(64, 48, Color.RED), "jpeg"), "A"),
                new Fixtures.MmstarRow("What is printed in cyan?", Fixtures.cmykJpeg(32, 32), "B"),
                new Fixtures.MmstarRow("Is the square transparent?", Fixtures.alphaPng(20, 20, Color.BLUE), "C"),
                new Fixtures.MmstarRow("Palette question", Fixtures.paletteImage(10, 12, Color.GREEN, "png"), "D"),
                new Fixtures.MmstarRow("Animated question", Fixtures.paletteImage(8, 8, Color.RED, "gif"), "A"));
    }

    private void serveMmstar() throws Exception {
        hub.file("Lin-Chen/MMStar", "main", "README.md", "# MMStar".getBytes(StandardCharsets.UTF_8))
                .file("Lin-Chen/MMStar", "main", "mmstar.parquet", Fixtures.mmstarParquet(temp, mmstarRows()));
    }

    @Test
    void mmstarIsResolvedDownloadedCachedThenReadOfflineWithoutARequest() throws Exception {
        serveMmstar();
        List<DatasetEntry> entries = load("mmstar");

        List<Fixtures.MmstarRow> rows = mmstarRows();
        assertEquals(rows.size(), entries.size());
        for (int i = 0; i < rows.size(); i++) {
            DatasetEntry entry = entries.get(i);
            assertEquals("mmstar-" + i, entry.conversationId(), "rows are kept in order");
            assertEquals(rows.get(i).question(), entry.text());
            assertEquals(rows.get(i).answer(), entry.expectedAnswer(), "the answer is kept with the entry");
            assertEquals(1, entry.images().size());
            BufferedImage image = ImageTranscoderTest.decodeDataUrl(entry.images().get(0).dataUrl());
            BufferedImage original = ImageTranscoder.decode(rows.get(i).image());
            assertEquals(original.getWidth(), image.getWidth());
            assertEquals(original.getHeight(), image.getHeight());
        }
        assertEquals(List.of("/api/datasets/Lin-Chen/MMStar/tree/main", "/datasets/Lin-Chen/MMStar/resolve/main/mmstar.parquet"),
                hub.received());
        try (Stream<Path> files = Files.walk(cache)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")), "no partial file is left");
        }

        int before = hub.received().size();
        List<DatasetEntry> offline = load("mmstar", Map.of("HF_HUB_OFFLINE", "1"), ALL);
        assertEquals(entries, offline, "the cached copy gives the same entries");
        List<DatasetEntry> again = load("mmstar");
        assertEquals(entries, again);
        assertEquals(before, hub.received().size(), "neither the offline nor the cached run asked the Hub");
    }

    @Test
    void theParquetBranchIsUsedWhenMainHoldsNoDataFiles() throws Exception {
        hub.file("AI-MO/NuminaMath-TIR", "main", "README.md", new byte[] {'#'})
                .file("AI-MO/NuminaMath-TIR", "refs/convert/parquet", "default/train/0000.parquet",
                        Fixtures.textParquet(temp, "problem", List.of("What is 1+1?", "", "Solve x^2=4.")))
                .file("AI-MO/NuminaMath-TIR", "refs/convert/parquet", "default/test/0000.parquet",
                        Fixtures.textParquet(temp, "problem", List.of("not this split")));
        List<DatasetEntry> entries = load("aimo");
        assertEquals(List.of("What is 1+1?", "Solve x^2=4."), entries.stream().map(DatasetEntry::text).toList(),
                "the empty prompt is skipped and the test split is not read");
        assertTrue(hub.received().contains("/api/datasets/AI-MO/NuminaMath-TIR/tree/refs/convert/parquet"),
                hub.received().toString());
        assertTrue(hub.received().contains(
                "/datasets/AI-MO/NuminaMath-TIR/resolve/refs/convert/parquet/default/train/0000.parquet"));
        assertTrue(hub.receivedRaw().contains(
                "/datasets/AI-MO/NuminaMath-TIR/resolve/refs%2Fconvert%2Fparquet/default/train/0000.parquet"),
                "the branch name is sent as one escaped path segment, as the Hub takes it: " + hub.receivedRaw());
    }

    @Test
    void splitFilesOfMainAreFoundByTheHubsNamingAndTemplatesFilled() throws Exception {
        String rows = "{\"code\": \"x = 1\", \"change_request\": \"rename x to y\"}\n"
                + "{\"code\": \"print(2)\", \"change_request\": \"print 3\"}\n";
        hub.file("vdaita/edit_5k_char", "main", "data/train-00000-of-00001.jsonl", rows.getBytes(StandardCharsets.UTF_8))
                .file("vdaita/edit_5k_char", "main", "data/test-00000-of-00001.jsonl", "{}".getBytes(StandardCharsets.UTF_8));
        List<DatasetEntry> entries = load("blazedit_5k");
        assertEquals(2, entries.size());
        assertTrue(entries.get(0).text().startsWith("Given a code file, please apply the change requests"));
        assertTrue(entries.get(0).text().contains("```python\nx = 1\n```\n\nChange request:\nrename x to y\n"),
                entries.get(0).text());
    }

    @Test
    void shareGptKeepsTheFirstPairThatPassesVllmsFilterAndAsksForTheReplysLength() throws Exception {
        String json = "["
                + "{\"id\": \"a\", \"conversations\": [{\"from\": \"human\", \"value\": \"tell me four short words\"},"
                + " {\"from\": \"gpt\", \"value\": \"one two three four five\"}, {\"from\": \"human\", \"value\": \"x\"}]},"
                + "{\"id\": \"b\", \"conversations\": [{\"from\": \"human\", \"value\": \"too short\"},"
                + " {\"from\": \"gpt\", \"value\": \"a long enough reply here\"}]},"
                + "{\"id\": \"c\", \"conversations\": [{\"from\": \"human\", \"value\": \"only one message\"}]},"
                + "{\"id\": \"d\", \"conversations\": [{\"from\": \"gpt\", \"value\": \"system hello there friend\"},"
                + " {\"from\": \"human\", \"value\": \"a prompt of five words\"}, {\"from\": \"gpt\", \"value\": \"ok ok ok ok\"}]}"
                + "]";
        hub.file("anon8231489123/ShareGPT_Vicuna_unfiltered", "main", "ShareGPT_V3_unfiltered_cleaned_split.json",
                json.getBytes(StandardCharsets.UTF_8));
        List<DatasetEntry> entries = load("sharegpt");
        assertEquals(List.of("tell me four short words", "a prompt of five words"),
                entries.stream().map(DatasetEntry::text).toList());
        assertEquals(List.of(5, 4), entries.stream().map(DatasetEntry::maxTokens).toList(),
                "max_tokens is the reply's length in tokens");
    }

    @Test
    void mmvuSendsTheQuestionWithItsChoicesAndTheVideoUrl() throws Exception {
        String row = "{\"question\": \"What happens?\", \"choices\": {\"A\": \"falls\", \"B\": \"rises\", \"C\": \"\"},"
                + " \"video\": \"https://example.org/v/1.mp4\", \"answer\": \"A\"}\n";
        hub.file("yale-nlp/MMVU", "main", "validation.jsonl", row.getBytes(StandardCharsets.UTF_8));
        DatasetEntry entry = load("mmvu").get(0);
        assertEquals("What happens? A.falls B.rises", entry.text());
        assertEquals(List.of("https://example.org/v/1.mp4"), entry.videos());
        assertEquals("A", entry.expectedAnswer());
    }

    @Test
    void gatedDatasetWithoutATokenSaysToSetHfToken() throws Exception {
        hub.gated("lmarena-ai/VisionArena-Chat", "secret")
                .file("lmarena-ai/VisionArena-Chat", "main", "data/train-0.parquet", new byte[] {1});
        UserInputException e = assertThrows(UserInputException.class, () -> load("vision_arena"));
        assertTrue(e.getMessage().contains("HF_TOKEN"), e.getMessage());
        assertTrue(e.getMessage().contains("401"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void gatedDatasetWithItsTokenLoadsTheFirstUserMessageAndImage() throws Exception {
        byte[] png = Fixtures.encode(Fixtures.solid(8, 8, Color.RED), "png");
        Path file = temp.resolve("arena.parquet");
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var s = c.createStatement()) {
            s.execute("CREATE TABLE t(conversation STRUCT(role VARCHAR, content VARCHAR)[][],"
                    + " images STRUCT(bytes BLOB, path VARCHAR)[])");
            try (var insert = c.prepareStatement("INSERT INTO t VALUES ([[{'role': 'user', 'content': 'Describe <image> this'}],"
                    + " [{'role': 'assistant', 'content': 'A red square'}]], [{'bytes': ?::BLOB, 'path': NULL}])")) {
                insert.setBytes(1, png);
                insert.executeUpdate();
            }
            s.execute("COPY t TO '" + file + "' (FORMAT parquet)");
        }
        hub.gated("lmarena-ai/VisionArena-Chat", "secret")
                .file("lmarena-ai/VisionArena-Chat", "main", "data/train-00000-of-00001.parquet", Files.readAllBytes(file));
        List<DatasetEntry> entries = load("vision_arena", Map.of("HF_TOKEN", "secret"), ALL);
        assertEquals(1, entries.size());
        assertEquals("Describe  this", entries.get(0).text(), "the <image> placeholder is removed");
        assertEquals(8, ImageTranscoderTest.decodeDataUrl(entries.get(0).images().get(0).dataUrl()).getWidth());
    }

    @Test
    void truncatedDownloadIsOneClearErrorAndLeavesNothingThatLooksComplete() throws Exception {
        serveMmstar();
        hub.cutShort("mmstar.parquet");
        UserInputException e = assertThrows(UserInputException.class, () -> load("mmstar"));
        assertTrue(e.getMessage().contains("broke off"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        try (Stream<Path> files = Files.walk(cache)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("mmstar.parquet")),
                    "neither the file nor a partial copy is cached");
        }
    }

    @Test
    void aDamagedImageIsOneErrorNamingItsRow() throws Exception {
        hub.file("Lin-Chen/MMStar", "main", "mmstar.parquet", Fixtures.mmstarParquet(temp, List.of(
                mmstarRows().get(0), new Fixtures.MmstarRow("broken", "not an image".getBytes(StandardCharsets.UTF_8), "A"))));
        UserInputException e = assertThrows(UserInputException.class, () -> load("mmstar"));
        assertTrue(e.getMessage().startsWith("dataset mmstar (Lin-Chen/MMStar, split val): row 1: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void missingSplitNamesTheSplitsThereAre() throws Exception {
        hub.file("yale-nlp/MMVU", "main", "data/test-00000-of-00001.parquet",
                Fixtures.textParquet(temp, "question", List.of("q")));
        UserInputException e = assertThrows(UserInputException.class, () -> load("mmvu"));
        assertTrue(e.getMessage().contains("no split 'validation'"), e.getMessage());
        assertTrue(e.getMessage().contains("found: test"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void offlineASnapshotOfTheHuggingFaceCacheIsUsed() throws Exception {
        Path repo = temp.resolve("hf-home/hub/datasets--AI-MO--NuminaMath-TIR");
        Path snapshot = repo.resolve("snapshots/0123abc");
        Files.createDirectories(snapshot.resolve("data"));
        Files.write(snapshot.resolve("data/train-00000-of-00001.parquet"),
                Fixtures.textParquet(temp, "problem", List.of("from the HF cache")));
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs/main"), "0123abc");
        List<DatasetEntry> entries = load("aimo", Map.of("HF_HUB_OFFLINE", "1"), ALL);
        assertEquals(List.of("from the HF cache"), texts(entries));
        assertEquals(List.of(), hub.received());
    }

    @Test
    void offlineWithoutACachedCopyIsOneClearErrorWithoutARequest() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> load("mmstar", Map.of("HF_HUB_OFFLINE", "1"), ALL));
        assertTrue(e.getMessage().contains("offline"), e.getMessage());
        assertTrue(e.getMessage().contains("cache"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertEquals(List.of(), hub.received());
    }

    @Test
    void unreachableHubIsOneClearError() throws Exception {
        hub.close();
        UserInputException e = assertThrows(UserInputException.class, () -> load("mmstar"));
        assertTrue(e.getMessage().contains("cannot reach"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void samplingStrategiesOrderAndLimitTheRows() throws Exception {
        List<String> problems = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "problem " + i).toList();
        hub.file("AI-MO/NuminaMath-TIR", "main", "data/train-00000-of-00001.parquet",
                Fixtures.textParquet(temp, "problem", problems));
        List<String> sequential = texts(load("aimo", Map.of(), new PublicDatasetSelection(SamplingStrategy.SEQUENTIAL, 1, 5, -1)));
        assertEquals(problems.subList(0, 5), sequential);

        List<String> shuffled = texts(load("aimo", Map.of(), new PublicDatasetSelection(SamplingStrategy.SHUFFLE, 7, -1, -1)));
        assertEquals(new HashSet<>(problems), new HashSet<>(shuffled), "a shuffle sends every row once");
        assertEquals(20, shuffled.size());
        assertNotEquals(problems, shuffled);
        assertEquals(shuffled, texts(load("aimo", Map.of(), new PublicDatasetSelection(SamplingStrategy.SHUFFLE, 7, -1, -1))),
                "the same seed gives the same order");

        List<String> random = texts(load("aimo", Map.of(), new PublicDatasetSelection(SamplingStrategy.RANDOM, 3, 50, -1)));
        assertEquals(50, random.size(), "random draws with replacement, so more draws than rows are possible");
        assertTrue(problems.containsAll(random));
        assertFalse(random.equals(problems.subList(0, 20)));
    }

    @Test
    void theDatasetCardsConfigsChooseTheSplitsFilesWhateverTheirNames() throws Exception {
        String card = String.join("\n",
                "---",
                "license: apache-2.0",
                "configs:",
                "- config_name: default",
                "  data_files:",
                "  - split: train",
                "    path:",
                "    - \"shards/part_b.parquet\"",
                "    - \"shards/part_a*.parquet\"",
                "  - split: test",
                "    path: held_out.parquet",
                "---",
                "# NuminaMath-TIR");
        hub.file("AI-MO/NuminaMath-TIR", "main", "README.md", card.getBytes(StandardCharsets.UTF_8))
                .file("AI-MO/NuminaMath-TIR", "main", "shards/part_a1.parquet",
                        Fixtures.textParquet(temp, "problem", List.of("a1")))
                .file("AI-MO/NuminaMath-TIR", "main", "shards/part_b.parquet",
                        Fixtures.textParquet(temp, "problem", List.of("b")))
                .file("AI-MO/NuminaMath-TIR", "main", "held_out.parquet",
                        Fixtures.textParquet(temp, "problem", List.of("held out")))
                // The conventions would take this one for train: the card says otherwise.
                .file("AI-MO/NuminaMath-TIR", "main", "data/train-00000-of-00001.parquet",
                        Fixtures.textParquet(temp, "problem", List.of("decoy")));
        List<String> notes = new java.util.ArrayList<>();
        assertEquals(List.of("b", "a1"), texts(load("aimo", ALL, notes)), "the card's files, in its order");
        assertFalse(hub.received().stream().anyMatch(p -> p.endsWith("data/train-00000-of-00001.parquet")),
                hub.received().toString());
        assertEquals(List.of("Dataset files: AI-MO/NuminaMath-TIR, split train, mapped by the dataset card's configs"
                + " (default): all 2 files (shards/part_b.parquet, ...)"), notes);
    }

    @Test
    void aSubsetOfTheCardIsReadFromItsDataDir() throws Exception {
        String card = "---\nconfigs:\n- config_name: CLEVR-Math(MathV360K)\n  data_dir: CLEVR-Math(MathV360K)\n"
                + "- config_name: sharegpt4o\n  data_dir: sharegpt4o\n---\n";
        hub.file("lmms-lab/LLaVA-OneVision-Data", "main", "README.md", card.getBytes(StandardCharsets.UTF_8))
                .file("lmms-lab/LLaVA-OneVision-Data", "main", "sharegpt4o/train-00000-of-00001.parquet",
                        conversationParquet("Describe <image> the picture"))
                .file("lmms-lab/LLaVA-OneVision-Data", "main", "CLEVR-Math(MathV360K)/train-00000-of-00001.parquet",
                        conversationParquet("not this subset"));
        assertEquals(List.of("Describe  the picture"), texts(load("llava_onevision")));
    }

    @Test
    void aSubsetTheCardDoesNotHaveIsOneLineNamingThoseItHas() throws Exception {
        hub.file("lmms-lab/LLaVA-OneVision-Data", "main", "README.md",
                "---\nconfigs:\n- config_name: other\n  data_files: x.parquet\n---\n".getBytes(StandardCharsets.UTF_8));
        UserInputException e = assertThrows(UserInputException.class, () -> load("llava_onevision"));
        assertTrue(e.getMessage().contains("no subset 'sharegpt4o' in its dataset card (subsets: other)"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aSplitTheHubConvertedOnlyInPartIsReadFromItsPartialFolder() throws Exception {
        hub.file("AI-MO/NuminaMath-TIR", "main", "README.md", new byte[] {'#'})
                .file("AI-MO/NuminaMath-TIR", "refs/convert/parquet", "default/partial-train/0000.parquet",
                        Fixtures.textParquet(temp, "problem", List.of("first rows only")));
        assertEquals(List.of("first rows only"), texts(load("aimo")));
    }

    @Test
    void aSplitTheCardDoesNotMapIsOneLineNamingThoseItMaps() throws Exception {
        hub.file("yale-nlp/MMVU", "main", "README.md", ("---\nconfigs:\n- config_name: default\n  data_files:\n"
                + "  - split: dev\n    path: a.jsonl\n---\n").getBytes(StandardCharsets.UTF_8))
                .file("yale-nlp/MMVU", "main", "a.jsonl", "{\"question\": \"q\"}\n".getBytes(StandardCharsets.UTF_8));
        UserInputException e = assertThrows(UserInputException.class, () -> load("mmvu"));
        assertTrue(e.getMessage().contains("has no split 'validation' (found: dev)"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aPagedFileListIsFollowedToItsLastPage() throws Exception {
        hub.pageSize(2)
                .file("AI-MO/NuminaMath-TIR", "main", ".gitattributes", new byte[] {'#'})
                .file("AI-MO/NuminaMath-TIR", "main", "README.md", new byte[] {'#'})
                .file("AI-MO/NuminaMath-TIR", "main", "a.txt", new byte[] {'#'})
                .file("AI-MO/NuminaMath-TIR", "main", "b.txt", new byte[] {'#'})
                // Sorted last, so listed on the third page only.
                .file("AI-MO/NuminaMath-TIR", "main", "data/train-00000-of-00001.parquet",
                        Fixtures.textParquet(temp, "problem", List.of("on the last page")));
        assertEquals(List.of("on the last page"), texts(load("aimo")));
        List<FakeHub.Received> pages = hub.requests().stream().filter(r -> r.path().contains("/tree/")).toList();
        assertEquals(3, pages.size(), pages.toString());
        assertEquals("recursive=true&cursor=4", pages.get(2).query());

        int before = hub.requests().size();
        assertEquals(List.of("on the last page"), texts(load("aimo")));
        assertEquals(before, hub.requests().size(), "the merged listing is cached: no page is asked again");
    }

    @Test
    void anUnreadableCardLeavesTheConventionsToFindTheFilesAndTheRunSaysWhy() throws Exception {
        hub.file("AI-MO/NuminaMath-TIR", "main", "README.md",
                        "---\nconfigs: [unclosed\n---\n".getBytes(StandardCharsets.UTF_8))
                .file("AI-MO/NuminaMath-TIR", "main", "data/train-00000-of-00001.parquet",
                        Fixtures.textParquet(temp, "problem", List.of("found anyway")));
        List<String> notes = new java.util.ArrayList<>();
        List<DatasetEntry> entries = load("aimo", new PublicDatasetSelection(SamplingStrategy.SEQUENTIAL, 0, -1, -1, 1),
                notes);
        assertEquals(List.of("found anyway"), texts(entries));
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("found by the Hub's file naming conventions (the dataset card was not used: "
                + "its README.md front matter is not valid YAML"), notes.get(0));
    }

    @Test
    void pageLinksToThePublicHubAreFollowedOnTheConfiguredEndpoint() throws Exception {
        hub.pageSize(1).linksToPublicHub()
                .file("AI-MO/NuminaMath-TIR", "main", "README.md", new byte[] {'#'})
                .file("AI-MO/NuminaMath-TIR", "main", "data/train-00000-of-00001.parquet",
                        Fixtures.textParquet(temp, "problem", List.of("behind a mirror")));
        // Were the link followed as given, this would try huggingface.co, which tests cannot reach.
        assertEquals(List.of("behind a mirror"), texts(load("aimo")));
        List<FakeHub.Received> pages = hub.requests().stream().filter(r -> r.path().contains("/tree/")).toList();
        assertEquals(2, pages.size(), pages.toString());
        assertEquals("recursive=true&cursor=1", pages.get(1).query());
    }

    @Test
    void aSequentialRunNeedingFewRowsFetchesOnlyTheShardsThatHoldThem() throws Exception {
        serveThreeShards();
        List<String> notes = new java.util.ArrayList<>();
        List<DatasetEntry> entries = load("aimo", new PublicDatasetSelection(SamplingStrategy.SEQUENTIAL, 0, -1, -1, 3),
                notes);
        assertEquals(List.of("s0 r0", "s0 r1", "s0 r2"), texts(entries));
        assertEquals(List.of("/datasets/AI-MO/NuminaMath-TIR/resolve/main/data/train-00000-of-00003.parquet"),
                hub.received().stream().filter(p -> p.contains("/resolve/")).toList(),
                "shards 1 and 2 are never requested");
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).endsWith(": 1 of 3 files (data/train-00000-of-00003.parquet); the first 3 entries"
                + " were enough, the other 2 files were not fetched"), notes.get(0));

        List<DatasetEntry> more = load("aimo", new PublicDatasetSelection(SamplingStrategy.SEQUENTIAL, 0, -1, -1, 6),
                new java.util.ArrayList<>());
        assertEquals(List.of("s0 r0", "s0 r1", "s0 r2", "s0 r3", "s1 r0", "s1 r1"), texts(more),
                "the next run reads the cached first shard and fetches the second only");
        assertEquals(2, hub.received().stream().filter(p -> p.contains("/resolve/")).count(), hub.received().toString());
    }

    @Test
    void shuffledOrUnboundedRunsReadEveryShard() throws Exception {
        serveThreeShards();
        assertEquals(12, load("aimo", new PublicDatasetSelection(SamplingStrategy.SHUFFLE, 1, -1, -1, 3),
                new java.util.ArrayList<>()).size(), "a shuffle draws from every row");
        assertEquals(12, load("aimo", new PublicDatasetSelection(SamplingStrategy.SEQUENTIAL, 1, -1, -1, -1),
                new java.util.ArrayList<>()).size(), "a run bounded by a duration may use every row");
    }

    private void serveThreeShards() throws Exception {
        for (int shard = 0; shard < 3; shard++) {
            int s = shard;
            hub.file("AI-MO/NuminaMath-TIR", "main", "data/train-0000" + shard + "-of-00003.parquet",
                    Fixtures.textParquet(temp, "problem",
                            java.util.stream.IntStream.range(0, 4).mapToObj(r -> "s" + s + " r" + r).toList()));
        }
    }

    private byte[] conversationParquet(String userText) throws Exception {
        Path file = temp.resolve("conv-" + System.nanoTime() + ".parquet");
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var s = c.createStatement()) {
            s.execute("CREATE TABLE t(conversations STRUCT(\"from\" VARCHAR, \"value\" VARCHAR)[],"
                    + " image STRUCT(bytes BLOB, path VARCHAR))");
            try (var insert = c.prepareStatement("INSERT INTO t VALUES ([{'from': 'human', 'value': ?},"
                    + " {'from': 'gpt', 'value': 'ok'}], {'bytes': ?::BLOB, 'path': NULL})")) {
                insert.setString(1, userText);
                insert.setBytes(2, Fixtures.encode(Fixtures.solid(4, 4, Color.RED), "png"));
                insert.executeUpdate();
            }
            s.execute("COPY t TO '" + file + "' (FORMAT parquet)");
        }
        return Files.readAllBytes(file);
    }

    private static List<String> texts(List<DatasetEntry> entries) {
        return entries.stream().map(DatasetEntry::text).toList();
    }
}
