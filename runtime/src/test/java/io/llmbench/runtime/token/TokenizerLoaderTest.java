package io.llmbench.runtime.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.UserInputException;
import java.io.IOException;
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

class TokenizerLoaderTest {

    private static final String MODEL = "test-org/tiny-model";
    private static final String RESOLVE_PATH = "/" + MODEL + "/resolve/main/tokenizer.json";
    private static final List<String> WORDS = List.of("alpha", "beta", "gamma");

    @TempDir
    Path temp;

    private Path cache;
    private Map<String, String> env;
    private byte[] tokenizerJson;
    private LocalHub hub;

    @BeforeEach
    void setUp() throws Exception {
        cache = temp.resolve("cache");
        tokenizerJson = TokenizerFixtures.wordLevelJson(WORDS).getBytes(StandardCharsets.UTF_8);
        hub = new LocalHub();
        env = new HashMap<>();
        env.put("HF_ENDPOINT", hub.endpoint());
        // Keep the user's own Hugging Face cache and token out of the test.
        env.put("HF_HOME", temp.resolve("hf-home").toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        hub.close();
    }

    private LoadedTokenizer load(String option, String model, boolean hubAllowed) {
        return new TokenizerLoader(env, cache).load(option, model, hubAllowed);
    }

    private Path cachedFile() {
        return cache.resolve("hub").resolve("models--test-org--tiny-model").resolve("tokenizer.json");
    }

    @Test
    void loadsALocalTokenizerJsonFile() throws IOException {
        Path file = TokenizerFixtures.writeWordLevel(temp.resolve("local"), WORDS);

        LoadedTokenizer loaded = load(file.toString(), "some/model", true);

        assertNull(loaded.notice());
        assertFalse(loaded.isFallback());
        assertEquals(file.toString(), loaded.tokenizer().name());
        assertEquals(3, loaded.tokenizer().count("alpha beta gamma"));
        assertTrue(hub.received().isEmpty(), "no request for a local file: " + hub.received());
    }

    @Test
    void loadsTheTokenizerJsonOfAFolder() throws IOException {
        Path folder = temp.resolve("model-folder");
        TokenizerFixtures.writeWordLevel(folder, WORDS);

        LoadedTokenizer loaded = load(folder.toString(), null, true);

        assertNull(loaded.notice());
        assertEquals(2, loaded.tokenizer().count("gamma alpha"));
    }

    @Test
    void aMissingPathIsAUserMistake() {
        String missing = temp.resolve("nope").resolve("tokenizer.json").toString();

        UserInputException e = assertThrows(UserInputException.class, () -> load(missing, null, true));

        assertTrue(e.getMessage().contains(missing), e.getMessage());
        assertTrue(hub.received().isEmpty());
    }

    @Test
    void aRelativeMissingPathIsAUserMistakeToo() {
        assertThrows(UserInputException.class, () -> load("./no-such-dir", null, true));
        assertThrows(UserInputException.class, () -> load("models/qwen/tokenizer.json", null, true));
    }

    @Test
    void aFolderWithoutTokenizerJsonIsAUserMistake() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("empty-folder"));

        UserInputException e = assertThrows(UserInputException.class, () -> load(folder.toString(), null, true));

