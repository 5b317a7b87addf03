package io.llmbench.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.runtime.cli.Main;
import io.llmbench.runtime.testing.Loopback;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --connection-reuse-strategy} end to end against a real server that notes the client port
 * (so the TCP connection) of every request and counts the connections it saw open and close.
 */
class ConnectionReuseTest {

    @TempDir
    Path dir;

    private final Server server = new Server();
    private final Map<String, Integer> portByRequestId = new ConcurrentHashMap<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    /** For each first turn (a body without an assistant message): connections open 100 ms after it came. */
    private final List<Integer> openAtFirstTurns = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ServerConnector connector;

    @BeforeEach
    void start() throws Exception {
        connector = Loopback.listen(server, new ServerConnector(server, 1, 1));
        connector.addEventListener(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                opened.incrementAndGet();
            }

            @Override
            public void onClosed(Connection connection) {
                closed.incrementAndGet();
            }
        });
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                int port = ((InetSocketAddress) request.getConnectionMetaData().getRemoteSocketAddress()).getPort();
                portByRequestId.put(request.getHeaders().get("X-Request-ID"), port);
                Content.Source.asStringAsync(request, StandardCharsets.UTF_8).whenComplete((body, failure) -> {
                    if (body != null && !body.contains("\"assistant\"")) {
                        try {
                            // The client closes a finished session's connection before the next session
                            // starts; the server learns of it a moment later.
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        openAtFirstTurns.add(opened.get() - closed.get());
                    }
                    String sse = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"answer\"}}]}\n\n"
                            + "data: [DONE]\n\n";
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
                    response.write(true, StandardCharsets.UTF_8.encode(sse), callback);
                });
                return true;
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private record Run(int exit, String console, List<JsonNode> records) {
    }

    private Run profile(String... options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path artifacts = dir.resolve("artifacts");
        List<String> args = new ArrayList<>(List.of("profile", "--url", "http://127.0.0.1:" + connector.getLocalPort(),
                "--model", "m", "--streaming", "--tokenizer", "cl100k_base", "--artifact-dir", artifacts.toString()));
        args.addAll(List.of(options));
        int exit = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), getClass().getClassLoader())
                .run(args.toArray(String[]::new));
        String console = out.toString(StandardCharsets.UTF_8);
        List<JsonNode> records = exit == 0 ? RunArtifacts.recordsInSendOrder(RunArtifacts.runDirectory(artifacts))
                : List.of();
        return new Run(exit, console, records);
    }

    private int port(JsonNode record) {
        return portByRequestId.get(record.get("metadata").get("x_request_id").asText());
    }

    private Run sessions(int concurrency, String... options) throws IOException {
        Path file = RunArtifacts.multiTurnFile(dir, 3, 3);
        List<String> args = new ArrayList<>(List.of("--input-file", file.toString(), "--custom-dataset-type",
                "multi_turn", "--concurrency", String.valueOf(concurrency), "--num-sessions", "3"));
        args.addAll(List.of(options));
        return profile(args.toArray(String[]::new));
    }

    @Test
    void pooledReusesOneConnectionForEveryRequestOfAClosedLoopOfOne() throws IOException {
        Run run = profile("--concurrency", "1", "--request-count", "6", "--isl", "8", "--osl", "4");

        assertEquals(0, run.exit(), run.console());
        assertEquals(1, run.records().stream().map(this::port).distinct().count());
    }

    @Test
    void neverOpensAConnectionForEachRequestAndClosesIt() throws IOException {
        Run run = profile("--concurrency", "1", "--request-count", "6", "--isl", "8", "--osl", "4",
                "--connection-reuse-strategy", "never");

        assertEquals(0, run.exit(), run.console());
        assertEquals(6, run.records().stream().map(this::port).distinct().count(),
                "one after another, yet each request on a connection of its own");
    }

    @Test
    void stickyUserSessionsSendEverySessionOverItsOwnConnectionAndCloseItAfterTheLastTurn() throws IOException {
        Run run = sessions(1, "--connection-reuse-strategy", "sticky-user-sessions");

        assertEquals(0, run.exit(), run.console());
        assertTrue(run.console().contains("connections: sticky-user-sessions"), "the run's header says so");
        assertEquals(9, run.records().size());
        // A session is the turns 0, 1, 2 of one conversation, one session after another at concurrency 1.
        List<Set<Integer>> portsPerSession = new ArrayList<>();
        Map<String, Set<Integer>> open = new java.util.HashMap<>();
        for (JsonNode record : run.records()) {
            String conversation = record.get("metadata").get("conversation_id").asText();
            open.computeIfAbsent(conversation, c -> new HashSet<>()).add(port(record));
            if (record.get("metadata").get("turn_index").asInt() == 2) {
                portsPerSession.add(open.remove(conversation));
            }
        }
        assertEquals(3, portsPerSession.size());
        for (Set<Integer> ports : portsPerSession) {
            assertEquals(1, ports.size(), "every turn of a session over one connection: " + portsPerSession);
        }
        Set<Integer> all = portsPerSession.stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertEquals(3, all.size(), "each session a connection of its own: " + portsPerSession);
        assertEquals(List.of(1, 1, 1), openAtFirstTurns,
                "each session's connection closed after its last turn, before the next session began");
    }

    @Test
    void stickySessionsRunningAtOnceEachKeepTheirOwnConnection() throws IOException {
        Run run = sessions(2, "--connection-reuse-strategy", "sticky-user-sessions");

        assertEquals(0, run.exit(), run.console());
        Map<String, Set<Integer>> portsByConversation = new java.util.HashMap<>();
        for (JsonNode record : run.records()) {
            portsByConversation.computeIfAbsent(record.get("metadata").get("conversation_id").asText(),
                    c -> new HashSet<>()).add(port(record));
        }
        // Conversations c0, c1 run as sessions at once, then c2; a conversation is one session here.
        assertEquals(3, portsByConversation.size());
        portsByConversation.forEach((conversation, ports) -> assertEquals(1, ports.size(), conversation + ": " + ports));
        assertEquals(3, portsByConversation.values().stream().flatMap(Set::stream).distinct().count());
    }

    @Test
    void pooledSessionsShareConnections() throws IOException {
        Run run = sessions(1);

        assertEquals(0, run.exit(), run.console());
        assertEquals(1, run.records().stream().map(this::port).distinct().count(),
                "one session at a time: the pool's one connection carries them all");
    }

    @Test
    void aStrategyThatIsNoneOrNeedsHttp11IsOneLine() throws IOException {
        Run unknown = profile("--request-count", "1", "--connection-reuse-strategy", "sometimes");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.console().contains("--connection-reuse-strategy 'sometimes' is not a strategy: use pooled, "
                + "never, sticky-user-sessions"), unknown.console());

        Run http2 = profile("--request-count", "1", "--connection-reuse-strategy", "never", "--http2");
        assertEquals(2, http2.exit());
        assertTrue(http2.console().contains("--connection-reuse-strategy never needs HTTP/1.1"), http2.console());
    }
}
