package io.llmbench.runtime.dataset.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A stand-in for the Hugging Face Hub on 127.0.0.1 (ephemeral port) speaking the two calls the
 * dataset client makes: the tree API {@code GET /api/datasets/<id>/tree/<revision>?recursive=true}
 * and downloads {@code GET /datasets/<id>/resolve/<revision>/<path>}. Records every request.
 */
final class FakeHub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    // repo id -> revision -> path -> bytes
    private final Map<String, Map<String, Map<String, byte[]>>> repos = new ConcurrentHashMap<>();
    private final Map<String, String> gatedTokens = new ConcurrentHashMap<>();
    private final Map<String, Boolean> cutShort = new ConcurrentHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> receivedRaw = new CopyOnWriteArrayList<>();

    FakeHub() throws Exception {
        // The Hub takes revisions with escaped slashes (refs%2Fconvert%2Fparquet), which Jetty refuses by default.
        connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration()
                .setUriCompliance(UriCompliance.UNSAFE);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = URLDecoder.decode(request.getHttpURI().getPath(), StandardCharsets.UTF_8);
                received.add(path);
                receivedRaw.add(request.getHttpURI().getPath());
                answer(path, request.getHeaders().get(HttpHeader.AUTHORIZATION), response, callback);
                return true;
            }
        });
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}, the value of {@code HF_ENDPOINT}. */
    String endpoint() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    /** Serves {@code bytes} as {@code path} of dataset {@code repo} at {@code revision}. */
    FakeHub file(String repo, String revision, String path, byte[] bytes) {
        repos.computeIfAbsent(repo, r -> new ConcurrentHashMap<>())
                .computeIfAbsent(revision, r -> new TreeMap<>()).put(path, bytes);
        return this;
    }

    /** Answers 401 for anything of {@code repo} unless the request carries {@code Bearer token}. */
    FakeHub gated(String repo, String token) {
        gatedTokens.put(repo, token);
        return this;
    }

    /** Announces the full length of {@code path}'s downloads but sends half, then drops the connection. */
    FakeHub cutShort(String path) {
        cutShort.put(path, true);
        return this;
    }

    /** The decoded paths of the requests received, in order. */
    List<String> received() {
        return List.copyOf(received);
    }

    /** The paths as they were sent, still percent-encoded. */
    List<String> receivedRaw() {
        return List.copyOf(receivedRaw);
    }

    private void answer(String path, String authorization, Response response, Callback callback) {
        String api = "/api/datasets/";
        String files = "/datasets/";
        String repo;
        String revision;
        String file = null;
        if (path.startsWith(api) && path.contains("/tree/")) {
            repo = path.substring(api.length(), path.indexOf("/tree/"));
            revision = path.substring(path.indexOf("/tree/") + "/tree/".length());
        } else if (path.startsWith(files) && path.contains("/resolve/")) {
            repo = path.substring(files.length(), path.indexOf("/resolve/"));
            String rest = path.substring(path.indexOf("/resolve/") + "/resolve/".length());
            // The revision may hold slashes (refs/convert/parquet): match the known ones.
            revision = null;
            for (String known : repos.getOrDefault(repo, Map.of()).keySet()) {
                if (rest.startsWith(known + "/")) {
                    revision = known;
                    file = rest.substring(known.length() + 1);
                }
            }
        } else {
            send(response, callback, 404, "EntryNotFound", new byte[0], false);
            return;
        }
        String token = gatedTokens.get(repo);
        if (token != null && !("Bearer " + token).equals(authorization)) {
            send(response, callback, 401, "GatedRepo", new byte[0], false);
            return;
        }
        Map<String, Map<String, byte[]>> revisions = repos.get(repo);
        if (revisions == null) {
            send(response, callback, 404, "RepoNotFound", new byte[0], false);
            return;
        }
        Map<String, byte[]> tree = revision == null ? null : revisions.get(revision);
        if (tree == null) {
            send(response, callback, 404, "RevisionNotFound", new byte[0], false);
            return;
        }
        if (file == null) {
            ArrayNode listing = JSON.createArrayNode();
            tree.forEach((p, bytes) -> listing.addObject().put("type", "file").put("path", p).put("size", bytes.length)
                    .put("oid", Integer.toHexString(p.hashCode())));
            send(response, callback, 200, null, listing.toString().getBytes(StandardCharsets.UTF_8), false);
            return;
        }
        byte[] body = tree.get(file);
        if (body == null) {
            send(response, callback, 404, "EntryNotFound", new byte[0], false);
            return;
        }
        send(response, callback, 200, null, body, cutShort.containsKey(file));
    }

    private static void send(Response response, Callback callback, int status, String errorCode, byte[] body,
            boolean cut) {
        response.setStatus(status);
        if (errorCode != null) {
            response.getHeaders().put("X-Error-Code", errorCode);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (cut) {
            response.write(false, ByteBuffer.wrap(body, 0, body.length / 2), Callback.from(
                    () -> callback.failed(new IllegalStateException("cut short on purpose")), callback::failed));
            return;
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
