package io.llmbench.runtime.dataset.hub;

import io.llmbench.runtime.testing.Loopback;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import org.eclipse.jetty.util.Fields;

/**
 * A stand-in for the Hugging Face Hub on 127.0.0.1 (ephemeral port), speaking the calls llmbench
 * makes: the tree API {@code GET /api/datasets/<id>/tree/<revision>?recursive=true} (paged with
 * {@code Link: <...>; rel="next"} when {@link #pageSize} is set, as the Hub pages long listings),
 * and downloads {@code GET /datasets/<id>/resolve/<revision>/<path>}; also plain files at any other
 * path ({@link #raw}), standing in for GitHub's raw files. Gated repositories answer 401 without
 * their token; a file can be cut short. Every request is recorded.
 */
final class FakeHub implements AutoCloseable {

    /** One request received: its decoded path, its path as sent, its query and its Authorization header. */
    record Received(String path, String rawPath, String query, String authorization) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    // repo id -> revision -> path -> bytes
    private final Map<String, Map<String, Map<String, byte[]>>> repos = new ConcurrentHashMap<>();
    private final Map<String, byte[]> rawFiles = new ConcurrentHashMap<>();
    private final Map<String, String> gatedTokens = new ConcurrentHashMap<>();
    private final Map<String, Boolean> cutShort = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int pageSize = Integer.MAX_VALUE;
    /** Page links name the public Hub's host, as a mirror's answers do, instead of this server's. */
    private volatile boolean linksToPublicHub;

    FakeHub() throws Exception {
        // The Hub takes revisions with escaped slashes (refs%2Fconvert%2Fparquet), which Jetty refuses by default.
        connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration()
                .setUriCompliance(UriCompliance.UNSAFE);
        Loopback.listen(server, connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String rawPath = request.getHttpURI().getPath();
                String path = URLDecoder.decode(rawPath, StandardCharsets.UTF_8);
                String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
                received.add(new Received(path, rawPath, request.getHttpURI().getQuery(), authorization));
                answer(path, Request.extractQueryParameters(request), authorization, response, callback);
                return true;
            }
        });
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}, the value of {@code HF_ENDPOINT}. */
    String endpoint() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port><path>}: where a {@link #raw} file is served. */
    String url(String path) {
        return endpoint() + path;
    }

    /** Serves {@code bytes} as {@code path} of dataset {@code repo} at {@code revision}. */
    FakeHub file(String repo, String revision, String path, byte[] bytes) {
        repos.computeIfAbsent(repo, r -> new ConcurrentHashMap<>())
                .computeIfAbsent(revision, r -> new TreeMap<>()).put(path, bytes);
        return this;
    }

    /** Serves {@code bytes} at the plain URL path {@code path} (outside the Hub's API). */
    FakeHub raw(String path, byte[] bytes) {
        rawFiles.put(path, bytes);
        return this;
    }

    /** Answers 401 for anything of {@code repo} unless the request carries {@code Bearer token}. */
    FakeHub gated(String repo, String token) {
        gatedTokens.put(repo, token);
        return this;
    }

    /** Announces the full length of {@code path}'s downloads (a repository path or a raw one) but sends half. */
    FakeHub cutShort(String path) {
        cutShort.put(path, true);
        return this;
    }

    /** Lists at most {@code entries} files per page of the tree API, linking to the next page. */
    FakeHub pageSize(int entries) {
        pageSize = entries;
        return this;
    }

    /** Page links name https://huggingface.co, as a mirror that passes the Hub's answers on does. */
    FakeHub linksToPublicHub() {
        linksToPublicHub = true;
        return this;
    }

    /** The decoded paths of the requests received, in order. */
    List<String> received() {
        return received.stream().map(Received::path).toList();
    }

    /** The paths as they were sent, still percent-encoded. */
    List<String> receivedRaw() {
        return received.stream().map(Received::rawPath).toList();
    }

    /** Every request received, in order. */
    List<Received> requests() {
        return List.copyOf(received);
    }

    private void answer(String path, Fields query, String authorization, Response response, Callback callback) {
        String api = "/api/datasets/";
        String files = "/datasets/";
        String repo;
        String revision;
        String file = null;
        if (rawFiles.containsKey(path)) {
            send(response, callback, 200, null, rawFiles.get(path), cutShort.containsKey(path));
            return;
        }
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
            // A plain file server (GitHub's raw files) says nothing more than 404.
            send(response, callback, 404, null, new byte[0], false);
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
            listing(repo, revision, tree, query, response, callback);
            return;
        }
        byte[] body = tree.get(file);
        if (body == null) {
            send(response, callback, 404, "EntryNotFound", new byte[0], false);
            return;
        }
        send(response, callback, 200, null, body, cutShort.containsKey(file));
    }

    /** One page of the listing, from the entry {@code cursor} names, linking to the next when there is one. */
    private void listing(String repo, String revision, Map<String, byte[]> tree, Fields query, Response response,
            Callback callback) {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(tree.entrySet());
        int from = query.get("cursor") == null ? 0 : Integer.parseInt(query.get("cursor").getValue());
        int to = (int) Math.min(entries.size(), (long) from + pageSize);
        ArrayNode page = JSON.createArrayNode();
        for (Map.Entry<String, byte[]> e : entries.subList(from, to)) {
            page.addObject().put("type", "file").put("path", e.getKey()).put("size", e.getValue().length)
                    .put("oid", Integer.toHexString(e.getKey().hashCode()));
        }
        if (to < entries.size()) {
            // As the Hub does: an absolute URL with an opaque cursor, then another relation.
            String host = linksToPublicHub ? "https://huggingface.co" : endpoint();
            String next = host + "/api/datasets/" + repo + "/tree/"
                    + java.net.URLEncoder.encode(revision, StandardCharsets.UTF_8) + "?recursive=true&cursor=" + to;
            response.getHeaders().put(HttpHeader.LINK, "<" + next + ">; rel=\"next\", <" + endpoint()
                    + "/api/datasets/" + repo + ">; rel=\"related\"");
        }
        send(response, callback, 200, null, page.toString().getBytes(StandardCharsets.UTF_8), false);
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
