package io.llmbench.runtime.token;

import io.llmbench.runtime.testing.Loopback;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A stand-in for the Hugging Face Hub on 127.0.0.1 (ephemeral port): serves the files and answers it
 * is given per path and records every request it receives.
 */
final class LocalHub implements AutoCloseable {

    /** What to answer for one path. */
    record Answer(int status, byte[] body, Map<String, String> headers, String requiredToken, boolean cutShort) {

        static Answer file(byte[] body) {
            return new Answer(200, body, Map.of(), null, false);
        }

        static Answer status(int status, Map<String, String> headers) {
            return new Answer(status, new byte[0], headers, null, false);
        }

        static Answer redirect(String location) {
            return new Answer(302, new byte[0], Map.of("Location", location), null, false);
        }

        /** Serves {@code body} only to {@code Authorization: Bearer token}, else 401. */
        static Answer gated(byte[] body, String token) {
            return new Answer(200, body, Map.of(), token, false);
        }

        /** Announces the full length but sends half of the body, then drops the connection. */
        static Answer cutShort(byte[] body) {
            return new Answer(200, body, Map.of(), null, true);
        }
    }

    /** One request received. */
    record Received(String path, String authorization) {
    }

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    LocalHub() throws Exception {
        Loopback.listen(server, connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = request.getHttpURI().getPath();
                String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
                received.add(new Received(path, authorization));
                Answer answer = answers.getOrDefault(path,
                        Answer.status(404, Map.of("X-Error-Code", "EntryNotFound")));
                if (answer.requiredToken() != null && !("Bearer " + answer.requiredToken()).equals(authorization)) {
                    answer = Answer.status(401, Map.of("X-Error-Code", "GatedRepo"));
                }
                response.setStatus(answer.status());
                answer.headers().forEach((k, v) -> response.getHeaders().put(k, v));
                if (answer.cutShort()) {
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
                    ByteBuffer half = ByteBuffer.wrap(answer.body(), 0, answer.body().length / 2);
                    response.write(false, half, Callback.from(
                            () -> callback.failed(new IllegalStateException("cut short on purpose")),
                            callback::failed));
                    return true;
                }
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
                response.write(true, ByteBuffer.wrap(answer.body()), callback);
                return true;
            }
        });
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}: what {@code HF_ENDPOINT} is set to. */
    String endpoint() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    LocalHub answer(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
