package io.llmbench.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * completion (an embedding on {@code /embeddings}) and keeps, in arrival order, the path, the model and the body of each request.
 */
final class RecordingChatServer implements AutoCloseable {

    /** What one request asked for. */
    record Received(String path, String model) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWER = "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";

    private static final String EMBEDDINGS = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\","
            + "\"index\":0,\"embedding\":[0.1,0.2]}],\"model\":\"m\",\"usage\":{\"prompt_tokens\":1,"
            + "\"total_tokens\":1}}";

    private final Server server = new Server();
    private final List<Received> received = new ArrayList<>();
    private final List<JsonNode> bodies = new ArrayList<>();
    private final URI uri;

    RecordingChatServer() throws Exception {
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = Request.getPathInContext(request);
                Content.Source.asStringAsync(request, StandardCharsets.UTF_8).whenComplete((body, failure) -> {
                    try {
                        JsonNode json = JSON.readTree(body);
                        synchronized (received) {
                            received.add(new Received(path, json.path("model").asText()));
                            bodies.add(json);
                        }
                    } catch (Exception e) {
                        callback.failed(e);
                        return;
                    }
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                    response.write(true, StandardCharsets.UTF_8.encode(path.endsWith("/embeddings")
                            ? EMBEDDINGS : ANSWER), callback);
                });
                return true;
            }
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /** The base URL, {@code http://127.0.0.1:port}. */
    String url() {
        return uri.toString();
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The request bodies, in arrival order. */
    List<JsonNode> bodies() {
        synchronized (received) {
            return List.copyOf(bodies);
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
