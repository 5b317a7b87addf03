package io.llmbench.runtime.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.Statistics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code profile_export_llmbench_timeslices.json} and {@code .csv}: the metrics of each time
 * window of a run ({@code --slice-duration}), the JSON with the summary's shapes per window, the CSV
 * in long form (one row per window, metric and statistic) for spreadsheets and plotting tools.
 */
public final class TimesliceWriter {

    /** The JSON file's name in the run folder. */
    public static final String JSON_FILE_NAME = "profile_export_llmbench_timeslices.json";
    /** The CSV file's name in the run folder. */
    public static final String CSV_FILE_NAME = "profile_export_llmbench_timeslices.csv";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TimesliceWriter() {
    }

    /** Writes both files into {@code directory}. */
    public static void write(Path directory, double sliceSeconds, long originEpochNs, List<Timeslice> slices)
            throws IOException {
        writeJson(directory.resolve(JSON_FILE_NAME), sliceSeconds, originEpochNs, slices);
        writeCsv(directory.resolve(CSV_FILE_NAME), slices);
    }

    private static void writeJson(Path file, double sliceSeconds, long originEpochNs, List<Timeslice> slices)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("schema_version", ProfileJsonWriter.SCHEMA_VERSION);
            json.writeNumberField("slice_duration_sec", sliceSeconds);
            json.writeNumberField("origin_ns", originEpochNs);
            json.writeArrayFieldStart("timeslices");
            for (Timeslice slice : slices) {
                json.writeStartObject();
                json.writeNumberField("index", slice.index());
                json.writeNumberField("start_sec", slice.startSeconds());
                json.writeNumberField("end_sec", slice.endSeconds());
                for (Map.Entry<MetricTag, Statistics> e : slice.statistics().entrySet()) {
                    json.writeObjectFieldStart(e.getKey().tag());
                    json.writeStringField("unit", e.getKey().unit());
                    Statistics s = e.getValue();
                    json.writeNumberField("count", s.count());
                    for (Map.Entry<String, Double> stat : StatisticNames.of(s).entrySet()) {
                        json.writeNumberField(stat.getKey(), stat.getValue());
                    }
                    json.writeEndObject();
                }
                for (Map.Entry<MetricTag, Double> e : slice.runLevel().entrySet()) {
                    json.writeObjectFieldStart(e.getKey().tag());
                    json.writeStringField("unit", e.getKey().unit());
                    json.writeNumberField("avg", e.getValue());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeCsv(Path file, List<Timeslice> slices) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Timeslice,Start (sec),End (sec),Metric,Unit,Stat,Value\r\n");
            for (Timeslice slice : slices) {
                String prefix = slice.index() + "," + number(slice.startSeconds()) + "," + number(slice.endSeconds())
                        + ",";
                for (Map.Entry<MetricTag, Statistics> e : slice.statistics().entrySet()) {
                    for (Map.Entry<String, Double> stat : StatisticNames.of(e.getValue()).entrySet()) {
                        out.write(prefix + e.getKey().displayName() + "," + e.getKey().unit() + "," + stat.getKey()
                                + "," + number(stat.getValue()) + "\r\n");
                    }
                }
                for (Map.Entry<MetricTag, Double> e : slice.runLevel().entrySet()) {
                    out.write(prefix + e.getKey().displayName() + "," + e.getKey().unit() + ",avg,"
                            + number(e.getValue()) + "\r\n");
                }
            }
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
