package io.llmbench.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.record.ErrorType;
import io.llmbench.runtime.record.Phase;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.record.Usage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding a captured exchange into a record, without the network. */
class CompletedExchangeTest {

    private static final OutgoingRequest REQUEST = new OutgoingRequest("id-1", "conv", 0, 5, Phase.PROFILING,
            "prompt", 0, new byte[0], 1_000);

    private static CompletedExchange stream(String... data) {
        List<SseEvent> events = new ArrayList<>();
        long ns = 100;
        for (String d : data) {
            events.add(new SseEvent(null, d.getBytes(StandardCharsets.UTF_8), ns += 10));
        }
        return new CompletedExchange(REQUEST, URI.create("http://x/v1/chat/completions"), 10, 20, 30, ns, ns + 1,
                200, true, events, new byte[0], null);
    }

    @Test
    void chatDeltasGiveContentReasoningRoleOnlyAndUsageOnlyChunks() {
        RequestRecord record = stream(
                "{\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}",
                "{\"choices\":[{\"delta\":{\"reasoning\":\"think\"}}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"A\",\"reasoning_content\":null}}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"\"},\"finish_reason\":\"stop\"}]}",
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2}}",
                "[DONE]").toRecord();

        assertNull(record.error());
        List<ResponseChunk> chunks = record.chunks();
        assertEquals(5, chunks.size());
        assertFalse(chunks.get(0).isTokenBearing(), "role-only");
        assertEquals("think", chunks.get(1).reasoning());
        assertEquals("A", chunks.get(2).content());
        assertFalse(chunks.get(3).isTokenBearing());
        assertTrue(chunks.get(4).usageOnly());
        assertEquals(new Usage(4, 2, -1), record.usage());
        assertEquals(chunks.get(2).receivedNs(), record.endNs(), "end at the last token-bearing event");
        assertEquals(1_000, record.scheduledStartNs(), "an explicit schedule is kept");
        assertEquals(5, record.entryIndex());
    }

    @Test
    void completionsTextAndUsageOnEveryChunkTakeTheLastUsage() {
        RequestRecord record = stream(
                "{\"object\":\"text_completion\",\"choices\":[{\"text\":\" a\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}",
                "{\"object\":\"text_completion\",\"choices\":[{\"text\":\" b\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}",
                "[DONE]").toRecord();

        assertNull(record.error());
        assertEquals(List.of(" a", " b"), record.chunks().stream().map(ResponseChunk::content).toList());
        assertFalse(record.chunks().get(0).usageOnly(), "usage beside choices is not usage-only");
        assertEquals(new Usage(3, 2, -1), record.usage());
    }

    @Test
    void streamWithoutAnyTokenEndsAtItsLastEvent() {
        CompletedExchange exchange = stream("{\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}",
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":0}}", "[DONE]");
        RequestRecord record = exchange.toRecord();

        assertNull(record.error());
        assertEquals(exchange.events().get(1).receivedNs(), record.endNs());
    }

    @Test
    void jsonThatIsNotAnObjectIsAResponseError() {
        RequestRecord record = stream("{\"choices\":[{\"delta\":{\"content\":\"A\"}}]}", "42", "[DONE]").toRecord();

        assertEquals(ErrorType.RESPONSE, record.error().type());
        assertEquals(1, record.chunks().size(), "chunks before the bad event are kept");
        assertEquals(131, record.endNs(), "a failed record ends when the client saw it end");
    }

    @Test
    void nonStreamingBodyThatIsNotJsonIsAResponseError() {
        CompletedExchange exchange = new CompletedExchange(REQUEST, URI.create("http://x"), 1, 2, 3, 4, 5, 200,
                false, List.of(), "<html>oops</html>".getBytes(StandardCharsets.UTF_8), null);

        RequestRecord record = exchange.toRecord();

        assertEquals(ErrorType.RESPONSE, record.error().type());
        assertTrue(record.error().message().contains("<html>oops</html>"), record.error().message());
    }

    @Test
    void unscheduledRequestIsScheduledAtItsStartOrElseWhenQueued() {
        OutgoingRequest unscheduled = new OutgoingRequest("id-2", "conv", 0, 0, Phase.PROFILING, "p", 0,
                new byte[0], RequestRecord.NOT_RECORDED);
        CompletedExchange started = new CompletedExchange(unscheduled, URI.create("http://x"), 7, 9, 11, 12, 13, 200,
                false, List.of(), "{}".getBytes(StandardCharsets.UTF_8), null);
        CompletedExchange refused = new CompletedExchange(unscheduled, URI.create("http://x"), 7,
                RequestRecord.NOT_RECORDED, RequestRecord.NOT_RECORDED, RequestRecord.NOT_RECORDED, 13, 0, false,
                List.of(), new byte[0], new java.net.ConnectException("Connection refused"));

        assertEquals(9, started.toRecord().scheduledStartNs());
        assertEquals(7, refused.toRecord().scheduledStartNs());
        assertEquals(ErrorType.CONNECT, refused.toRecord().error().type());
    }

    @Test
    void errorBodyFieldsAreTriedInOrder() {
        assertEquals("a", ResponseDecoder.errorMessage("{\"error\":{\"message\":\"a\"}}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("b", ResponseDecoder.errorMessage("{\"error\":\"b\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("c", ResponseDecoder.errorMessage("{\"object\":\"error\",\"message\":\"c\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("d", ResponseDecoder.errorMessage("{\"detail\":\"d\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("line one line two", ResponseDecoder.errorMessage("line one\r\nline two".getBytes(StandardCharsets.UTF_8)));
    }
}
