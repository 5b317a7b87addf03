package io.llmbench.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.record.Usage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamEventDecoderTest {

    private static DecodedEvent fast(String json) {
        return StreamEventDecoder.decode(json.getBytes(StandardCharsets.UTF_8), 7);
    }

    /** The general (tree) path's result for one event: what the fast path must reproduce. */
    private static ResponseDecoder.Decoded general(String json) {
        // An "error"-named event never takes the fast path; the tree path still decodes the chunk of
        // an event without an error field, so this reaches it for the comparison.
        return ResponseDecoder.decodeEvents(List.of(new SseEvent("error-free", json.getBytes(StandardCharsets.UTF_8), 7)));
    }

    private static void agrees(String json) {
        DecodedEvent fast = fast(json);
        ResponseDecoder.Decoded general = general(json);
        assertEquals(general.chunks().get(0), fast.chunk(), json);
        assertEquals(general.usage(), fast.usage(), json);
    }

    @Test
    void readsTheDeltaMessageOrTextOfTheFirstChoiceLikeTheGeneralPath() {
        assertEquals(new ResponseChunk(7, "Hi", "", false),
                fast("{\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"logprobs\":null}]}")
                        .chunk());
        agrees("{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}");
        agrees("{\"choices\":[{\"delta\":{\"reasoning_content\":\"think\",\"content\":null}}]}");
        agrees("{\"choices\":[{\"delta\":{\"reasoning_content\":\"\",\"reasoning\":\"r\"}}]}");
        agrees("{\"choices\":[{\"delta\":null,\"message\":{\"content\":\"m\"}}]}");
        agrees("{\"choices\":[{\"text\":\"completion\",\"extra\":{\"a\":[1,2]}}]}");
        agrees("{\"choices\":[{\"text\":{\"not\":\"text\"}}]}");
        agrees("{\"choices\":[{\"delta\":{\"content\":\"a\"}},{\"delta\":{\"content\":\"b\"}}]}");
        agrees("{\"choices\":[5,{\"delta\":{\"content\":\"b\"}}]}");
        agrees("{\"choices\":[]}");
        agrees("{\"choices\":\"none\"}");
        agrees("{\"object\":\"chunk\"}");
    }

    @Test
    void readsUsageWithReasoningDetailsAndMarksUsageOnlyEvents() {
        DecodedEvent decoded = fast("{\"choices\":[],\"usage\":{\"prompt_tokens\":12,"
                + "\"completion_tokens\":128,\"completion_tokens_details\":{\"reasoning_tokens\":3}}}");
        assertEquals(new Usage(12, 128, 3), decoded.usage());
        assertEquals(new ResponseChunk(7, "", "", true), decoded.chunk());
        agrees("{\"choices\":[],\"usage\":{\"prompt_tokens\":1.5,\"completion_tokens\":\"2\"}}");
        agrees("{\"usage\":null,\"choices\":[{\"delta\":{\"content\":\"x\"}}]}");
        agrees("{\"usage\":[1],\"choices\":[{\"delta\":{\"content\":\"x\"}}]}");
        agrees("{\"usage\":{\"completion_tokens_details\":null,\"prompt_tokens\":4}}");
    }

    @Test
    void leavesErrorsAndMalformedEventsToTheGeneralPath() {
        assertNull(fast("{\"error\":{\"message\":\"boom\"}}"));
        assertNull(fast("{\"choices\":[{\"delta\":{\"content\":\"x\"}}]"));
        assertNull(fast("[1,2]"));
        assertNull(fast("{\"choices\":[]} trailing"));
        assertNull(fast(""));
    }

    private static List<SseEvent> stream(String... data) {
        java.util.ArrayList<SseEvent> events = new java.util.ArrayList<>();
        long ns = 100;
        for (String d : data) {
            events.add(new SseEvent(null, d.getBytes(StandardCharsets.UTF_8), ns++));
        }
        return events;
    }

    /** What the per-event path makes of a stream: each event decoded on its own, as before. */
    private static ResponseDecoder.Decoded perEvent(List<SseEvent> events) {
        java.util.ArrayList<ResponseChunk> chunks = new java.util.ArrayList<>();
        Usage usage = null;
        for (SseEvent event : events) {
            ResponseDecoder.Decoded one = general(new String(event.data(), StandardCharsets.UTF_8));
            if (one.error() != null) {
                return null;
            }
            ResponseChunk chunk = one.chunks().get(0);
            chunks.add(new ResponseChunk(event.receivedNs(), chunk.content(), chunk.reasoning(), chunk.usageOnly()));
            usage = one.usage() != null ? one.usage() : usage;
        }
        return new ResponseDecoder.Decoded(chunks, usage, null);
    }

    @Test
    void aWholeStreamDecodedAtOnceEqualsEachEventDecodedAlone() {
        List<SseEvent> events = stream(
                "{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}",
                " {\"choices\":[{\"delta\":{\"content\":\" the\"}}]} ",
                "{\"choices\":[{\"delta\":{\"reasoning_content\":\"hm\"}}]}",
                "{\"choices\":[{\"delta\":{},\"finish_reason\":\"length\"}]}",
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}");
        DecodedEvent[] all = StreamEventDecoder.decodeAll(events);
        ResponseDecoder.Decoded expected = perEvent(events);
        assertEquals(expected.chunks().size(), all.length);
        for (int i = 0; i < all.length; i++) {
            assertEquals(expected.chunks().get(i), all[i].chunk(), "event " + i);
        }
        java.util.ArrayList<SseEvent> withDone = new java.util.ArrayList<>(events);
        withDone.add(new SseEvent(null, "[DONE]".getBytes(StandardCharsets.UTF_8), 200));
        assertEquals(expected, ResponseDecoder.decodeEvents(withDone));
    }

    @Test
    void decodingAtOnceGivesUpWhenAnEventHoldsOtherThanExactlyOneObject() {
        String ok = "{\"choices\":[{\"delta\":{\"content\":\"x\"}}]}";
        // two objects in one event, then the next event: boundaries must not blur
        assertNull(StreamEventDecoder.decodeAll(stream(ok + ok, ok)));
        // an empty event between two objects
        assertNull(StreamEventDecoder.decodeAll(stream(ok, "", ok)));
        // an object split across two events
        assertNull(StreamEventDecoder.decodeAll(stream("{\"choices\":[", "]}")));
        // trailing garbage, an error object, an array
        assertNull(StreamEventDecoder.decodeAll(stream(ok + " x", ok)));
        assertNull(StreamEventDecoder.decodeAll(stream(ok, "{\"error\":{\"message\":\"boom\"}}")));
        assertNull(StreamEventDecoder.decodeAll(stream("[1]")));
        // and the stream decoder then reports what the per-event path reports
        ResponseDecoder.Decoded broken = ResponseDecoder.decodeEvents(stream(ok, "{not json"));
        assertEquals(1, broken.chunks().size());
        assertEquals(io.llmbench.runtime.record.ErrorType.RESPONSE, broken.error().type());
    }
}
