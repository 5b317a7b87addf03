package io.llmbench.runtime.client;

import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.spec.ConnectionReuse;
import io.llmbench.runtime.spec.TargetSpec;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpClientTransport;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Sends requests to an endpoint with Jetty 12's asynchronous HTTP client (HTTP/1.1, or HTTP/2 on request)
 * and captures each exchange as a {@link CompletedExchange}.
 *
 * <p>The connection pool and request queue are sized from the most requests the caller will have
 * in flight, so the client never queues requests of its own accord (Jetty's defaults, 64
 * connections and 1,024 queued requests, would silently queue or reject beyond them). The executor
 * is bounded and sized to the machine: an unbounded pool thrashes a small machine at high stream
 * rates (see DESIGN.md).
 */
public final class EndpointClient implements AutoCloseable {

    /** Header carrying the request id, as AIPerf sends it. */
    public static final String REQUEST_ID_HEADER = "X-Request-ID";

    private static final String JSON = "application/json";
    private static final String EVENT_STREAM = "text/event-stream";
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final TargetSpec target;
    private final URI uri;
    private final ApiShape shape;
    /** Every endpoint URL, {@code uri} first; requests take them in turn. */
    private final List<URI> uris;
    private final AtomicLong nextUri = new AtomicLong();
    private final HttpClient http;
    private final long timeoutMs;
    /** "never", or "sticky-user-sessions" for a request outside a session: ask the server to close. */
    private final boolean closeAfterResponse;
    /** Sessions' own connections under "sticky-user-sessions"; {@code null} under the other strategies. */
    private final SessionConnections sessions;
    /**
     * Each URL's {@code Host} header for HTTP/1.1 (none for HTTP/2, which sends the authority),
     * built once: left to Jetty, it is taken from the request's URI, which Jetty re-parses, twice,
     * for every request (about 3% of the client's CPU at 10,000 streams/s).
     */
    private final Map<URI, HttpField> hostFields;

    /**
     * Starts a client for {@code target}.
     *
     * @param target where and how to send
     * @param maxInFlight the most requests the caller will have in flight at once (at least 1)
     */
    public EndpointClient(TargetSpec target, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        this.target = target;
        this.shape = ApiShape.of(target);
        this.uris = endpointUris(target);
        this.uri = uris.get(0);
        this.hostFields = target.endpoint().http2() ? Map.of() : hostFields(uris);
        this.timeoutMs = target.requestTimeout() == null || target.requestTimeout().isNegative()
                ? 0 : target.requestTimeout().toMillis();

        ThreadBudget threads = ThreadBudget.forMachine(Runtime.getRuntime().availableProcessors());
        QueuedThreadPool executor = new QueuedThreadPool(threads.total(), threads.total());
        executor.setName("llmbench-client");
        executor.setDaemon(true);
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls(target.endpoint().insecure()));
        connector.setSelectors(threads.selectors());
        connector.setExecutor(executor);
        connector.setTCPNoDelay(true);

