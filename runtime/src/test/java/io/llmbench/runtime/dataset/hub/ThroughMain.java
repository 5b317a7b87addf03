package io.llmbench.runtime.dataset.hub;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.runtime.cli.Main;
import io.llmbench.runtime.testing.RecordingEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs llmbench's {@code Main} as a user would, against a serving endpoint of its own: a Jetty
 * server on 127.0.0.1 (ephemeral port) that answers every chat request with a one-word completion
 * and keeps the request bodies in arrival order. With a {@link FakeHub} as {@code HF_ENDPOINT} this
 * is the whole path from the Hub's files to the requests sent.
 */
final class ThroughMain implements AutoCloseable {

    private final RecordingEndpoint target;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    ThroughMain() throws Exception {
        target = new RecordingEndpoint("m", "A");
    }

    /** {@code 127.0.0.1:<port>}, the value of {@code --url}. */
    String url() {
        return "127.0.0.1:" + target.uri().getPort();
    }

    /** Runs {@code Main} with {@code args} in environment {@code env}; returns its exit code. */
    int run(Map<String, String> env, String... args) {
        return new Main(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                Thread.currentThread().getContextClassLoader(), env).run(args);
    }

    /** What the runs printed on standard output so far. */
    String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    /** What the runs printed on standard error so far. */
    String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    /** The request bodies the endpoint received, in arrival order. */
    List<JsonNode> requests() {
        return target.bodies();
    }

    /** The text part of a request's first message (or the message itself when it is plain text). */
    static String firstText(JsonNode body) {
        JsonNode content = body.path("messages").path(0).path("content");
        return content.isTextual() ? content.asText() : content.path(0).path("text").asText();
    }

    @Override
    public void close() throws Exception {
        target.close();
    }
}
