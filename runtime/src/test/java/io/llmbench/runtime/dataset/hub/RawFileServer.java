package io.llmbench.runtime.dataset.hub;

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
 * A plain file server on 127.0.0.1 (ephemeral port), a stand-in for {@code raw.githubusercontent.com}:
 * serves the bytes it is given per path (404 otherwise), or half of them before dropping the
 * connection, and records each request's path and {@code Authorization} header.
 */
final class RawFileServer implements AutoCloseable {

    /** One request received. */
    record Received(String path, String authorization) {
    }

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Boolean> cut = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    RawFileServer() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = request.getHttpURI().getPath();
                received.add(new Received(path, request.getHeaders().get(HttpHeader.AUTHORIZATION)));
                byte[] body = files.get(path);
                if (body == null) {
                    response.setStatus(404);
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
                    response.write(true, ByteBuffer.allocate(0), callback);
                    return true;
                }
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
                if (cut.containsKey(path)) {
                    response.write(false, ByteBuffer.wrap(body, 0, body.length / 2), Callback.from(
                            () -> callback.failed(new IllegalStateException("cut short on purpose")),
                            callback::failed));
                    return true;
                }
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        server.start();
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    String url(String path) {
        return "http://127.0.0.1:" + connector.getLocalPort() + path;
    }

    RawFileServer file(String path, byte[] body) {
        files.put(path, body);
        return this;
    }

    /** Announces the whole length of {@code path} but sends half of it, then drops the connection. */
    RawFileServer cutShort(String path) {
        cut.put(path, true);
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
