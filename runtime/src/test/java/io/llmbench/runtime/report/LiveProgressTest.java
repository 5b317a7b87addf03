package io.llmbench.runtime.report;

import static io.llmbench.runtime.metrics.TestRecords.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.metrics.GoodputSlos;
import io.llmbench.runtime.metrics.RequestMetrics;
import io.llmbench.runtime.metrics.RunMetrics;
import io.llmbench.runtime.metrics.TestRecords;
import io.llmbench.runtime.metrics.TokenCountSource;
import io.llmbench.runtime.metrics.WhitespaceTokenizer;
import io.llmbench.runtime.record.ErrorType;
import io.llmbench.runtime.record.RequestRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LiveProgressTest {

    private final RunMetrics metrics = new RunMetrics(
            new RequestMetrics(new WhitespaceTokenizer(), true, TokenCountSource.CLIENT), GoodputSlos.none());

    private void feed(LiveProgress progress) {
        for (int i = 0; i < 3; i++) {
            RequestRecord record = request().startAt(0).content(20, "a b").content(30, "c d").endAt(30).build();
            progress.accept(record, metrics.accept(record));
        }
        RequestRecord failed = request().failed(ErrorType.HTTP, 500, "boom").build();
        progress.accept(failed, metrics.accept(failed));
    }

    @Test
    void onATerminalOneLineRefreshesInPlaceWithDoneTotalRateErrorsAndLiveMetrics() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (LiveProgress progress = new LiveProgress(out, true, 10, Duration.ofMillis(20))) {
            feed(progress);
            Thread.sleep(150);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\n"), "a terminal line is rewritten with \\r, never a new line: " + text);
        assertTrue(text.contains("\r[profiling] 4/10 requests (40%)"), text);
        assertTrue(text.contains("errors 1"), text);
        assertTrue(text.contains("TTFT 20.0 ms"), "the window's mean TTFT: " + text);
        assertTrue(text.endsWith("\r"), "closing clears the line so the table starts clean: " + text);
    }

    @Test
    void withoutATerminalPlainLinesArePrinted() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (LiveProgress progress = new LiveProgress(out, false, 10, Duration.ofMillis(20))) {
            feed(progress);
            Thread.sleep(150);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), text);
        // The timer may tick before the records are fed: those first lines say nothing was received yet.
        java.util.List<String> lines = text.lines().toList();
        int first = 0;
        while (first < lines.size() && !lines.get(first).startsWith("[profiling]")) {
            assertTrue(lines.get(first).startsWith("[sending]"), text);
            first++;
        }
        java.util.List<String> fed = lines.subList(first, lines.size());
        assertTrue(fed.size() >= 2, "periodic lines: " + text);
        assertTrue(fed.stream().allMatch(l -> l.startsWith("[profiling] 4/10 requests")), text);
    }

    @Test
    void aRunThatADurationEndsShowsTheTimeElapsedOfItAndTheTimeLeftNotAnUnlimitedCount() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // As BenchmarkRunner starts it for --benchmark-duration 12: the request count is unlimited.
        OutputSettings plain = new OutputSettings(ExportLevel.RECORDS, 0, OutputSettings.ProgressMode.AUTO, false);
        try (LiveProgress progress = LiveProgress.start(plain, new PrintStream(bytes, true),
                (long) Integer.MAX_VALUE, Duration.ofSeconds(12))) {
            long now = System.nanoTime();
            // The first profiling request was scheduled 3 s ago.
            double threeSecondsAgoMs = (now - 3_000_000_000L - TestRecords.ORIGIN_NS) / 1e6;
            RequestRecord record = request().scheduledAt(threeSecondsAgoMs).startAt(threeSecondsAgoMs)
                    .content(threeSecondsAgoMs + 20, "a b").endAt(threeSecondsAgoMs + 30).build();
            progress.accept(record, metrics.accept(record));
            String line = progress.line(1, now);
            assertTrue(line.startsWith("[profiling] 1 requests, 0:03 of 0:12 (25%), 0:09 left |"), line);
            assertFalse(line.contains(Integer.toString(Integer.MAX_VALUE)), line);
        }
    }

    @Test
    void aRunWithNoRequestLimitAndNoKnownDurationShowsItsCountOnly() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (LiveProgress progress = new LiveProgress(out, true, (long) Integer.MAX_VALUE + 5,
                Duration.ofMillis(20))) {
            feed(progress);
            Thread.sleep(150);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\r[profiling] 4 requests | "), text);
        assertFalse(text.contains("2147483") || text.contains(" left"), text);
    }

    @Test
    void quietShowsNothing() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputSettings quiet = new OutputSettings(ExportLevel.RECORDS, 0, OutputSettings.ProgressMode.QUIET, false);
        try (LiveProgress progress = LiveProgress.start(quiet, new PrintStream(bytes, true), 10)) {
            feed(progress);
            Thread.sleep(50);
        }
        assertEquals(0, bytes.size());
    }
}
