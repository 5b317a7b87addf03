package io.llmbench.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.record.Phase;
import io.llmbench.runtime.record.RequestRecord;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads parsed later, off the network thread, decode exactly as reads parsed as they arrive. */
class DeferredReadsTest {

    private static final OutgoingRequest REQUEST = new OutgoingRequest("id-1", "conv", 0, 0, Phase.PROFILING,
            "prompt", 0, new byte[0], RequestRecord.NOT_RECORDED);
    private static final URI ENDPOINT = URI.create("http://127.0.0.1/v1/chat/completions");

    /** A stream as servers write it: role, tokens (one with an escape), a named event, usage, [DONE]. */
    private static byte[] stream(int tokens) {
        StringBuilder text = new StringBuilder(
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n");
        for (int i = 0; i < tokens; i++) {
            String content = i == 3 ? "line\\nbreak" : " word" + i;
            text.append("data: {\"id\":\"c-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"").append(content)
                    .append("\"},\"finish_reason\":null}]}\n\n");
            if (i == tokens / 2) {
                text.append("event: note\ndata: {\"anything\":1}\n\n");
            }
        }
        text.append("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":").append(tokens)
                .append("}}\n\ndata: [DONE]\n\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static CompletedExchange exchange(ArrivingStream stream, List<SseEvent> events,
            List<DecodedEvent> decoded) {
        return new CompletedExchange(REQUEST, ENDPOINT, 1, 2, 3, 900, 901, 200, true, events, new byte[0], null,
                new OpenAiChatShape(), decoded);
    }

    /** Every read parsed as it arrives; {@code ended}: the body's end was read (else the stream was cut). */
    private static RequestRecord inPlace(byte[] body, int readSize, boolean ended) {
        ArrivingStream stream = ArrivingStream.openAiChat();
        SseParser parser = new SseParser(stream);
        for (int at = 0, read = 0; at < body.length; at += readSize, read++) {
            parser.feed(ByteBuffer.wrap(body, at, Math.min(readSize, body.length - at)), 1_000 + read);
        }
        if (ended) {
            parser.finish();
        }
        return exchange(stream, stream.events(), stream.decodedEvents()).toRecord();
    }

    /** The reads before {@code deferFrom} parsed as they arrive, the rest deferred. */
    private static CompletedExchange deferred(byte[] body, int readSize, int deferFrom, boolean ended) {
        ArrivingStream stream = ArrivingStream.openAiChat();
        SseParser parser = new SseParser(stream);
        DeferredReads reads = null;
        for (int at = 0, read = 0; at < body.length; at += readSize, read++) {
            ByteBuffer bytes = ByteBuffer.wrap(body, at, Math.min(readSize, body.length - at));
            if (read < deferFrom) {
                parser.feed(bytes, 1_000 + read);
            } else {
                if (reads == null) {
                    reads = new DeferredReads(parser, stream, bytes.remaining());
                }
                reads.append(bytes, 1_000 + read);
                assertFalse(bytes.hasRemaining(), "a read is consumed when copied");
            }
        }
        if (ended) {
            reads.end();
        }
        return exchange(stream, reads.events(), reads.decodedEvents());
    }

    @Test
    void deferredReadsDecodeAsReadsParsedOnArrival() {
        byte[] whole = stream(40);
        // A cut stream ends inside its usage event: that half event is never decoded.
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 30);
        for (int readSize : new int[] {whole.length, 4096, 333, 17, 1}) {
            for (boolean ended : new boolean[] {true, false}) {
                byte[] body = ended ? whole : cut;
                int reads = (body.length + readSize - 1) / readSize;
                for (int deferFrom : new int[] {0, reads / 2, reads - 1}) {
                    RequestRecord expected = inPlace(body, readSize, ended);
                    RequestRecord actual = deferred(body, readSize, deferFrom, ended).toRecord();
                    String which = "reads of " + readSize + " deferred from " + deferFrom + (ended ? "" : ", cut");
                    assertEquals(expected.chunks(), actual.chunks(), which);
                    assertEquals(expected.usage(), actual.usage(), which);
                    assertEquals(expected.error(), actual.error(), which);
                    assertEquals(expected.endNs(), actual.endNs(), which);
                    assertEquals(40, expected.chunks().stream().filter(chunk -> chunk.isTokenBearing()).count(), which);
                    assertEquals(ended, expected.usage() != null, which + ": the usage event is whole only if ended");
                }
            }
        }
    }

    @Test
    void eachEventKeepsTheInstantOfTheReadThatCompletedIt() {
        byte[] body = stream(8);
        // Three reads, the second and third deferred: events completed by a read carry its instant.
        RequestRecord record = deferred(body, body.length / 3 + 1, 1, true).toRecord();
        assertEquals(1_000, record.chunks().get(0).receivedNs());
        assertTrue(record.chunks().stream().anyMatch(chunk -> chunk.receivedNs() == 1_001));
        assertEquals(1_002, record.chunks().get(record.chunks().size() - 1).receivedNs());
    }

    @Test
    void theStreamIsParsedOnlyWhenItsEventsAreFirstUsed() {
        byte[] body = stream(8);
        CompletedExchange exchange = deferred(body, body.length, 0, true);
        DeferredReads.Parsed<?> events = (DeferredReads.Parsed<?>) exchange.decodedEvents();
        assertFalse(events.parsed(), "handing the exchange on does not parse it");
        assertEquals(12, exchange.eventCount(), "role, 8 tokens, the named event, usage and [DONE]");
        assertTrue(events.parsed());
        assertEquals(exchange.toRecord().chunks(), exchange.toRecord().chunks(), "parsed once, read twice");
    }
}
