package io.llmbench.runtime.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download progress line: drawn on a terminal, absent otherwise (logs, CI). */
class DownloadProgressTest {

    @TempDir
    Path temp;

    private LocalHub server;
    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    private final byte[] file = new byte[300_000];

    @BeforeEach
    void start() throws Exception {
        Arrays.fill(file, (byte) 'x');
        server = new LocalHub().answer("/files/big.bin", LocalHub.Answer.file(file));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private Path download(boolean terminal) throws HubUnavailableException {
        HubSettings settings = HubSettings.fromEnvironment(Map.of("HF_HOME", temp.resolve("hf").toString()),
                temp.resolve("cache"));
        HubFileFetcher fetcher = new HubFileFetcher(settings, Duration.ofSeconds(5), Duration.ofSeconds(30),
                DownloadProgress.on(() -> terminal, new PrintStream(shown, true, StandardCharsets.UTF_8)));
        return fetcher.fetchUrl(URI.create(server.endpoint() + "/files/big.bin"), "test/big.bin", "big.bin");
    }

    @Test
    void onATerminalADownloadShowsItsProgressThenClearsTheLine() throws Exception {
        Path saved = download(true);

        String out = shown.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\r# Downloading big.bin: "), out);
        assertTrue(out.contains(" / 0.3 MB ("), "bytes of the announced total: " + out);
        assertTrue(out.endsWith("\r\033[K"), "the line is cleared once done: " + out);
        assertEquals(file.length, Files.size(saved));
    }

    @Test
    void elsewhereNothingIsPrinted() throws Exception {
        Path saved = download(false);

        assertEquals("", shown.toString(StandardCharsets.UTF_8));
        assertEquals(file.length, Files.size(saved));
    }

    @Test
    void theProgressIsDrawnAtMostEveryFifthOfASecond() {
        DownloadProgress progress = DownloadProgress.on(() -> true, new PrintStream(shown, true, StandardCharsets.UTF_8));
        for (int i = 1; i <= 1000; i++) {
            progress.update("f", i, 1000);
        }
        progress.done();

        String out = shown.toString(StandardCharsets.UTF_8);
        long lines = out.chars().filter(c -> c == '\r').count();
        assertTrue(lines >= 2 && lines < 50, "a few redraws, not one per chunk: " + lines);
    }

    @Test
    void aCacheKeyCannotLeaveTheCache() {
        HubSettings settings = HubSettings.fromEnvironment(Map.of(), temp.resolve("cache"));
        HubFileFetcher fetcher = new HubFileFetcher(settings);
        assertThrows(IllegalArgumentException.class, () -> fetcher.urlCachePath("../elsewhere.jsonl"));
        assertThrows(IllegalArgumentException.class, () -> fetcher.urlCachePath("/etc/passwd"));
        assertEquals(temp.resolve("cache").resolve("urls").resolve("a/b.jsonl"), fetcher.urlCachePath("a/b.jsonl"));
    }
}
