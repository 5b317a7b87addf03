package io.llmbench.runtime.dataset.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * Runs llmbench's {@code Main} as a user would, against a serving endpoint of its own: a Jetty
 * server on 127.0.0.1 (ephemeral port) that answers every chat request with a one-word completion
 * and keeps the request bodies in arrival order. With a {@link FakeHub} as {@code HF_ENDPOINT} this
 * is the whole path from the Hub's files to the requests sent.
 */
final class ThroughMain implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] ANSWER = ("{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":"
            + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"A\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":1,\"total_tokens\":11}}")
            .getBytes(StandardCharsets.UTF_8);

    private final Server target = new Server();
    private final ServerConnector connector = new ServerConnector(target);
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    ThroughMain() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        target.addConnector(connector);
        target.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                bodies.add(JSON.readTree(Content.Source.asString(request, StandardCharsets.UTF_8)));
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, ByteBuffer.wrap(ANSWER), callback);
                return true;
            }
        });
        target.start();
    }

    /** {@code 127.0.0.1:<port>}, the value of {@code --url}. */
    String url() {
        return "127.0.0.1:" + connector.getLocalPort();
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
        return List.copyOf(bodies);
    }

    /** The text part of a request's first message (or the message itself when it is plain text). */
    static String firstText(JsonNode body) {
        JsonNode content = body.path("messages").path(0).path("content");
        return content.isTextual() ? content.asText() : content.path(0).path("text").asText();
    }

    @Override
    public void close() throws Exception {
        target.stop();
    }
}
