package io.llmbench.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.metrics.MetricTag;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A run's exports read back: the summary ({@code profile_export_llmbench.json}) and, when the
 * folder has one, the per-request records ({@code profile_export.jsonl}).
 *
 * @param directory the run folder
 * @param summary the parsed summary file
 * @param records the records in file order, or {@code null} when the folder has no records file
 */
public record ResultFolder(Path directory, JsonNode summary, List<ExportedRecord> records) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Reads a run folder, or a summary JSON file (the records beside it are read too).
     *
     * @throws UserInputException when {@code path} holds no summary or a file does not parse
     */
    public static ResultFolder read(Path path) {
        Path directory = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        Path summaryFile = Files.isDirectory(path) ? path.resolve(ProfileJsonWriter.FILE_NAME) : path;
        if (!Files.isRegularFile(summaryFile)) {
            throw new UserInputException(path + " is not a result: give a run folder (one holding "
                    + ProfileJsonWriter.FILE_NAME + ") or that file");
        }
        JsonNode summary;
        try {
            summary = MAPPER.readTree(summaryFile.toFile());
        } catch (IOException e) {
            throw new UserInputException(summaryFile + " is not valid JSON (" + e.getMessage().lines().findFirst()
                    .orElse("") + "): give the summary file of a run");
        }
        Path recordsFile = directory.resolve(ProfileJsonlWriter.FILE_NAME);
        return new ResultFolder(directory, summary, Files.isRegularFile(recordsFile) ? readRecords(recordsFile) : null);
    }

    private static List<ExportedRecord> readRecords(Path file) {
        List<ExportedRecord> records = new ArrayList<>();
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    records.add(ExportedRecord.of(MAPPER.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UserInputException(file + " line " + lineNumber + " is not a JSON record (" + e.getMessage()
                    .lines().findFirst().orElse("") + "): the file is damaged; rerun or drop it");
        }
        return records;
    }

    /** Whether the per-request records are there. */
    public boolean hasRecords() {
        return records != null;
    }

    /** The statistic {@code stat} ({@code avg}, {@code p99}, ...) of {@code tag} in the summary, if present. */
    public OptionalDouble stat(MetricTag tag, String stat) {
        JsonNode value = summary.path(tag.tag()).path(stat);
        return value.isNumber() ? OptionalDouble.of(value.asDouble()) : OptionalDouble.empty();
    }

    /**
     * The valid profiling records' values of {@code tag}, in file order (empty without records); for
     * the inter-chunk latency, every gap of every record.
     */
    public double[] values(MetricTag tag) {
        if (records == null) {
            return new double[0];
        }
        if (tag == MetricTag.INTER_CHUNK_LATENCY) {
            return records.stream().filter(r -> r.profiling() && r.valid())
                    .flatMapToDouble(r -> java.util.Arrays.stream(r.interChunkLatencies())).toArray();
        }
        return records.stream().filter(r -> r.profiling() && r.valid() && r.values().containsKey(tag))
                .mapToDouble(r -> r.value(tag)).toArray();
    }

    /** A short name for tables and plot labels: the folder's name. */
    public String label() {
        Path name = directory.toAbsolutePath().normalize().getFileName();
        return name == null ? directory.toString() : name.toString();
    }
}
