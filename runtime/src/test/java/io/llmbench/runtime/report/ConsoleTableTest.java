package io.llmbench.runtime.report;

import static io.llmbench.runtime.metrics.TestRecords.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.metrics.GoodputSlos;
import io.llmbench.runtime.metrics.RequestMetrics;
import io.llmbench.runtime.metrics.RunMetrics;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.metrics.TokenCountSource;
import io.llmbench.runtime.metrics.WhitespaceTokenizer;
import io.llmbench.runtime.record.ErrorType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsoleTableTest {

    private Locale saved;

    @BeforeEach
    void germanDefaultLocale() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    private static RunMetrics run(boolean streaming, String slos) {
        return new RunMetrics(new RequestMetrics(new WhitespaceTokenizer(), streaming, TokenCountSource.CLIENT),
                GoodputSlos.parse(slos));
    }

    private static List<String> metricNames(String table) {
        return table.lines().skip(3).map(line -> line.substring(0, line.indexOf(" | ")).strip()).toList();
    }

    private static String row(String table, String label) {
        return table.lines().filter(l -> l.startsWith(label + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + table));
    }

    private static List<String> cells(String row) {
        return Arrays.stream(row.split(" \\| ")).map(String::strip).toList();
    }

    @Test
    void numbersUseTwoDecimalsAndCommaGroupingWhateverTheDefaultLocale() {
        RunMetrics run = run(true, "");
        // Latency 36,158.25 ms.
        run.accept(request().content(20, "a b").endAt(36_158.25).build());
        String table = ConsoleTable.renderMetrics(run.summarize());
        assertEquals("36,158.25", cells(row(table, "Request Latency (ms)")).get(1), table);
        assertFalse(table.contains("36.158,25"), "no German grouping");
    }

    @Test
    void streamingRunListsRowsInMetricsMdOrderWithTitleAndHeader() {
        RunMetrics run = run(true, "time_to_first_token:100");
        run.accept(request().reasoning(10, "hm").content(20, "a b").content(40, " c").endAt(40).build());
        String table = ConsoleTable.renderMetrics(run.summarize());
        List<String> lines = table.lines().toList();
        assertEquals("llmbench | LLM Metrics", lines.get(0));
        assertEquals(List.of("Metric", "avg", "min", "max", "p99", "p90", "p50", "std"), cells(lines.get(1)));
        assertEquals(List.of("Time to First Token (ms)", "Time to Second Token (ms)",
                "Time to First Output Token (ms)", "Request Latency (ms)", "Inter Token Latency (ms)",
                "Output Token Throughput Per User (tokens/sec/user)", "Output Sequence Length (tokens)",
                "Input Sequence Length (tokens)", "Output Token Throughput (tokens/sec)",
                "Request Throughput (requests/sec)", "Goodput (requests/sec)", "Request Count (requests)"),
                metricNames(table));
    }

    @Test
    void nonStreamingRunLeavesOutStreamingRowsAndGoodputWithoutSlos() {
        RunMetrics run = run(false, "");
        run.accept(request().content(200, "a b c").endAt(200).build());
        String table = ConsoleTable.renderMetrics(run.summarize());
        assertEquals(List.of("Request Latency (ms)", "Output Sequence Length (tokens)",
                "Input Sequence Length (tokens)", "Output Token Throughput (tokens/sec)",
                "Request Throughput (requests/sec)", "Request Count (requests)"), metricNames(table));
    }

    @Test
    void visionRunAddsImageRowsAfterOutputTokenThroughput() {
        RunMetrics run = run(false, "");
        run.accept(request().images(2).content(200, "a b c").endAt(200).build());
        List<String> names = metricNames(ConsoleTable.renderMetrics(run.summarize()));
        int throughput = names.indexOf("Output Token Throughput (tokens/sec)");
        assertEquals("Image Throughput (images/sec)", names.get(throughput + 1));
        assertEquals("Image Latency (ms/image)", names.get(throughput + 2));
        assertEquals("Request Throughput (requests/sec)", names.get(throughput + 3));
    }

    @Test
    void runLevelRowsHaveTheirValueInAvgAndNaElsewhere() {
        RunMetrics run = run(false, "");
        run.accept(request().startAt(0).content(500, "a").endAt(500).build());
        run.accept(request().startAt(0).content(1000, "a").endAt(1000).build());
        String table = ConsoleTable.renderMetrics(run.summarize());
        assertEquals(List.of("Request Count (requests)", "2.00", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A"),
                cells(row(table, "Request Count (requests)")));
        assertEquals("2.00", cells(row(table, "Request Throughput (requests/sec)")).get(1), "2 requests / 1 s");
        List<String> latency = cells(row(table, "Request Latency (ms)"));
        assertEquals(List.of("750.00", "500.00", "1,000.00", "995.00", "950.00", "750.00", "250.00"),
                latency.subList(1, 8));
    }

    @Test
    void columnWidthsComeFromTheDataSoEveryLineIsAligned() {
        RunMetrics run = run(true, "");
        run.accept(request().content(20, "a b").content(1_234_567.5, " c").endAt(1_234_567.5).build());
        String table = ConsoleTable.renderMetrics(run.summarize());
        List<String> lines = table.lines().skip(1).toList();
        int separator = lines.get(0).indexOf(" | ");
        for (String line : lines) {
            if (!line.startsWith("-")) {
                assertEquals(separator, line.indexOf(" | "), "metric column ends at the same place:\n" + table);
            }
        }
        assertTrue(table.contains("1,234,567.50"), table);
    }

    @Test
    void errorTableListsFailuresByTypeAndStatus() {
        RunMetrics run = run(true, "");
        run.accept(request().content(10, "a").endAt(10).build());
        run.accept(request().failed(ErrorType.HTTP, 503, "Service Unavailable").build());
        run.accept(request().failed(ErrorType.HTTP, 503, "Service Unavailable").build());
        run.accept(request().notStarted().failed(ErrorType.CONNECT, 0, "Connection refused").build());
        RunSummary summary = run.summarize();
        String errors = ConsoleTable.renderErrors(summary);
        List<String> lines = errors.lines().toList();
        assertEquals("llmbench | Error Summary", lines.get(0));
        assertEquals(List.of("Type", "Code", "Message", "Count"), cells(lines.get(1)));
        assertEquals(List.of("http", "503", "Service Unavailable", "2"), cells(lines.get(3)));
        assertEquals(List.of("connect", "N/A", "Connection refused", "1"), cells(lines.get(4)));
        assertTrue(ConsoleTable.render(summary).contains(errors));
    }

    @Test
    void noErrorTableWhenNothingFailed() {
        RunMetrics run = run(true, "");
        run.accept(request().content(10, "a").endAt(10).build());
        assertEquals("", ConsoleTable.renderErrors(run.summarize()));
        assertFalse(ConsoleTable.render(run.summarize()).contains("Error Summary"));
    }

    @Test
    void tokenCountMismatchIsStatedOnlyWhenCountsDiffer() {
        RunMetrics agree = run(true, "");
        agree.accept(request().content(10, "a b").endAt(10).usage(3, 2, -1).build());
        assertFalse(ConsoleTable.render(agree.summarize()).contains("client tokenizer"));

        RunMetrics differ = run(true, "");
        differ.accept(request().content(10, "a b").endAt(10).usage(3, 2_000, -1).build());
        assertTrue(ConsoleTable.render(differ.summarize()).contains(
                "Output tokens: client tokenizer 2, server usage 2,000 (+1,998, +99,900.00%) over 1 requests"),
                ConsoleTable.render(differ.summarize()));
    }
}
