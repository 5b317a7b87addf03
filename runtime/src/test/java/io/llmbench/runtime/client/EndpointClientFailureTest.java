package io.llmbench.runtime.client;

import static io.llmbench.runtime.client.Exchanges.chat;
import static io.llmbench.runtime.client.Exchanges.request;
import static io.llmbench.runtime.client.Exchanges.send;
import static io.llmbench.runtime.client.Exchanges.target;
import static io.llmbench.runtime.client.ScriptedServer.immediately;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.record.ErrorType;
import io.llmbench.runtime.record.RequestError;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.spec.TargetSpec;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How the client classifies failures and what it keeps from them, against scripted servers. */
class EndpointClientFailureTest {

    private static final String SSE = "text/event-stream";
    private static final String ROLE = "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
            + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n";

    private static String token(String text) {
        return "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                + text + "\"}}]}\n\n";
    }

    private static String contentOf(RequestRecord record) {
        return String.join("", record.chunks().stream().map(ResponseChunk::content).toList());
    }

    private static void assertError(RequestRecord record, ErrorType type, int code, String messagePart) {
        RequestError error = record.error();
        assertTrue(error != null, "expected a " + type + " error, got none");
        assertEquals(type, error.type(), () -> "error was " + error);
        assertEquals(code, error.code(), () -> "error was " + error);
        assertTrue(error.message().contains(messagePart), () -> "message '" + error.message() + "' lacks '" + messagePart + "'");
        assertFalse(error.message().contains("\n"), "one-line message");
    }

