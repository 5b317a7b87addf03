package io.llmbench.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.runtime.testing.RecordingEndpoint;
import java.util.List;

/**
 * A real Jetty server on loopback that answers every request with a one-word, non-streaming chat
 * completion (an embedding on {@code /embeddings}) and keeps, in arrival order, the path, the model and the body of each request.
 */
final class RecordingChatServer implements AutoCloseable {

    /** What one request asked for. */
    record Received(String path, String model) {
    }

    private final RecordingEndpoint endpoint;

    RecordingChatServer() throws Exception {
        endpoint = new RecordingEndpoint("m", "ok");
    }

    /** The base URL, {@code http://127.0.0.1:port}. */
    String url() {
        return endpoint.uri().toString();
    }

    List<Received> received() {
        return endpoint.received().stream()
                .map(request -> new Received(request.path(), request.body().path("model").asText())).toList();
    }

    /** The request bodies, in arrival order. */
    List<JsonNode> bodies() {
        return endpoint.bodies();
    }

    @Override
    public void close() throws Exception {
        endpoint.close();
    }
}
