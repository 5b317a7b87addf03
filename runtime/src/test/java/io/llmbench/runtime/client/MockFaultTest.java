package io.llmbench.runtime.client;

import static io.llmbench.runtime.client.Exchanges.request;
import static io.llmbench.runtime.client.Exchanges.send;
import static io.llmbench.runtime.client.Exchanges.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.mock.MockFault;
import io.llmbench.runtime.mock.MockFaults;
import io.llmbench.runtime.mock.MockServer;
import io.llmbench.runtime.mock.MockSettings;
import io.llmbench.runtime.record.ErrorType;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.spec.TargetSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Each fault the mock server injects, seen through the real client over loopback. */
class MockFaultTest {

    private static final MockSettings FAST = MockSettings.defaults().withTiming(5, 1).withOutputTokens(8);

    private static RequestRecord oneRequest(MockFaults faults, boolean streaming, Duration timeout) throws Exception {
        try (MockServer mock = MockServer.start(FAST, faults)) {
            TargetSpec target = target(mock.baseUri(), EndpointType.CHAT, streaming, timeout);
            try (EndpointClient client = new EndpointClient(target, 2)) {
                return send(client, request(target, "hello there", -1));
            }
        }
    }

    private static RequestRecord oneRequest(MockFault fault, boolean streaming) throws Exception {
        return oneRequest(MockFaults.always(fault), streaming, Duration.ofSeconds(20));
    }

    private static long tokenEvents(RequestRecord record) {
        return record.chunks().stream().filter(ResponseChunk::isTokenBearing).count();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void http500And503AreHttpErrorsWithTheirStatus(boolean streaming) throws Exception {
        RequestRecord r500 = oneRequest(MockFault.HTTP_500, streaming);
        assertEquals(ErrorType.HTTP, r500.error().type());
        assertEquals(500, r500.error().code());
        assertTrue(r500.error().message().contains("injected fault: http_500"), r500.error().message());
        RequestRecord r503 = oneRequest(MockFault.HTTP_503, streaming);
        assertEquals(ErrorType.HTTP, r503.error().type());
        assertEquals(503, r503.httpStatus());
    }

    @Test
    void http429CarriesRetryAfterAndIsClassifiedAsHttp429() throws Exception {
        try (MockServer mock = MockServer.start(FAST,
                MockFaults.always(MockFault.HTTP_429).withParameters(10, 10, 7, 100))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(mock.baseUri() + "/v1/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(429, response.statusCode());
            assertEquals("7", response.headers().firstValue("Retry-After").orElse(null));
        }
        RequestRecord record = oneRequest(MockFault.HTTP_429, true);
        assertEquals(ErrorType.HTTP, record.error().type());
        assertEquals(429, record.error().code());
    }

    @Test
    void droppedStreamFailsAsStreamButKeepsItsTtftAndTokensBeforeTheDrop() throws Exception {
        RequestRecord record = oneRequest(MockFault.DROP, true);
        assertNotNull(record.error(), "a dropped stream must fail");
        assertEquals(ErrorType.STREAM, record.error().type(), record.error().message());
        assertEquals(4, tokenEvents(record), "the 4 tokens before the drop at token 8/2 are kept");
        assertNotEquals(RequestRecord.NOT_RECORDED, record.ackNs());
    }

    @Test
    void droppedNonStreamingBodyFailsAsStream() throws Exception {
        RequestRecord record = oneRequest(MockFault.DROP, false);
        assertNotNull(record.error());
        assertEquals(ErrorType.STREAM, record.error().type(), record.error().message());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void malformedJsonIsAResponseErrorAfterTheGoodEvents(boolean streaming) throws Exception {
        RequestRecord record = oneRequest(MockFault.MALFORMED_EVENT, streaming);
        assertEquals(ErrorType.RESPONSE, record.error().type(), record.error().message());
        assertTrue(record.error().message().startsWith("malformed JSON"), record.error().message());
        assertEquals(streaming ? 4 : 0, tokenEvents(record));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void errorEventIsAResponseErrorWithTheServersMessage(boolean streaming) throws Exception {
        RequestRecord record = oneRequest(MockFault.ERROR_EVENT, streaming);
        assertEquals(ErrorType.RESPONSE, record.error().type());
        assertEquals(500, record.error().code());
        assertTrue(record.error().message().contains("injected fault: error_event"), record.error().message());
        assertEquals(streaming ? 4 : 0, tokenEvents(record));
    }

    @Test
    void stallLongerThanTheTimeoutIsATimeoutThatKeepsTheTokensBeforeIt() throws Exception {
        RequestRecord record = oneRequest(MockFaults.always(MockFault.STALL).withParameters(4_000, 0, 1, 100),
                true, Duration.ofMillis(1_500));
        assertEquals(ErrorType.TIMEOUT, record.error().type(), record.error().message());
        assertEquals(4, tokenEvents(record));
    }

    @Test
    void stallShorterThanTheTimeoutOnlyWidensOneInterTokenGap() throws Exception {
        RequestRecord record = oneRequest(MockFaults.always(MockFault.STALL).withParameters(300, 0, 1, 100),
                true, Duration.ofSeconds(20));
        assertNull(record.error());
        var tokens = record.chunks().stream().filter(ResponseChunk::isTokenBearing).toList();
        // Token 4 is due a stall later than it would have been; token 3 is not held back.
        long fourthMs = (tokens.get(4).receivedNs() - record.startNs()) / 1_000_000;
        assertTrue(fourthMs >= 300, "the stall sits before token 4, which came after " + fourthMs + " ms");
        assertTrue(tokens.get(4).receivedNs() - tokens.get(3).receivedNs() > 100_000_000L,
                "the gap between tokens 3 and 4 holds the stall");
    }

    @Test
    void slowHeadersDelayTheAcknowledgementAndTheFirstToken() throws Exception {
        RequestRecord record = oneRequest(MockFaults.always(MockFault.SLOW_HEADERS).withParameters(0, 400, 1, 100),
                true, Duration.ofSeconds(20));
        assertNull(record.error());
        assertTrue((record.ackNs() - record.startNs()) / 1_000_000 >= 390, "headers held back ~400 ms");
        assertEquals(8, tokenEvents(record));
    }

    @Test
    void slowHeadersPastTheTimeoutAreATimeout() throws Exception {
        RequestRecord record = oneRequest(MockFaults.always(MockFault.SLOW_HEADERS).withParameters(0, 3_000, 1, 100),
                true, Duration.ofMillis(500));
        assertEquals(ErrorType.TIMEOUT, record.error().type(), record.error().message());
        assertEquals(RequestRecord.NOT_RECORDED, record.ackNs());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void hugeEventIsReadWhole(boolean streaming) throws Exception {
        RequestRecord record = oneRequest(MockFaults.always(MockFault.HUGE_EVENT).withParameters(0, 0, 1, 4 << 20),
                streaming, Duration.ofSeconds(20));
        assertNull(record.error(), () -> "a huge but valid event must succeed: " + record.error());
        int longest = record.chunks().stream().mapToInt(c -> c.content().length()).max().orElse(0);
        assertTrue(longest >= 4 << 20, "the 4 MiB content delta arrived whole, longest was " + longest);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void htmlInsteadOfSseIsAResponseError(boolean streaming) throws Exception {
        RequestRecord record = oneRequest(MockFault.NOT_SSE, streaming);
        assertEquals(ErrorType.RESPONSE, record.error().type(), record.error().message());
        assertEquals(200, record.httpStatus());
        assertTrue(record.error().message().contains("html"), record.error().message());
    }
}