        // HTTP/2 multiplexes the requests in flight over few connections; HTTP/1.1 needs one each.
        HttpClientTransport transport = target.endpoint().http2()
                ? new HttpClientTransportOverHTTP2(new HTTP2Client(connector))
                : new HttpClientTransportOverHTTP(connector);
        // Nothing the client runs on a read waits (ExchangeCapture reads what is there and demands
        // more), so a selector thread reads and parses in place: a blocking transport handed every
        // read to a pool thread and woke the selector to re-arm the connection, which doubled the
        // CPU per event when each event is a read of its own (see docs/performance.md).
        transport.setInvocationType(Invocable.InvocationType.NON_BLOCKING);
        http = new HttpClient(transport);
        http.setExecutor(executor);
        http.setName("llmbench-client");
        // Per destination: with several URLs each one may, at worst, hold every request in flight.
        http.setMaxConnectionsPerDestination(maxInFlight);
        http.setMaxRequestsQueuedPerDestination(Math.max(1024, 2 * maxInFlight));
        http.setConnectTimeout(connectTimeoutMs(timeoutMs));
        http.setIdleTimeout(timeoutMs);
        http.setFollowRedirects(false);
        // Every request stands alone, as a benchmark's must: no cookies carried from one response to
        // the next (a load balancer's affinity cookie would pin the whole run to one backend), and
        // no cookie matching (a URI parse) on each send.
        http.setHttpCookieStore(new HttpCookieStore.Empty());
        http.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "llmbench"));
        ConnectionReuse reuse = target.endpoint().connectionReuse();
        closeAfterResponse = reuse != ConnectionReuse.POOLED;
        sessions = reuse == ConnectionReuse.STICKY_USER_SESSIONS ? new SessionConnections(http) : null;
        try {
            http.start();
            // No Accept-Encoding: a compressing server would hold back stream events in its
            // encoder. Cleared after start, which installs the default (gzip) decoder.
            http.getContentDecoderFactories().clear();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP client could not start: " + e.getMessage(), e);
        }
    }

    /** The {@code Host} header Jetty would send to each of {@code uris}: the URI's authority. */
    private static Map<URI, HttpField> hostFields(List<URI> uris) {
        Map<URI, HttpField> fields = new java.util.HashMap<>();
        for (URI each : uris) {
            if (each.getAuthority() != null) {
                fields.put(each, new HttpField(HttpHeader.HOST, each.getAuthority()));
            }
        }
        return Map.copyOf(fields);
    }

    /** The next URL in turn: round-robin over several. */
    private URI nextUri() {
        return uris.size() == 1 ? uri : uris.get((int) (nextUri.getAndIncrement() % uris.size()));
    }

    /** The full URL requests are posted to (the first, when there are several). */
    public URI uri() {
        return uri;
    }

    /** Every full URL requests are posted to, in the order they take turns. */
    public List<URI> uris() {
        return uris;
    }

    /** Verified TLS (certificate chain and host name) unless {@code insecure}. */
    private static SslContextFactory.Client tls(boolean insecure) {
        SslContextFactory.Client tls = new SslContextFactory.Client(insecure);
        tls.setEndpointIdentificationAlgorithm(insecure ? null : "HTTPS");
        return tls;
    }

    static List<URI> endpointUris(TargetSpec target) {
        List<URI> all = new ArrayList<>();
        all.add(target.url());
        all.addAll(target.endpoint().extraUrls());
        List<URI> endpoints = new ArrayList<>(all.size());
        String custom = target.endpoint().customEndpoint();
        for (URI base : all) {
            if (custom != null) {
                String root = base.toString().replaceAll("/+$", "");
                if (root.endsWith("/v1") && custom.startsWith("/v1/")) {
                    root = root.substring(0, root.length() - 3); // as for the types' paths: no doubled /v1
                }
                endpoints.add(URI.create(root + custom));
            } else {
                endpoints.add(endpointUri(base, ApiShape.of(target).path(target.streaming())));
            }
        }
        return List.copyOf(endpoints);
    }

    /**
     * Sends {@code request} without blocking. {@code onDone} is called exactly once, on a Jetty
     * thread (or on the calling thread when the client refuses the request outright), with the
     * captured exchange; keep it short and decode the exchange elsewhere.
     *
     * @return a handle to cancel the request while it is in flight
     */
    public InFlightRequest send(OutgoingRequest request, Consumer<CompletedExchange> onDone) {
        return send(request, null, onDone);
    }

    /**
     * As {@link #send(OutgoingRequest, Consumer)}, and calls {@code onFirstToken} (on a Jetty thread,
     * keep it short) when the first stream event carrying output arrives (a role-only event does
     * not count): the end of the request's prefill, for {@code --prefill-concurrency}. Never called
     * for a non-stream response; {@code null} for none.
     */
    public InFlightRequest send(OutgoingRequest request, Runnable onFirstToken, Consumer<CompletedExchange> onDone) {
        return send(request, null, false, onFirstToken, onDone);
    }

    /**
     * As {@link #send(OutgoingRequest, Runnable, Consumer)}, for one turn of a multi-turn session:
     * with {@code --connection-reuse-strategy sticky-user-sessions} it goes over the session's own
     * connection (closed after {@code lastTurn}); with the other strategies as any request.
     *
     * @param session identifies the session among those of the run (equal and hash alike for its turns)
     */
    public InFlightRequest sendTurn(OutgoingRequest request, Object session, boolean lastTurn, Runnable onFirstToken,
            Consumer<CompletedExchange> onDone) {
        return send(request, sessions == null ? null : session, lastTurn, onFirstToken, onDone);
    }

    private InFlightRequest send(OutgoingRequest request, Object session, boolean lastTurn, Runnable onFirstToken,
            Consumer<CompletedExchange> onDone) {
        long queuedNs = System.nanoTime();
        URI uri = session != null ? sessions.uri(session, this::nextUri) : nextUri();
        ExchangeCapture capture = new ExchangeCapture(request, uri, queuedNs, onFirstToken, onDone, shape);
        Request jetty;
        try {
            jetty = http.newRequest(uri)
                    .method(HttpMethod.POST)
                    .body(new BytesRequestContent(JSON, request.body()))
                    .headers(headers -> {
                        HttpField host = hostFields.get(uri);
                        if (host != null) {
                            headers.put(host);
                        }
                        headers.put(HttpHeader.ACCEPT, target.streaming() ? EVENT_STREAM : JSON);
                        if (target.apiKey() != null && !target.apiKey().isEmpty()) {
                            headers.put(HttpHeader.AUTHORIZATION, "Bearer " + target.apiKey());
                        }
                        for (Map.Entry<String, String> header : target.headers().entrySet()) {
                            headers.put(header.getKey(), header.getValue());
                        }
                        headers.put(REQUEST_ID_HEADER, request.requestId());
                        // A connection of its own, closed after the response: "never", and a request
                        // that is a whole session under "sticky-user-sessions".
                        if (closeAfterResponse && session == null) {
                            headers.put(HttpHeader.CONNECTION, "close");
                        }
                    })
                    .onRequestBegin(capture)
                    .onResponseHeaders(capture)
                    .onResponseContentSource(capture);
            if (timeoutMs > 0) {
                jetty.timeout(timeoutMs, TimeUnit.MILLISECONDS);
            }
            // Only the completion: given a listener object, send() also registers every other
            // listener type it implements, and capture's content listener, registered twice, made
            // Jetty split each response into two content sources (a demultiplexer on every read).
            Response.CompleteListener completion = capture::onComplete;
            if (session != null) {
                sessions.send(session, lastTurn, jetty, completion, capture::failedToSend);
            } else {
                jetty.send(completion);
            }
        } catch (RuntimeException e) {
            capture.failedToSend(e);
            return reason -> false;
        }
        Request sent = jetty;
        return reason -> {
            sent.abort(new CancellationException(reason));
            return true;
        };
    }

    /** Stops the client; requests still in flight complete with a failure. */
    @Override
    public void close() {
        if (sessions != null) {
            sessions.closeAll();
        }
        try {
            http.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP client did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /** The URL for {@code type} under {@code base}, not doubling a {@code /v1} the user already gave. */
    static URI endpointUri(URI base, EndpointType type) {
        return endpointUri(base, type, false);
    }

    /** The URL for {@code type} (whose path may depend on streaming) under {@code base}. */
    static URI endpointUri(URI base, EndpointType type, boolean streaming) {
        return endpointUri(base, ApiShape.of(type).path(streaming));
    }

    private static URI endpointUri(URI base, String path) {
        String root = base.toString();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        if (root.endsWith("/v1")) {
            root = root.substring(0, root.length() - 3);
        }
        return URI.create(root + path);
    }

    private static long connectTimeoutMs(long requestTimeoutMs) {
        long max = MAX_CONNECT_TIMEOUT.toMillis();
        return requestTimeoutMs > 0 ? Math.min(requestTimeoutMs, max) : max;
    }

    /** A request in flight that may be cancelled. */
    @FunctionalInterface
    public interface InFlightRequest {
        /**
         * Aborts the request; its exchange completes as {@code CANCELLED} unless it had already
         * completed.
         *
         * @return whether an abort was issued
         */
        boolean cancel(String reason);
    }

    /**
     * How many client threads a machine gets: the selector threads, which read and parse the
     * responses (the transport is non-blocking), one per core up to 8, each holding one pool thread
     * for good; plus workers for connecting, timeouts and Jetty's other blocking tasks.
     */
    record ThreadBudget(int workers, int selectors) {

        static ThreadBudget forMachine(int cores) {
            int workers = Math.max(4, 2 * cores);
            int selectors = Math.max(1, Math.min(8, cores));
            return new ThreadBudget(workers, selectors);
        }

        int total() {
            return workers + selectors;
        }
    }
}
