package io.llmbench.runtime.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.llmbench.runtime.metrics.MetricKind;
import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.report.DisplayNumbers;
import io.llmbench.runtime.report.ResultFolder;
import io.llmbench.runtime.report.ToolInfo;
import io.llmbench.runtime.report.plot.Plot;
import io.llmbench.runtime.report.plot.PointLabels;
import java.util.Base64;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A self-contained HTML page of results: inline CSS, plots as {@code data:} URIs, no script and no
 * link to anything outside the file, so it opens anywhere without a network (and can be mailed or
 * kept as a CI artifact). One page per run (its tables, errors, plots, environment and
 * configuration) or one for several runs (a table with a row per run, and the comparison plots).
 */
public final class HtmlReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> COLUMNS = List.of("avg", "min", "max", "p99", "p90", "p50", "std");

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1000px;
            color:#222;padding:0 1rem}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
            .meta{color:#666;font-size:.9rem}
            table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}
            th,td{padding:.3rem .6rem;border-bottom:1px solid #eee;text-align:right}
            th:first-child,td:first-child{text-align:left}th{background:#f5f5f5}
            figure{margin:1rem 0}img{max-width:100%;border:1px solid #eee}figcaption{color:#666;font-size:.85rem}
            td.run{text-align:left;font-size:.75rem;color:#666;word-break:break-all}
            pre{background:#f7f7f7;padding:.8rem;overflow:auto;font-size:.8rem}
            """;

    private HtmlReport() {
    }

    /** The page of one run. */
    public static String ofRun(ResultFolder run, List<Plot> plots) {
        JsonNode summary = run.summary();
        StringBuilder html = start("Results: " + run.label());
        html.append("<h1>").append(escape(summary.path("input_config").path("benchmark").asText(run.label())))
                .append("</h1>\n<p class=\"meta\">").append(escape(run.label())).append(" &middot; ")
                .append(escape(summary.path("start_time").asText("?"))).append(" to ")
                .append(escape(summary.path("end_time").asText("?"))).append(" &middot; ")
                .append(escape(summary.path("tool").asText(ToolInfo.NAME))).append(' ')
                .append(escape(summary.path(ToolInfo.NAME + "_version").asText("?")))
                .append(summary.path("was_cancelled").asBoolean() ? " &middot; <b>cancelled</b>" : "")
                .append("</p>\n");

        html.append("<h2>LLM Metrics</h2>\n<table id=\"metrics\"><tr><th>Metric</th>");
        COLUMNS.forEach(c -> html.append("<th>").append(c).append("</th>"));
        html.append("</tr>\n");
        for (MetricTag tag : MetricTag.values()) {
            if (tag.kind() == MetricKind.RUN_LEVEL || !summary.has(tag.tag())) {
                continue;
            }
            html.append("<tr><td>").append(escape(tag.label())).append("</td>");
            for (String column : COLUMNS) {
                html.append("<td>").append(number(run.stat(tag, column))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n<h2>Run</h2>\n<table id=\"run-level\"><tr><th>Metric</th><th>Value</th></tr>\n");
        for (MetricTag tag : MetricTag.runLevel()) {
            if (summary.has(tag.tag())) {
                html.append("<tr><td>").append(escape(tag.label())).append("</td><td>")
                        .append(number(run.stat(tag, "avg"))).append("</td></tr>\n");
            }
        }
        html.append("</table>\n");

        JsonNode errors = summary.path("error_summary");
        html.append("<h2>Errors</h2>\n");
        if (errors.isEmpty()) {
            html.append("<p id=\"errors\">No request failed.</p>\n");
        } else {
            html.append("<table id=\"errors\"><tr><th>Type</th><th>Code</th><th>Message</th><th>Count</th></tr>\n");
            for (JsonNode error : errors) {
                JsonNode details = error.path("error_details");
                html.append("<tr><td>").append(escape(details.path("type").asText())).append("</td><td>")
                        .append(escape(details.path("code").asText("")))
                        .append("</td><td>").append(escape(details.path("message").asText())).append("</td><td>")
                        .append(error.path("count").asLong()).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        appendPlots(html, plots);
        html.append("<h2>Environment</h2>\n<pre id=\"environment\">").append(escape(json(summary.path("environment"))))
                .append("</pre>\n<h2>Configuration</h2>\n<pre id=\"configuration\">")
                .append(escape(json(summary.path("input_config")))).append("</pre>\n");
        return end(html);
    }

    /** The page of several runs: one row per run, and the comparison plots. */
    public static String ofRuns(List<ResultFolder> runs, List<Plot> plots) {
        List<MetricTag> columns = List.of(MetricTag.REQUEST_THROUGHPUT, MetricTag.OUTPUT_TOKEN_THROUGHPUT,
                MetricTag.OUTPUT_TOKEN_THROUGHPUT_PER_USER, MetricTag.TIME_TO_FIRST_TOKEN,
                MetricTag.INTER_TOKEN_LATENCY, MetricTag.REQUEST_LATENCY, MetricTag.ERROR_REQUEST_COUNT);
        StringBuilder html = start("Results of " + runs.size() + " runs");
        html.append("<h1>Results of ").append(runs.size()).append(" runs</h1>\n")
                .append("<h2>Runs</h2>\n<table id=\"runs\"><tr><th>Point</th>");
        for (MetricTag tag : columns) {
            html.append("<th>").append(escape(tag.displayName()))
                    .append(tag.kind() == MetricKind.RUN_LEVEL ? "" : " p50").append(" (")
                    .append(escape(tag.unit())).append(")</th>");
        }
        html.append("<th>Run</th></tr>\n");
        for (ResultFolder run : runs) {
            html.append("<tr><td>").append(escape(PointLabels.of(run))).append("</td>");
            for (MetricTag tag : columns) {
                String stat = tag.kind() == MetricKind.RUN_LEVEL ? "avg" : "p50";
                html.append("<td>").append(number(run.stat(tag, stat))).append("</td>");
            }
            html.append("<td class=\"run\">").append(escape(run.label())).append("</td></tr>\n");
        }
        html.append("</table>\n");
        appendPlots(html, plots);
        return end(html);
    }

    private static void appendPlots(StringBuilder html, List<Plot> plots) {
        if (plots.isEmpty()) {
            return;
        }
        html.append("<h2>Plots</h2>\n");
        for (Plot plot : plots) {
            html.append("<figure><img alt=\"").append(escape(plot.title())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(plot.png())).append("\"><figcaption>")
                    .append(escape(plot.title())).append("</figcaption></figure>\n");
        }
    }

    private static StringBuilder start(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n<style>").append(CSS).append("</style></head><body>\n");
    }

    private static String end(StringBuilder html) {
        return html.append("<p class=\"meta\">Written by ").append(ToolInfo.NAME).append(' ')
                .append(escape(ToolInfo.version())).append(".</p>\n</body></html>\n").toString();
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? DisplayNumbers.grouped(value.getAsDouble()) : "N/A";
    }

    private static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
