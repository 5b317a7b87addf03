package io.llmbench.runtime.token;

import io.llmbench.runtime.token.HubUnavailableException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Gets one file of a Hub model repository ({@code main} revision), from llmbench's cache, else from
 * the Hugging Face libraries' cache, else by downloading it into llmbench's cache; likewise a file
 * of a dataset repository at a revision, or a file at a plain URL ({@link #fetchUrl}).
 *
 * <p>A cached file is used as it is, without asking the Hub whether it changed: runs are then
 * reproducible and work offline. A download is written to a temporary file beside the target and
 * moved into place atomically once complete, so an interrupted download never leaves a file that
 * looks complete. Used only at startup, never on a network thread.
 */
public final class HubFileFetcher {

    private static final int MAX_REDIRECTS = 5;

    private final HubSettings settings;
    private final Duration connectTimeout;
    private final Duration idleTimeout;
    private final DownloadProgress progress;

    /** A fetcher with a 5 s connect timeout and a 30 s idle timeout. */
    public HubFileFetcher(HubSettings settings) {
        this(settings, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /**
     * @param connectTimeout the limit for resolving the host and connecting
     * @param idleTimeout the longest silence tolerated while waiting for the answer or its bytes
     */
    public HubFileFetcher(HubSettings settings, Duration connectTimeout, Duration idleTimeout) {
        this(settings, connectTimeout, idleTimeout, DownloadProgress.forConsole());
    }

    /** A fetcher drawing download progress on {@code progress} (tests decide whether it is "a terminal"). */
    HubFileFetcher(HubSettings settings, Duration connectTimeout, Duration idleTimeout, DownloadProgress progress) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connectTimeout = connectTimeout;
        this.idleTimeout = idleTimeout;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Where {@code fileName} of {@code modelId} is (or would be) kept in llmbench's cache. */
    public Path cachedPath(String modelId, String fileName) {
        return settings.modelCacheDir(modelId).resolve(fileName);
    }

    /**
     * The local path of {@code fileName} in the {@code main} revision of model {@code modelId}.
     *
     * @throws HubUnavailableException if it is not cached and cannot be downloaded
     */
    public Path fetch(String modelId, String fileName) throws HubUnavailableException {
        Path cached = cachedPath(modelId, fileName);
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        Path fromHfCache = findInHfCache(modelId, fileName);
        if (fromHfCache != null) {
            return fromHfCache;
        }
        if (settings.offline()) {
            throw new HubUnavailableException(Reason.OFFLINE_NOT_CACHED,
                    "HF_HUB_OFFLINE is set and " + modelId + " has no cached " + fileName);
        }
        download(modelId, fileName, cached);
        return cached;
    }

    /** The file in the Hugging Face libraries' cache: {@code refs/main} names the snapshot. */
    private Path findInHfCache(String modelId, String fileName) {
        Path repo = settings.hfHubCache().resolve(HubSettings.cacheFolderName(modelId));
        try {
            Path ref = repo.resolve("refs").resolve("main");
            if (!Files.isRegularFile(ref)) {
                return null;
            }
            String commit = Files.readString(ref).trim();
            Path file = repo.resolve("snapshots").resolve(commit).resolve(fileName);
            return Files.isRegularFile(file) ? file : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void download(String modelId, String fileName, Path target) throws HubUnavailableException {
        download(URI.create(settings.endpoint() + "/" + modelId + "/resolve/main/" + fileName),
                modelId + "/" + fileName, target);
    }

    /**
     * The local path of {@code fileName} at {@code revision} of {@code repo}, from llmbench's cache
     * ({@link HubSettings#repoCacheDir}) or downloaded into it. Revisions are used as given (a
     * branch such as {@code main} or {@code refs/convert/parquet}, or a commit).
     *
     * @throws HubUnavailableException if it is not cached and cannot be downloaded
     */
    public Path fetch(HubRepo repo, String revision, String fileName) throws HubUnavailableException {
        Path cached = settings.repoCacheDir(repo, revision).resolve(fileName);
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        Path snapshot = hfSnapshotDir(repo, revision);
        if (snapshot != null && Files.isRegularFile(snapshot.resolve(fileName))) {
            return snapshot.resolve(fileName);
        }
        if (settings.offline()) {
            throw new HubUnavailableException(Reason.OFFLINE_NOT_CACHED,
                    "offline and " + repo + " has no cached " + fileName + " (revision " + revision + ")");
        }
        download(resolveUri(repo, revision, fileName), repo.id() + "/" + fileName, cached);
        return cached;
    }

    /**
     * The snapshot folder of {@code revision} of {@code repo} in the Hugging Face libraries' cache
     * ({@code <HF_HUB_CACHE>/<kind>s--<org>--<name>/snapshots/<commit>}, the commit read from
     * {@code refs/<revision>}), or {@code null} when that cache holds none. Only ever read.
     */
    public Path hfSnapshotDir(HubRepo repo, String revision) {
        Path dir = settings.hfHubCache().resolve(repo.cacheFolderName());
        try {
            Path ref = dir.resolve("refs").resolve(revision);
            if (!Files.isRegularFile(ref)) {
                return null;
            }
            Path snapshot = dir.resolve("snapshots").resolve(Files.readString(ref).trim());
            return Files.isDirectory(snapshot) ? snapshot : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code <endpoint>/<repo path>/resolve/<revision>/<file>}, the revision's slashes escaped as the Hub wants. */
    public URI resolveUri(HubRepo repo, String revision, String fileName) {
        return URI.create(settings.endpoint() + "/" + repo.urlPath() + "/resolve/" + encodeRevision(revision)
                + "/" + encodePath(fileName));
    }

    /**
     * The body of a Hub API call, {@code <endpoint>/<pathAndQuery>} (for example a repository's file
     * tree), with the token sent as for downloads. Never cached here and refused when offline.
     *
     * @param what names the call in error messages
     * @throws HubUnavailableException if the Hub cannot be reached or answers other than 200
     */
    public byte[] api(String pathAndQuery, String what) throws HubUnavailableException {
        return apiPages(pathAndQuery, what).get(0);
    }

    /**
     * The bodies of every page of a paginated Hub API call, first page first. The Hub pages long
     * listings (a repository's file tree) the way GitHub does: an answer that has more carries
     * {@code Link: <url>; rel="next"}, and the next page is fetched from that URL with the same
     * token, until an answer carries no such link. A next-page URL on the public Hub's host is
     * rewritten to {@code HF_ENDPOINT} (a mirror answers with the Hub's own links), as
     * {@code huggingface_hub}'s pagination does.
     *
     * @param what names the call in error messages
     * @throws HubUnavailableException if the Hub cannot be reached, answers other than 200, or
     *     links back to a page already read
     */
    public List<byte[]> apiPages(String pathAndQuery, String what) throws HubUnavailableException {
        if (settings.offline()) {
            throw new HubUnavailableException(Reason.OFFLINE_NOT_CACHED, "offline and " + what + " is not cached");
        }
        List<byte[]> pages = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        URI next = URI.create(settings.endpoint() + "/" + pathAndQuery);
        while (next != null) {
            if (!seen.add(next)) {
                throw new HubUnavailableException(Reason.HTTP_ERROR, "the Hub's pages of " + what
                        + " link back to a page already read (" + next + ")");
            }
            URI page = next;
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            URI[] link = {null};
            transfer(page, what + (pages.isEmpty() ? "" : " (page " + (pages.size() + 1) + ")"),
                    (in, length, headers) -> {
                        in.transferTo(body);
                        String target = LinkHeader.next(headers.getValuesList(HttpHeader.LINK));
                        link[0] = target == null ? null : onEndpoint(page.resolve(target));
                    });
            pages.add(body.toByteArray());
            next = link[0];
        }
        return pages;
    }

    /** A link to the public Hub, moved to the configured endpoint when that is another (a mirror, a test Hub). */
    private URI onEndpoint(URI link) {
        URI publicHub = URI.create(HubSettings.DEFAULT_ENDPOINT);
        if (sameOrigin(link, publicHub) && !sameOrigin(settings.endpoint(), publicHub)) {
            String rest = link.getRawPath() + (link.getRawQuery() != null ? "?" + link.getRawQuery() : "");
            return URI.create(settings.endpoint() + rest);
        }
        return link;
    }

    /**
     * The local copy of a file at a plain URL (not a Hub repository), kept in llmbench's cache as
     * {@code <cache>/urls/<cacheKey>} and downloaded the same way as Hub files: used as it is once
     * cached, refused when offline and not cached, written through a temporary file moved into place
     * once complete. No token is sent unless the URL is on the Hub's own host.
     *
     * @param cacheKey a relative path naming the file in the cache (say what and which version)
     * @param what names the file in messages
     * @throws HubUnavailableException if it is not cached and cannot be downloaded
     */
    public Path fetchUrl(URI url, String cacheKey, String what) throws HubUnavailableException {
        Path cached = urlCachePath(cacheKey);
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        if (settings.offline()) {
            throw new HubUnavailableException(Reason.OFFLINE_NOT_CACHED, "offline and " + what + " is not cached ("
                    + cached + ")");
        }
        download(url, what, cached);
        return cached;
    }

    /** Where {@link #fetchUrl} keeps the file of {@code cacheKey}. */
    public Path urlCachePath(String cacheKey) {
        Path root = settings.cacheRoot().resolve("urls");
        Path cached = root.resolve(cacheKey).normalize();
        if (!cached.startsWith(root) || cached.equals(root)) {
            throw new IllegalArgumentException("cache key must be a relative path inside the cache: " + cacheKey);
        }
        return cached;
    }

    /** The settings this fetcher uses. */
    public HubSettings settings() {
        return settings;
    }

    /** {@code refs/convert/parquet} becomes {@code refs%2Fconvert%2Fparquet}, as the Hub's URLs take it. */
    static String encodeRevision(String revision) {
        return java.net.URLEncoder.encode(revision, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return out.toString();
    }

    private void download(URI uri, String what, Path target) throws HubUnavailableException {
        transfer(uri, what, (body, length, headers) -> save(body, length, target, what, progress));
    }

    /** Consumes the body of a 200 answer. */
    @FunctionalInterface
    private interface BodyHandler {
        void accept(InputStream body, long contentLength, HttpFields headers) throws IOException,
                HubUnavailableException;
    }

    private void transfer(URI start, String what, BodyHandler handler) throws HubUnavailableException {
        URI uri = start;
        HttpClient client = new HttpClient();
        client.setConnectTimeout(connectTimeout.toMillis());
        client.setAddressResolutionTimeout(connectTimeout.toMillis());
        client.setIdleTimeout(idleTimeout.toMillis());
        // Redirects are followed here, not by Jetty, to send the token to the Hub's own host only
        // (the Hub redirects file downloads to a CDN with a signed URL).
        client.setFollowRedirects(false);
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "llmbench"));
        try {
            client.start();
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                URI next = send(client, uri, what, handler);
                if (next == null) {
                    return;
                }
                uri = next;
            }
            throw new HubUnavailableException(Reason.HTTP_ERROR, "too many redirects from " + uri);
        } catch (HubUnavailableException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubUnavailableException(Reason.NETWORK, "interrupted while downloading " + uri, e);
        } catch (Exception e) {
            throw new HubUnavailableException(Reason.NETWORK,
                    "cannot reach " + (sameOrigin(start, settings.endpoint()) ? settings.endpoint() : origin(start))
                            + " (" + describe(e) + ")", e);
        } finally {
            try {
                client.stop();
            } catch (Exception ignored) {
                // Nothing left to release that matters to the caller.
            }
        }
    }

    /** Sends one request; returns the redirect target, or {@code null} once the body is handled. */
    private URI send(HttpClient client, URI uri, String what, BodyHandler handler) throws Exception {
        Request request = client.newRequest(uri).method(HttpMethod.GET).idleTimeout(idleTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
        if (settings.token() != null && sameOrigin(uri, settings.endpoint())) {
            request.headers(h -> h.put(HttpHeader.AUTHORIZATION, "Bearer " + settings.token()));
        }
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        Response response = listener.get(connectTimeout.plus(idleTimeout).toMillis(), TimeUnit.MILLISECONDS);
        int status = response.getStatus();
        try (InputStream body = listener.getInputStream()) {
            if (status == 200) {
                handler.accept(body, response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH),
                        response.getHeaders());
                return null;
            }
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                String location = response.getHeaders().get(HttpHeader.LOCATION);
                if (location == null) {
                    throw new HubUnavailableException(Reason.HTTP_ERROR, "redirect without Location from " + uri);
                }
                return uri.resolve(location);
            }
            String errorCode = response.getHeaders().get("X-Error-Code");
            // A plain URL's server (or a CDN the Hub redirected to) is named by its origin.
            String server = sameOrigin(uri, settings.endpoint()) ? "the Hub" : origin(uri);
            if (status == 401 || status == 403) {
                throw new HubUnavailableException(Reason.UNAUTHORIZED, server + " answered " + status + " for "
                        + what + (errorCode != null ? " (" + errorCode + ")" : ""));
            }
            if (status == 404) {
                throw new HubUnavailableException(Reason.NOT_FOUND, server + " has no " + what
                        + (errorCode != null ? " (" + errorCode + ")" : "")
                        + (server.equals("the Hub") ? "" : " at " + uri));
            }
            throw new HubUnavailableException(Reason.HTTP_ERROR, server + " answered " + status + " for " + what);
        }
    }

    private static void save(InputStream body, long contentLength, Path target, String what,
            DownloadProgress progress) throws IOException, HubUnavailableException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, target.getFileName() + ".", ".part");
        try {
            long written = 0;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                byte[] buffer = new byte[64 * 1024];
                try {
                    for (int n; (n = body.read(buffer)) >= 0; ) {
                        out.write(buffer, 0, n);
                        written += n;
                        progress.update(what, written, contentLength);
                    }
                } catch (IOException e) {
                    throw truncated(what, written, contentLength, e);
                } finally {
                    progress.done();
                }
                out.flush();
                channel.force(true);
            }
            if (contentLength >= 0 && written != contentLength) {
                throw truncated(what, written, contentLength, null);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static HubUnavailableException truncated(String what, long written, long contentLength, Throwable cause) {
        return new HubUnavailableException(Reason.TRUNCATED, "the download of " + what + " broke off after "
                + written + (contentLength >= 0 ? " of " + contentLength : "") + " bytes", cause);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme())
                && Objects.equals(a.getHost(), b.getHost())
                && effectivePort(a) == effectivePort(b);
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause.getMessage() == null) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException) {
            return "timed out";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : "");
    }
}
