package io.llmbench.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A real Jetty server on 127.0.0.1 (an ephemeral port) that answers every request at once with a
 * one-word, non-streaming chat completion (an embedding on a path ending in {@code /embeddings}) and
 * keeps, in arrival order, each request's path, JSON body and arrival instant. The tests that check
 * what a run sent share it.
 */
public final class RecordingEndpoint implements AutoCloseable {

    /**
     * One request as it arrived.
     *
     * @param path the request's path
     * @param body its JSON body
     * @param arrivedNs when it arrived ({@link System#nanoTime()})
     */
    public record Received(String path, JsonNode body, long arrivedNs) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMBEDDING = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\","
            + "\"index\":0,\"embedding\":[0.1,0.2]}],\"model\":\"m\",\"usage\":{\"prompt_tokens\":1,"
            + "\"total_tokens\":1}}";

    private final Server server = new Server();
    private final List<Received> received = new ArrayList<>();
    private final URI uri;

    /**
     * Starts the server.
     *
     * @param model the model named in the answers
     * @param answer the completion's whole content
     */
    public RecordingEndpoint(String model, String answer) throws Exception {
        this(model, body -> answer);
    }

    /**
     * Starts a server whose answer depends on the request, so that a test can tell which answer a
     * later request carries back.
     *
     * @param model the model named in the answers
     * @param answer the completion's whole content for a request body (plain text, put into JSON as it is)
     */
    public RecordingEndpoint(String model, Function<JsonNode, String> answer) throws Exception {
        ServerConnector connector = new ServerConnector(server, 1, 1);
        Loopback.listen(server, connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                long arrived = System.nanoTime();
                String path = Request.getPathInContext(request);
                Content.Source.asStringAsync(request, StandardCharsets.UTF_8).whenComplete((body, failure) -> {
                    JsonNode json;
                    try {
                        json = JSON.readTree(body);
                        synchronized (received) {
                            received.add(new Received(path, json, arrived));
                        }
                    } catch (Exception e) {
                        callback.failed(e);
                        return;
                    }
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                    response.write(true, StandardCharsets.UTF_8.encode(path.endsWith("/embeddings")
                            ? EMBEDDING : completion(model, answer.apply(json))), callback);
                });
                return true;
            }
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    private static String completion(String model, String answer) {
        return "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"" + model + "\",\"choices\":"
                + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + answer + "\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,"
                + "\"total_tokens\":2}}";
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    public URI uri() {
        return uri;
    }

    /** Every request so far, in arrival order. */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The request bodies so far, in arrival order. */
    public List<JsonNode> bodies() {
        return received().stream().map(Received::body).toList();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
