package io.llmbench.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.record.Phase;
import io.llmbench.runtime.record.RequestRecord;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArrivingStreamTest {

    private static final OutgoingRequest REQUEST = new OutgoingRequest("id-1", "conv", 0, 0, Phase.PROFILING,
            "prompt", 0, new byte[0], RequestRecord.NOT_RECORDED);
    private static final URI URI_OF_TEST = URI.create("http://127.0.0.1/v1/chat/completions");

    private static final String ROLE = "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n";
    private static final String USAGE = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}\n\n";
    private static final String DONE = "data: [DONE]\n\n";

    private static String token(String text) {
        return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":null}]}\n\n";
    }

    /** Feeds {@code body} in reads of {@code readSize} bytes, each read stamped with its own instant. */
    private static void feed(SseParser parser, byte[] body, int readSize) {
        for (int at = 0, read = 0; at < body.length; at += readSize, read++) {
            parser.feed(java.nio.ByteBuffer.wrap(body, at, Math.min(readSize, body.length - at)), 1_000 + read);
        }
        parser.finish();
    }

    private static CompletedExchange decodedOnArrival(byte[] body, int readSize) {
        ArrivingStream stream = new ArrivingStream(new OpenAiChatShape(), null);
        feed(new SseParser(stream), body, readSize);
        return new CompletedExchange(REQUEST, URI_OF_TEST, 1, 2, 3, 900, 901, 200, true, stream.events(), new byte[0],
                null, new OpenAiChatShape(), stream.decodedEvents());
    }

    private static CompletedExchange keptRaw(byte[] body, int readSize) {
        List<SseEvent> events = new ArrayList<>();
        feed(new SseParser((name, data, receivedNs) -> events.add(new SseEvent(name, data, receivedNs))), body,
                readSize);
        return new CompletedExchange(REQUEST, URI_OF_TEST, 1, 2, 3, 900, 901, 200, true, events, new byte[0], null);
    }

    private static void sameRecord(String stream) {
        byte[] body = stream.getBytes(StandardCharsets.UTF_8);
        for (int readSize : new int[] {body.length, 7, 1}) {
            RequestRecord expected = keptRaw(body, readSize).toRecord();
            RequestRecord actual = decodedOnArrival(body, readSize).toRecord();
            assertEquals(expected.chunks(), actual.chunks(), stream);
            assertEquals(expected.usage(), actual.usage(), stream);
            assertEquals(expected.error(), actual.error(), stream);
            assertEquals(expected.endNs(), actual.endNs(), stream);
        }
    }

    @Test
    void aPlainStreamKeepsOnlyItsDoneRawAndDecodesAsIfAllWereKept() {
        String stream = ROLE + token(" Hello") + token(" world") + USAGE + DONE;
        CompletedExchange exchange = decodedOnArrival(stream.getBytes(StandardCharsets.UTF_8), 64);
        assertEquals(1, exchange.events().size());
        assertTrue(exchange.events().get(0).isDone());
        assertEquals(5, exchange.eventCount());
        assertTrue(exchange.doneReceived());
        sameRecord(stream);
    }

    @Test
    void eventsTheScannerLeavesToJacksonKeepTheirPlaceInTheStream() {
        // a named event, an escaped field name, reasoning, an event after [DONE]
        sameRecord(ROLE + "event: note\ndata: {\"choices\":[{\"delta\":{\"content\":\"named\"}}]}\n\n" + token(" a")
                + "data: {\"choi\\u0063es\":[{\"delta\":{\"content\":\"escaped\"}}]}\n\n" + token(" b")
                + "data: {\"choices\":[{\"delta\":{\"reasoning_content\":\"hm\"}}]}\n\n" + USAGE + DONE
                + token(" late"));
    }

    @Test
    void anErrorOrMalformedEventEndsTheStreamAsBefore() {
        sameRecord(ROLE + token(" a") + "data: {\"error\":{\"message\":\"overloaded\",\"code\":503}}\n\n"
                + token(" b") + DONE);
        sameRecord(ROLE + token(" a") + "data: {not json\n\n" + token(" b") + DONE);
        sameRecord(ROLE + token(" a") + "event: error\ndata: {\"message\":\"boom\"}\n\n" + DONE);
        RequestRecord missingDone = decodedOnArrival((ROLE + token(" a")).getBytes(StandardCharsets.UTF_8), 9)
                .toRecord();
        assertFalse(missingDone.isValid());
        assertEquals("stream ended without data: [DONE] after 2 events", missingDone.error().message());
        sameRecord(ROLE + token(" a"));
    }

    @Test
    void randomMixesOfEventsDecodeAsIfEveryEventWereKeptRaw() {
        List<String> kinds = List.of(ROLE, token(" x"), token("é\\n\\\"q\\\""), USAGE, DONE,
                "event: ping\ndata: {}\n\n", "data: {\"choi\\u0063es\":[]}\n\n", "data: [1,2]\n\n",
                "data: {\"error\":\"no\"}\n\n", ": comment\n\n",
                "data: {\"choices\":[{\"text\":\"completion\"}],\"usage\":{\"completion_tokens\":1.5}}\n\n");
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            StringBuilder stream = new StringBuilder();
            for (int i = random.nextInt(8); i >= 0; i--) {
                stream.append(kinds.get(random.nextInt(kinds.size())));
            }
            sameRecord(stream.toString());
        }
    }
}
