package io.llmbench.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * One request body as it was sent, for {@code inputs.json}.
 *
 * @param conversationId the conversation (AIPerf's session) the body belongs to
 * @param body the JSON body
 */
public record InputPayload(String conversationId, JsonNode body) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public InputPayload {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(body, "body");
    }

    /**
     * A payload from the body's bytes (UTF-8 JSON).
     *
     * @throws UncheckedIOException when the bytes are not JSON
     */
    public static InputPayload ofBytes(String conversationId, byte[] json) {
        try {
            return new InputPayload(conversationId, MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("request body of conversation " + conversationId + " is not JSON", e);
        }
    }
}
