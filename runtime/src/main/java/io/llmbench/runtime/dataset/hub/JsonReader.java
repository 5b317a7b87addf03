package io.llmbench.runtime.dataset.hub;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads JSON Lines (one object per line) or a JSON file holding an array of objects, streaming so
 * that a large file (ShareGPT's is 640 MB) is never held whole as a tree.
 */
final class JsonReader implements TableReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean lines;

    JsonReader(boolean lines) {
        this.lines = lines;
    }

    @Override
    public void read(Path file, RowSink sink) throws IOException {
        if (lines) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int number = 0;
                for (String line; (line = reader.readLine()) != null; ) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    Object value;
                    try {
                        value = JSON.readValue(line, Object.class);
                    } catch (IOException e) {
                        throw new IOException(file.getFileName() + " line " + number + " is not JSON", e);
                    }
                    if (!sink.accept(row(value, file, number))) {
                        return;
                    }
                }
            }
            return;
        }
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                sink.accept(row(JSON.readValue(parser, Object.class), file, 1));
                return;
            }
            if (first != JsonToken.START_ARRAY) {
                throw new IOException(file.getFileName() + " holds neither a JSON array nor an object");
            }
            int index = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                if (!sink.accept(row(JSON.readValue(parser, Object.class), file, ++index))) {
                    return;
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Row row(Object value, Path file, int where) throws IOException {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IOException(file.getFileName() + " record " + where + " is not a JSON object");
        }
        return new Row(new LinkedHashMap<>((Map<String, Object>) map));
    }
}
