package io.llmbench.runtime.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.run.BenchmarkRunner;
import io.llmbench.runtime.run.RunOutcome;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.spec.LoadSpec;
import io.llmbench.runtime.spec.RunSpec;
import io.llmbench.runtime.spec.TargetSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A real Jetty server on loopback that answers every request with a one-word, non-streaming chat
 * completion and keeps the request bodies it received, in arrival order; and a way to run a whole
 * benchmark (dataset load, bodies, client) against it.
 */
final class CapturingServer implements AutoCloseable {

    static final String MODEL = "capture-model";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWER = "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"" + MODEL + "\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";

    private final Server server = new Server();
    private final List<JsonNode> bodies = new ArrayList<>();
    private final List<Long> arrivalNanos = new ArrayList<>();
    private final URI uri;

    CapturingServer() throws Exception {
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                long arrived = System.nanoTime();
                Content.Source.asStringAsync(request, StandardCharsets.UTF_8).whenComplete((body, failure) -> {
                    try {
                        synchronized (bodies) {
                            bodies.add(JSON.readTree(body));
                            arrivalNanos.add(arrived);
                        }
                    } catch (Exception e) {
                        callback.failed(e);
                        return;
                    }
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                    response.write(true, StandardCharsets.UTF_8.encode(ANSWER), callback);
                });
                return true;
            }
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + connector.getLocalPort());
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
        synchronized (bodies) {
            return List.copyOf(bodies);
        }
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    URI uri() {
        return uri;
    }

    /** When each request of {@link #bodies()} arrived ({@link System#nanoTime()}), in the same order. */
    List<Long> arrivalNanos() {
        synchronized (bodies) {
            return List.copyOf(arrivalNanos);
        }
    }

    /** The request bodies received so far, in arrival order. */
    List<JsonNode> bodies() {
        synchronized (bodies) {
            return List.copyOf(bodies);
        }
    }

    /** How many requests arrived so far. */
    int received() {
        synchronized (bodies) {
            return bodies.size();
        }
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
        server.stop();
    }
}