    @Test
    void http500WithErrorJsonIsHttpErrorWithTheServersMessage() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(500, "application/json", immediately(
                "{\"error\":{\"message\":\"model is overloaded\",\"type\":\"server_error\",\"code\":500}}"),
                ScriptedServer.Ending.COMPLETE)) {
            TargetSpec target = chat(server.uri(), true);
            try (EndpointClient client = new EndpointClient(target, 1)) {
                RequestRecord record = send(client, request(target, "hi", 4));

                assertError(record, ErrorType.HTTP, 500, "model is overloaded");
                assertEquals(500, record.httpStatus());
                assertNotEquals(RequestRecord.NOT_RECORDED, record.ackNs());
            }
        }
    }

    @Test
    void http404WithPlainBodyKeepsTheBodyStart() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(404, "text/plain", immediately("Not Found\n"),
                ScriptedServer.Ending.COMPLETE)) {
            TargetSpec target = chat(server.uri(), false);
            try (EndpointClient client = new EndpointClient(target, 1)) {
                assertError(send(client, request(target, "hi", 4)), ErrorType.HTTP, 404, "HTTP 404: Not Found");
            }
        }
    }

    @Test
    void closedPortIsConnectError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        TargetSpec target = chat(URI.create("http://127.0.0.1:" + port), true);
        try (EndpointClient client = new EndpointClient(target, 1)) {
            RequestRecord record = send(client, request(target, "hi", 4));

            assertError(record, ErrorType.CONNECT, 0, "127.0.0.1:" + port);
            assertEquals(RequestRecord.NOT_RECORDED, record.startNs(), "never began on a connection");
            assertEquals(RequestRecord.NOT_RECORDED, record.ackNs());
            assertEquals(0, record.httpStatus());
        }
    }

    @Test
    void stalledServerIsTimeoutAfterTheRequestTimeout() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(200, SSE, List.of(), ScriptedServer.Ending.STALL)) {
            TargetSpec target = target(server.uri(), EndpointType.CHAT, true, Duration.ofMillis(300));
            try (EndpointClient client = new EndpointClient(target, 1)) {
                RequestRecord record = send(client, request(target, "hi", 4));

                assertError(record, ErrorType.TIMEOUT, 0, "timed out");
                double waited = (record.endNs() - record.queuedNs()) / 1e6;
                assertTrue(waited >= 290 && waited < 3_000, "timed out after " + waited + " ms");
            }
        }
    }

    @Test
    void stallMidStreamIsTimeoutKeepingTheChunksBefore() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(200, SSE, immediately(ROLE, token(" one")),
                ScriptedServer.Ending.STALL)) {
            // Long enough for the two events to arrive on a loaded machine before the timeout strikes.
            TargetSpec target = target(server.uri(), EndpointType.CHAT, true, Duration.ofMillis(1_500));
            try (EndpointClient client = new EndpointClient(target, 1)) {
                RequestRecord record = send(client, request(target, "hi", 4));

                assertError(record, ErrorType.TIMEOUT, 0, "timed out");
                assertEquals(" one", contentOf(record));
                assertEquals(2, record.chunks().size());
            }
        }
    }

    @Test
    void connectionAbortedMidStreamIsStreamErrorKeepingTheChunksBefore() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(200, SSE, immediately(ROLE, token(" one"), token(" two")),
                ScriptedServer.Ending.ABORT)) {
            TargetSpec target = chat(server.uri(), true);
            try (EndpointClient client = new EndpointClient(target, 1)) {
                RequestRecord record = send(client, request(target, "hi", 4));

                assertError(record, ErrorType.STREAM, 0, "");
                assertEquals(" one two", contentOf(record));
                assertEquals(200, record.httpStatus());
                long firstToken = record.chunks().stream().filter(ResponseChunk::isTokenBearing).findFirst()
                        .orElseThrow().receivedNs();
                assertTrue(firstToken >= record.startNs(), "the TTFT instant survives the failure");
            }
        }
    }

    @Test
    void streamEndingCleanlyWithoutDoneIsStreamError() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(200, SSE, immediately(ROLE, token(" one")),
                ScriptedServer.Ending.COMPLETE)) {
            TargetSpec target = chat(server.uri(), true);
            try (EndpointClient client = new EndpointClient(target, 1)) {
                RequestRecord record = send(client, request(target, "hi", 4));

                assertError(record, ErrorType.STREAM, 0, "without data: [DONE]");
                assertEquals(" one", contentOf(record));
            }
        }
    }

    @Test
    void malformedJsonEventIsResponseErrorKeepingTheChunksBefore() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(200, SSE, immediately(ROLE, token(" one"),
                "data: {\"choices\": [{\"delta\": \n\n", token(" two"), "data: [DONE]\n\n"),
                ScriptedServer.Ending.COMPLETE)) {
            TargetSpec target = chat(server.uri(), true);
            try (EndpointClient client = new EndpointClient(target, 1)) {
                RequestRecord record = send(client, request(target, "hi", 4));

                assertError(record, ErrorType.RESPONSE, 0, "malformed JSON in stream event 3");
                assertEquals(" one", contentOf(record));
            }
        }
    }

    @Test
    void errorObjectInsideTheStreamIsResponseError() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(200, SSE, immediately(ROLE,
                "data: {\"error\":{\"message\":\"out of KV cache\",\"code\":503}}\n\n", "data: [DONE]\n\n"),
                ScriptedServer.Ending.COMPLETE)) {
            TargetSpec target = chat(server.uri(), true);
            try (EndpointClient client = new EndpointClient(target, 1)) {
                assertError(send(client, request(target, "hi", 4)), ErrorType.RESPONSE, 503, "out of KV cache");
            }
        }
    }

    @Test
    void endIsTheLastTokenBearingEventNotTheTrailingUsageOrDone() throws Exception {
        List<ScriptedServer.Step> steps = List.of(
                new ScriptedServer.Step(0, ROLE.getBytes(StandardCharsets.UTF_8)),
                new ScriptedServer.Step(30, ("data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                        + "\"delta\":{\"reasoning_content\":\"hmm\"}}]}\n\n").getBytes(StandardCharsets.UTF_8)),
                new ScriptedServer.Step(30, token(" answer").getBytes(StandardCharsets.UTF_8)),
                new ScriptedServer.Step(150, ("data: {\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":"
                        + "{\"prompt_tokens\":3,\"completion_tokens\":2,\"completion_tokens_details\":"
                        + "{\"reasoning_tokens\":1}}}\n\n").getBytes(StandardCharsets.UTF_8)),
                new ScriptedServer.Step(150, "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8)));
        try (ScriptedServer server = ScriptedServer.start(200, SSE, steps, ScriptedServer.Ending.COMPLETE)) {
            TargetSpec target = chat(server.uri(), true);
            try (EndpointClient client = new EndpointClient(target, 1)) {
                RequestRecord record = send(client, request(target, "hi", 4));

                assertNull(record.error(), () -> "unexpected error " + record.error());
                List<ResponseChunk> chunks = record.chunks();
                assertEquals(4, chunks.size(), "role, reasoning, content, usage; [DONE] is no chunk");
                assertEquals("hmm", chunks.get(1).reasoning());
                assertEquals(" answer", chunks.get(2).content());
                assertTrue(chunks.get(3).usageOnly());
                assertEquals(chunks.get(2).receivedNs(), record.endNs());
                assertTrue((chunks.get(3).receivedNs() - record.endNs()) / 1e6 >= 50,
                        "the usage event came later and did not extend the end");
                assertEquals(new io.llmbench.runtime.record.Usage(3, 2, 1), record.usage());
            }
        }
    }

    @Test
    void sendsTheHeadersAndBodyToTheEndpointPath() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(200, "application/json", immediately(
                "{\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"ok\",\"reasoning\":\"thought\"}}],\"usage\":{\"prompt_tokens\":1,"
                        + "\"completion_tokens\":1}}"), ScriptedServer.Ending.COMPLETE)) {
            TargetSpec target = new TargetSpec(server.uri(), "m", EndpointType.CHAT, false, "sk-test",
                    Map.of("X-Tenant", "blue"), Map.of(), Duration.ofSeconds(10));
            try (EndpointClient client = new EndpointClient(target, 1)) {
                OutgoingRequest request = request(target, "hi", 4);
                RequestRecord record = send(client, request);

                assertNull(record.error(), () -> "unexpected error " + record.error());
                assertEquals("ok", record.chunks().get(0).content());
                assertEquals("thought", record.chunks().get(0).reasoning());
                assertEquals(new io.llmbench.runtime.record.Usage(1, 1, -1), record.usage());
                ScriptedServer.Received received = server.received().get(0);
                assertEquals("POST", received.method());
                assertEquals("/v1/chat/completions", received.path());
                assertEquals("Bearer sk-test", received.headers().get("Authorization"));
                assertEquals(request.requestId(), received.headers().get("X-Request-ID"));
                assertEquals("blue", received.headers().get("X-Tenant"));
                assertEquals(List.of(server.uri().getAuthority()), received.headers().getValuesList("Host"),
                        "one Host header, the URL's authority");
                assertEquals("application/json", received.headers().get("Accept"));
                assertTrue(received.headers().get("Content-Type").startsWith("application/json"));
                assertNull(received.headers().get("Accept-Encoding"), "no compression of streams");
                assertEquals(new String(request.body(), StandardCharsets.UTF_8), received.body());
            }
        }
    }

    @Test
    void cancelledRequestIsCancelledAndCompletesOnce() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(200, SSE, immediately(ROLE), ScriptedServer.Ending.STALL)) {
            TargetSpec target = chat(server.uri(), true);
            try (EndpointClient client = new EndpointClient(target, 1)) {
                CompletableFuture<CompletedExchange> done = new CompletableFuture<>();
                EndpointClient.InFlightRequest inFlight = client.send(request(target, "hi", 4), done::complete);
                Thread.sleep(100);
                assertTrue(inFlight.cancel("end of duration"));
                RequestRecord record = done.get(10, TimeUnit.SECONDS).toRecord();

                assertError(record, ErrorType.CANCELLED, 0, "end of duration");
                assertTrue(record.wasCancelled());
            }
        }
    }
}