        assertTrue(e.getMessage().contains("tokenizer.json"), e.getMessage());
    }

    @Test
    void aFileThatIsNoTokenizerIsAUserMistake() throws IOException {
        Path file = Files.writeString(temp.resolve("tokenizer.json"), "not json at all");

        UserInputException e = assertThrows(UserInputException.class, () -> load(file.toString(), null, true));

        assertTrue(e.getMessage().startsWith("--tokenizer " + file), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void downloadsFromTheHubOnceThenServesFromTheCacheWithoutAnyRequest() {
        hub.answer(RESOLVE_PATH, LocalHub.Answer.file(tokenizerJson));

        LoadedTokenizer first = load(null, MODEL, true);
        LoadedTokenizer second = load(null, MODEL, true);

        assertNull(first.notice());
        assertNull(second.notice());
        assertEquals(MODEL, second.tokenizer().name());
        assertEquals(3, second.tokenizer().count("alpha beta gamma"));
        assertEquals(1, hub.received().size(), "one download, then the cache: " + hub.received());
        assertEquals(RESOLVE_PATH, hub.received().get(0).path());
        assertTrue(Files.isRegularFile(cachedFile()), "cached at " + cachedFile());
    }

    @Test
    void aTokenizerOptionNamingAHubModelIsDownloaded() {
        hub.answer(RESOLVE_PATH, LocalHub.Answer.file(tokenizerJson));

        LoadedTokenizer loaded = load(MODEL, "served-name-that-is-not-on-the-hub", false);

        assertNull(loaded.notice());
        assertEquals(MODEL, loaded.tokenizer().name());
        assertEquals(1, hub.received().size());
    }

    @Test
    void sendsHfTokenAndLoadsAGatedModel() {
        hub.answer(RESOLVE_PATH, LocalHub.Answer.gated(tokenizerJson, "secret-token"));
        env.put("HF_TOKEN", "secret-token");

        LoadedTokenizer loaded = load(null, MODEL, true);

        assertNull(loaded.notice());
        assertEquals("Bearer secret-token", hub.received().get(0).authorization());
    }

    @Test
    void readsTheTokenFileOfHfHomeWhenHfTokenIsUnset() throws IOException {
        hub.answer(RESOLVE_PATH, LocalHub.Answer.gated(tokenizerJson, "from-file"));
        Files.createDirectories(temp.resolve("hf-home"));
        Files.writeString(temp.resolve("hf-home").resolve("token"), "from-file\n");

        assertNull(load(null, MODEL, true).notice());
    }

    @Test
    void unauthorizedFallsBackWithANoticeNamingHfToken() {
        hub.answer(RESOLVE_PATH, LocalHub.Answer.gated(tokenizerJson, "secret-token"));

        LoadedTokenizer loaded = load(null, MODEL, true);

        assertTrue(loaded.isFallback());
        assertNotNull(loaded.notice());
        assertTrue(loaded.notice().contains("HF_TOKEN"), loaded.notice());
        assertTrue(loaded.notice().contains("401"), loaded.notice());
        assertFalse(loaded.notice().contains("\n"), "one line: " + loaded.notice());
        assertFalse(Files.exists(cachedFile()));
    }

    @Test
    void notFoundFallsBackWithANoticeSayingHowToFixIt() {
        LoadedTokenizer loaded = load(null, MODEL, true);

        assertTrue(loaded.isFallback());
        assertEquals(FallbackTokenizer.NAME, loaded.tokenizer().name());
        assertTrue(loaded.notice().contains("fallback"), loaded.notice());
        assertTrue(loaded.notice().contains(MODEL), loaded.notice());
        assertTrue(loaded.notice().contains("--tokenizer"), loaded.notice());
        assertEquals(1, hub.received().size());
    }

    @Test
    void followsRedirectsAndSendsTheTokenToTheHubOnly() throws Exception {
        try (LocalHub cdn = new LocalHub()) {
            cdn.answer("/signed/tokenizer.json", LocalHub.Answer.file(tokenizerJson));
            hub.answer(RESOLVE_PATH, LocalHub.Answer.redirect("/api/renamed"));
            hub.answer("/api/renamed", LocalHub.Answer.redirect(cdn.endpoint() + "/signed/tokenizer.json"));
            env.put("HF_TOKEN", "secret-token");

            LoadedTokenizer loaded = load(null, MODEL, true);

            assertNull(loaded.notice());
            assertEquals(2, hub.received().size());
            assertEquals("Bearer secret-token", hub.received().get(1).authorization(), "same host keeps the token");
            assertEquals(1, cdn.received().size());
            assertNull(cdn.received().get(0).authorization(), "another host never sees the token");
        }
    }

    @Test
    void anInterruptedDownloadLeavesNothingThatLooksComplete() throws IOException {
        hub.answer(RESOLVE_PATH, LocalHub.Answer.cutShort(tokenizerJson));

        LoadedTokenizer loaded = load(null, MODEL, true);

        assertTrue(loaded.isFallback(), "notice: " + loaded.notice());
        assertFalse(Files.exists(cachedFile()));
        try (Stream<Path> files = Files.list(cachedFile().getParent())) {
            assertEquals(List.of(), files.toList(), "no partial file left behind");
        }
    }

    @Test
    void offlineModeUsesTheCacheOnly() throws IOException {
        hub.answer(RESOLVE_PATH, LocalHub.Answer.file(tokenizerJson));
        env.put("HF_HUB_OFFLINE", "1");

        LoadedTokenizer uncached = load(null, MODEL, true);

        assertTrue(uncached.isFallback());
        assertTrue(uncached.notice().contains("HF_HUB_OFFLINE"), uncached.notice());
        assertTrue(hub.received().isEmpty(), "offline: no request");

        Files.createDirectories(cachedFile().getParent());
        Files.write(cachedFile(), tokenizerJson);
        LoadedTokenizer cached = load(null, MODEL, true);

        assertNull(cached.notice());
        assertTrue(hub.received().isEmpty(), "offline: no request");
    }

    @Test
    void readsTheHuggingFaceLibrariesCacheWithoutAnyRequest() throws IOException {
        Path repo = temp.resolve("hf-home").resolve("hub").resolve("models--test-org--tiny-model");
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs").resolve("main"), "abc123");
        Files.createDirectories(repo.resolve("snapshots").resolve("abc123"));
        Files.write(repo.resolve("snapshots").resolve("abc123").resolve("tokenizer.json"), tokenizerJson);

        LoadedTokenizer loaded = load(null, MODEL, true);

        assertNull(loaded.notice());
        assertTrue(hub.received().isEmpty());
    }

    @Test
    void aModelNotAllowedOnTheHubGetsTheFallbackWithoutAnyRequest() {
        hub.answer(RESOLVE_PATH, LocalHub.Answer.file(tokenizerJson));

        LoadedTokenizer loaded = load(null, MODEL, false);

        assertTrue(loaded.isFallback());
        assertTrue(loaded.notice().contains("--tokenizer"), loaded.notice());
        assertTrue(hub.received().isEmpty());
    }

    @Test
    void tokenizerNoneIsAUserMistakeSaidInOneLineWithoutAnyRequest() {
        for (String none : new String[] {"none", "None"}) {
            UserInputException e = assertThrows(UserInputException.class, () -> load(none, MODEL, true));
            assertTrue(e.getMessage().contains("no 'none' tokenizer") && e.getMessage().contains("--offline"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        assertTrue(hub.received().isEmpty(), "nothing named none is looked up on the Hub");
    }

    @Test
    void aModelNameThatCannotBeAHubIdGetsTheFallbackWithoutAnyRequest() {
        LoadedTokenizer loaded = load(null, "llama3:8b-instruct", true);

        assertTrue(loaded.isFallback());
        assertTrue(hub.received().isEmpty());
    }

    @Test
    void aCorruptCachedFileFallsBackWithANoticeSayingToDeleteIt() throws IOException {
        Files.createDirectories(cachedFile().getParent());
        Files.writeString(cachedFile(), "{ truncated");

        LoadedTokenizer loaded = load(null, MODEL, true);

        assertTrue(loaded.isFallback());
        assertTrue(loaded.notice().contains("delete " + cachedFile()), loaded.notice());
        assertFalse(loaded.notice().contains("\n"), loaded.notice());
        assertTrue(hub.received().isEmpty(), "a cached file is trusted without asking the Hub");
    }

    @Test
    void anUnreachableHubFallsBackWithANotice() throws Exception {
        hub.close();

        long start = System.nanoTime();
        LoadedTokenizer loaded = load(null, MODEL, true);

        assertTrue(loaded.isFallback());
        assertTrue(loaded.notice().contains("cannot reach"), loaded.notice());
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "gives up quickly");
    }
}
