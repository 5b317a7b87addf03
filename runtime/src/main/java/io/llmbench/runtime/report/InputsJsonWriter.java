package io.llmbench.runtime.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code inputs.json} in AIPerf's shape: {@code {"data": [{"session_id": ..., "payloads":
 * [body, ...]}, ...]}}, one session per conversation with its request bodies in turn order.
 * Streams: payloads are written as they are iterated, never collected.
 */
public final class InputsJsonWriter {

    /** The file's name in the run folder. */
    public static final String FILE_NAME = "inputs.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InputsJsonWriter() {
    }

    /**
     * Writes (or replaces) {@code file}. Payloads of one conversation must come one after the other,
     * in turn order; each run of equal conversation ids becomes one session.
     */
    public static void write(Path file, Iterable<InputPayload> payloads) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("data");
            String session = null;
            for (InputPayload payload : payloads) {
                if (!payload.conversationId().equals(session)) {
                    if (session != null) {
                        json.writeEndArray();
                        json.writeEndObject();
                    }
                    session = payload.conversationId();
                    json.writeStartObject();
                    json.writeStringField("session_id", session);
                    json.writeArrayFieldStart("payloads");
                }
                MAPPER.writeTree(json, payload.body());
            }
            if (session != null) {
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
