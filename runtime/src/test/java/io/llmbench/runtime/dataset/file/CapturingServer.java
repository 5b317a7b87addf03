package io.llmbench.runtime.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.run.BenchmarkRunner;
import io.llmbench.runtime.run.RunOutcome;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.spec.LoadSpec;
import io.llmbench.runtime.spec.RunSpec;
import io.llmbench.runtime.spec.TargetSpec;
import io.llmbench.runtime.testing.RecordingEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Jetty server on loopback that answers every request with a one-word, non-streaming chat
 * completion and keeps the request bodies it received, in arrival order; and a way to run a whole
 * benchmark (dataset load, bodies, client) against it.
 */
final class CapturingServer implements AutoCloseable {

    static final String MODEL = "capture-model";

    private final RecordingEndpoint endpoint;
    private final URI uri;

    CapturingServer() throws Exception {
        endpoint = new RecordingEndpoint(MODEL, "ok");
        uri = endpoint.uri();
    }

    /** Runs {@code requests} requests of {@code input}, one at a time, and returns the bodies received in order. */
    List<JsonNode> run(InputSpec input, int requests, Path artifacts) throws Exception {
        TargetSpec target = new TargetSpec(uri, MODEL, EndpointType.CHAT, false, null, Map.of(), Map.of(),
                Duration.ofSeconds(30));
        RunSpec spec = new RunSpec("capture", Map.of(), target, new LoadSpec(1, requests, 0), input, "", artifacts);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunOutcome outcome = new BenchmarkRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), MODEL).run(spec);
        if (outcome.successfulRequests() != requests) {
            throw new AssertionError("expected " + requests + " successful requests: " + out);
        }
        return endpoint.bodies();
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    URI uri() {
        return uri;
    }

    /** When each request of {@link #bodies()} arrived ({@link System#nanoTime()}), in the same order. */
    List<Long> arrivalNanos() {
        return endpoint.received().stream().map(RecordingEndpoint.Received::arrivedNs).toList();
    }

    /** The request bodies received so far, in arrival order. */
    List<JsonNode> bodies() {
        return endpoint.bodies();
    }

    /** How many requests arrived so far. */
    int received() {
        return endpoint.received().size();
    }

    /** The text of the user message (or the prompt) of a body. */
    static String userText(JsonNode body) {
        JsonNode content = body.path("messages").path(body.path("messages").size() - 1).path("content");
        if (content.isTextual()) {
            return content.asText();
        }
        return content.path(0).path("text").asText();
    }

    @Override
    public void close() throws Exception {
        endpoint.close();
    }
}
