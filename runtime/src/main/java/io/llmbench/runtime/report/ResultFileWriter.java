package io.llmbench.runtime.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.metrics.Accuracy;
import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.metrics.Statistics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invocation's result file ({@code -rf json|csv}), as JMH's: one file holding every benchmark and
 * sweep point of the invocation, written once after the last run (and after an interrupted one),
 * beside the per-run exports. The layouts are in {@code docs/exports.md}.
 */
public final class ResultFileWriter {

    /** The default file name, without its extension. */
    public static final String DEFAULT_BASE_NAME = "llmbench-result";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] STATISTICS = {"avg", "min", "max", "p1", "p5", "p10", "p25", "p50", "p75", "p90",
        "p95", "p99", "std"};

    private ResultFileWriter() {
    }

    /** Writes (or replaces) {@code file} in {@code format}, creating its folder if needed. */
    public static void write(Path file, ResultFormat format, List<PointResult> results) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (format == ResultFormat.JSON) {
            writeJson(file, results);
        } else {
            writeCsv(file, results);
        }
    }

    private static void writeJson(Path file, List<PointResult> results) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("tool", ToolInfo.NAME);
            json.writeStringField(ToolInfo.NAME + "_version", ToolInfo.version());
            json.writeArrayFieldStart("runs");
            for (PointResult result : results) {
                json.writeStartObject();
                json.writeStringField("benchmark", result.benchmark());
                json.writeObjectFieldStart("sweep_point");
                for (Map.Entry<String, String> entry : result.point().entrySet()) {
                    json.writeStringField(entry.getKey(), entry.getValue());
                }
                json.writeEndObject();
                json.writeStringField("run_directory", result.runDirectory().toString());
                if (result.accuracy() != null) {
                    json.writeObjectFieldStart("accuracy");
                    json.writeNumberField("checked", result.accuracy().checked());
                    json.writeNumberField("passed", result.accuracy().passed());
                    if (result.accuracy().checked() > 0) {
                        json.writeNumberField("fraction", result.accuracy().fraction());
                    } else {
                        json.writeNullField("fraction");
                    }
                    json.writeEndObject();
                }
                json.writeObjectFieldStart("metrics");
                writeMetrics(json, result.summary());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeMetrics(JsonGenerator json, RunSummary summary) throws IOException {
        for (Map.Entry<MetricTag, Statistics> entry : summary.statistics().entrySet()) {
            if (!summary.applies(entry.getKey())) {
                continue;
            }
            json.writeObjectFieldStart(entry.getKey().tag());
            json.writeStringField("unit", entry.getKey().unit());
            double[] values = values(entry.getValue());
            for (int i = 0; i < STATISTICS.length; i++) {
                json.writeNumberField(STATISTICS[i], values[i]);
            }
            json.writeEndObject();
        }
        for (Map.Entry<MetricTag, Double> entry : summary.runLevel().entrySet()) {
            if (summary.applies(entry.getKey())) {
                json.writeObjectFieldStart(entry.getKey().tag());
                json.writeStringField("unit", entry.getKey().unit());
                json.writeNumberField("avg", entry.getValue());
                json.writeEndObject();
            }
        }
    }

    /**
     * One row per run and metric: {@code Benchmark}, one column per sweep parameter of any run, then
     * {@code Metric}, {@code Unit} and the statistics (run-level metrics fill {@code avg} only).
     */
    private static void writeCsv(Path file, List<PointResult> results) throws IOException {
        Set<String> parameters = new LinkedHashSet<>();
        boolean anyAccuracy = false;
        for (PointResult result : results) {
            parameters.addAll(result.point().keySet());
            anyAccuracy |= result.accuracy() != null;
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>();
            header.add("Benchmark");
            parameters.forEach(p -> header.add("param:" + p));
            header.add("Metric");
            header.add("Unit");
            header.addAll(List.of(STATISTICS));
            out.write(String.join(",", header) + "\r\n");
            for (PointResult result : results) {
                List<String> prefix = new ArrayList<>();
                prefix.add(cell(result.benchmark()));
                parameters.forEach(p -> prefix.add(cell(result.point().getOrDefault(p, ""))));
                RunSummary summary = result.summary();
                for (Map.Entry<MetricTag, Statistics> entry : summary.statistics().entrySet()) {
                    if (summary.applies(entry.getKey())) {
                        row(out, prefix, entry.getKey().tag(), entry.getKey().unit(), values(entry.getValue()));
                    }
                }
                for (Map.Entry<MetricTag, Double> entry : summary.runLevel().entrySet()) {
                    if (summary.applies(entry.getKey())) {
                        row(out, prefix, entry.getKey().tag(), entry.getKey().unit(),
                                new double[] {entry.getValue()});
                    }
                }
                Accuracy accuracy = result.accuracy();
                if (anyAccuracy && accuracy != null && accuracy.checked() > 0) {
                    row(out, prefix, "accuracy", "fraction", new double[] {accuracy.fraction()});
                }
            }
        }
    }

    private static void row(Writer out, List<String> prefix, String tag, String unit, double[] values)
            throws IOException {
        StringBuilder row = new StringBuilder(String.join(",", prefix));
        row.append(',').append(tag).append(',').append(cell(unit));
        for (int i = 0; i < STATISTICS.length; i++) {
            row.append(',');
            if (i < values.length) {
                // Full precision: this file is for machines, unlike the per-run CSV's two decimals.
                row.append(values[i]);
            }
        }
        out.write(row + "\r\n");
    }

    private static double[] values(Statistics s) {
        return new double[] {s.avg(), s.min(), s.max(), s.p1(), s.p5(), s.p10(), s.p25(), s.p50(), s.p75(), s.p90(),
            s.p95(), s.p99(), s.std()};
    }

    private static String cell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
