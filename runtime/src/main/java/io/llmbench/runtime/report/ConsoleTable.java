package io.llmbench.runtime.report;

import io.llmbench.runtime.metrics.ErrorCount;
import io.llmbench.runtime.metrics.MetricKind;
import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.metrics.Statistics;
import io.llmbench.runtime.metrics.TokenCountComparison;
import java.util.ArrayList;
import java.util.List;

/**
 * The console report of a run: the metric table ({@code llmbench | LLM Metrics}, columns
 * {@code Metric | avg | min | max | p99 | p90 | p50 | std}, rows in the order of
 * {@link MetricTag#consoleRows()}, rows that do not apply to the run left out), a note when the
 * client's and the server's token counts disagree, and an error table when requests failed. Column
 * widths come from the data; numbers are printed in {@link java.util.Locale#ROOT}.
 */
public final class ConsoleTable {

    /** The metric table's title. */
    public static final String TITLE = ToolInfo.NAME + " | LLM Metrics";

    /** The metric table's title for an endpoint type (embeddings and rankings have their own). */
    public static String title(io.llmbench.annotations.EndpointType type) {
        return switch (type) {
            case EMBEDDINGS -> ToolInfo.NAME + " | Embeddings Metrics";
            case NIM_RANKINGS, HF_TEI_RANKINGS, COHERE_RANKINGS -> ToolInfo.NAME + " | Rankings Metrics";
            default -> TITLE;
        };
    }

    /** The error table's title. */
    public static final String ERROR_TITLE = ToolInfo.NAME + " | Error Summary";

    /** The metric table's header. */
    public static final List<String> COLUMNS = List.of("Metric", "avg", "min", "max", "p99", "p90", "p50", "std");

    private ConsoleTable() {
    }

    /** The whole console report: metric table, token count note if any, error table if any. */
    public static String render(RunSummary summary) {
        StringBuilder out = new StringBuilder(renderMetrics(summary));
        String note = renderTokenCountNote(summary.tokenCounts()) + renderMissingUsageNote(summary);
        if (!note.isEmpty()) {
            out.append('\n').append(note);
        }
        String errors = renderErrors(summary);
        if (!errors.isEmpty()) {
            out.append('\n').append(errors);
        }
        return out.toString();
    }

    /** The metric table. */
    public static String renderMetrics(RunSummary summary) {
        List<List<String>> rows = new ArrayList<>();
        for (MetricTag tag : MetricTag.consoleRows()) {
            if (summary.applies(tag)) {
                rows.add(row(summary, tag));
            }
        }
        boolean[] rightAligned = {false, true, true, true, true, true, true, true};
        return TITLE + '\n' + TextTable.layout(COLUMNS, rows, rightAligned);
    }

    private static List<String> row(RunSummary summary, MetricTag tag) {
        List<String> row = new ArrayList<>(COLUMNS.size());
        row.add(tag.label());
        if (tag.kind() == MetricKind.RUN_LEVEL) {
            row.add(DisplayNumbers.grouped(summary.runLevel(tag).orElse(Double.NaN)));
            for (int i = 2; i < COLUMNS.size(); i++) {
                row.add(DisplayNumbers.NOT_AVAILABLE);
            }
            return row;
        }
        Statistics s = summary.statistics(tag).orElse(null);
        if (s == null) {
            for (int i = 1; i < COLUMNS.size(); i++) {
                row.add(DisplayNumbers.NOT_AVAILABLE);
            }
            return row;
        }
        for (double value : new double[] {s.avg(), s.min(), s.max(), s.p99(), s.p90(), s.p50(), s.std()}) {
            row.add(DisplayNumbers.grouped(value));
        }
        return row;
    }

    /**
     * One line per disagreeing count, e.g. {@code Output tokens: client tokenizer 12,345, server
     * usage 12,400 (+55, +0.45%) over 100 requests}; empty when they agree or the server reported none.
     */
    public static String renderTokenCountNote(TokenCountComparison counts) {
        StringBuilder out = new StringBuilder();
        if (counts.outputDiffers()) {
            out.append(mismatch("Output tokens", counts.clientOutputTokens(), counts.serverCompletionTokens(),
                    counts.requestsWithCompletionUsage()));
        }
        if (counts.inputDiffers()) {
            out.append(mismatch("Input tokens", counts.clientInputTokens(), counts.serverPromptTokens(),
                    counts.requestsWithPromptUsage()));
        }
        return out.toString();
    }

    /**
     * With {@code --use-server-token-count}, the requests whose server reported no usage, which
     * therefore have no token counts; empty otherwise.
     */
    public static String renderMissingUsageNote(RunSummary summary) {
        TokenCountComparison counts = summary.tokenCounts();
        long valid = summary.requestCount();
        long without = valid - Math.min(counts.requestsWithCompletionUsage(), counts.requestsWithPromptUsage());
        if (counts.clientCounted() || without <= 0) {
            return "";
        }
        return "Token counts from server usage: " + DisplayNumbers.groupedInteger(without) + " of "
                + DisplayNumbers.groupedInteger(valid) + " requests reported no usage and have no token counts"
                + " (without --use-server-token-count the client's tokenizer counts them)\n";
    }

    private static String mismatch(String what, long client, long server, long requests) {
        long diff = server - client;
        String sign = diff >= 0 ? "+" : "";
        String percent = client == 0 ? "" : ", " + sign + DisplayNumbers.grouped(100.0 * diff / client) + "%";
        return what + ": client tokenizer " + DisplayNumbers.groupedInteger(client) + ", server usage "
                + DisplayNumbers.groupedInteger(server) + " (" + sign + DisplayNumbers.groupedInteger(diff) + percent
                + ") over " + DisplayNumbers.groupedInteger(requests) + " requests\n";
    }

    /** The error table (type, HTTP status, message, count), or an empty string when nothing failed. */
    public static String renderErrors(RunSummary summary) {
        if (summary.errors().isEmpty()) {
            return "";
        }
        List<List<String>> rows = new ArrayList<>();
        for (ErrorCount error : summary.errors()) {
            rows.add(List.of(error.type().exportName(),
                    error.code() == 0 ? DisplayNumbers.NOT_AVAILABLE : Integer.toString(error.code()),
                    oneLine(error.message()), DisplayNumbers.groupedInteger(error.count())));
        }
        boolean[] rightAligned = {false, true, false, true};
        return ERROR_TITLE + '\n' + TextTable.layout(List.of("Type", "Code", "Message", "Count"), rows, rightAligned);
    }

    private static String oneLine(String message) {
        String line = message.replaceAll("\\s+", " ").strip();
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
