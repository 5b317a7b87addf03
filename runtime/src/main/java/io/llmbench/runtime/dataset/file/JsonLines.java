package io.llmbench.runtime.dataset.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSONL file into its JSON objects, each with its line number; blank lines are skipped. A
 * line that is not a JSON object stops the load with the file, the line and the parser's complaint.
 */
public final class JsonLines {

    /** The shared reader; trailing garbage after an object on a line is an error. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * One object of the file and where it was.
     *
     * @param where a prefix naming a part of the line (e.g. {@code "turns[2]: "}), or empty
     */
    public record Line(Path file, int number, JsonNode json, String where) {
        /** A whole line. */
        public Line(Path file, int number, JsonNode json) {
            this(file, number, json, "");
        }

        /** A part of this line, e.g. one turn of a conversation. */
        public Line nested(JsonNode part, String name) {
            return new Line(file, number, part, where + name + ": ");
        }

        /** A user error about this line. */
        public RuntimeException error(String what) {
            return LineError.at(file, number, where + what);
        }
    }

    private JsonLines() {
    }

    /** Every non-blank line of {@code file} as a JSON object. */
    public static List<Line> read(Path file) {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode json;
                try {
                    json = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    throw LineError.at(file, number, "not valid JSON (" + e.getOriginalMessage() + ")");
                }
                if (!json.isObject()) {
                    throw LineError.at(file, number, "expected a JSON object {...}, found " + json.getNodeType()
                            .toString().toLowerCase(java.util.Locale.ROOT));
                }
                lines.add(new Line(file, number, json));
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw LineError.in(file, "is not UTF-8 text");
        } catch (IOException e) {
            throw LineError.in(file, "cannot be read (" + e.getMessage() + ")");
        }
        if (lines.isEmpty()) {
            throw LineError.in(file, "holds no entries: write one JSON object per line");
        }
        return lines;
    }
}
