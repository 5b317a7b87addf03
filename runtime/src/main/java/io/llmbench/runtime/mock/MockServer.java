package io.llmbench.runtime.mock;

import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An OpenAI-compatible mock of an LLM server on Jetty 12: {@code POST /v1/chat/completions},
 * {@code POST /v1/completions} (streaming and not), {@code GET /v1/models} and {@code GET /health},
 * with a configurable time to first token, inter-token latency, output length and error rate.
 * It is the embedded default target, the test double of the client, and a standalone tool. See
 * {@code docs/mock-server.md}.
 */
public final class MockServer implements AutoCloseable {

    private final Server server;
    private final ScheduledExecutorService timer;
    private final URI baseUri;

    private MockServer(Server server, ScheduledExecutorService timer, URI baseUri) {
        this.server = server;
        this.timer = timer;
        this.baseUri = baseUri;
    }

    /**
     * Starts a mock server.
     *
     * @param host the interface to listen on ({@code 127.0.0.1} for tests and local runs)
     * @param port the port, or 0 for any free one (see {@link #baseUri()})
     * @throws IllegalStateException when the server cannot start (for example, the port is taken)
     */
    public static MockServer start(String host, int port, MockSettings settings) {
        return start(host, port, settings, MockFaults.none());
    }

    /**
     * Starts a mock server that injects {@code faults} (see {@code docs/mock-server.md}).
     *
     * @throws IllegalStateException when the server cannot start (for example, the port is taken)
     */
    public static MockServer start(String host, int port, MockSettings settings, MockFaults faults) {
        QueuedThreadPool pool = new QueuedThreadPool(Math.max(8, 2 * Runtime.getRuntime().availableProcessors()), 2);
        pool.setName("llmbench-mock");
        pool.setDaemon(true);
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // The handler runs on the selector that read the request, so the selectors do all the work:
        // one per core (up to 8). A single one handled 1,000 streams' requests in turn, and at
        // 1,000 concurrent streams the client benchmark measured its queue (TTFT error p50 12 - 21 ms
        // against 2.6 - 3.5 with two).
        int selectors = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        // HTTP/1.1, and HTTP/2 for a client that starts with the h2c preface (prior knowledge).
        ServerConnector connector = new ServerConnector(server, 1, selectors, new HttpConnectionFactory(http),
                new HTTP2CServerConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        // Many clients connecting at once must not overflow the kernel's default backlog of 50.
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);

        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("llmbench-mock-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        CompletionRequest.preload();
        server.setHandler(new MockHandler(settings, faults, timer));
        try {
            server.start();
        } catch (Exception e) {
            timer.shutdownNow();
            try {
                server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            // The deepest cause says why ("Address already in use"); Jetty's own message only where.
            throw new IllegalStateException("the mock server could not listen on " + host + ":" + port + ": "
                    + cause.getMessage(), e);
        }
        String uriHost = host.contains(":") ? "[" + host + "]" : host;
        return new MockServer(server, timer, URI.create("http://" + uriHost + ":" + connector.getLocalPort()));
    }

    /** Starts a mock server on {@code 127.0.0.1} and a free port. */
    public static MockServer start(MockSettings settings) {
        return start("127.0.0.1", 0, settings);
    }

    /** Starts a mock server on {@code 127.0.0.1} and a free port that injects {@code faults}. */
    public static MockServer start(MockSettings settings, MockFaults faults) {
        return start("127.0.0.1", 0, settings, faults);
    }

    /** {@code http://host:port}, with the actual port when started on port 0. */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * How Jetty may call the mock's handler: non-blocking, so that it answers on the selector thread
     * that read the request (a hop to a pool thread cost a client benchmark's mock a third of its CPU).
     */
    InvocationType invocationType() {
        return server.getInvocationType();
    }

    /** Blocks until the server stops (for a standalone run). */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops the server; streams still running are cut. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the mock server did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
