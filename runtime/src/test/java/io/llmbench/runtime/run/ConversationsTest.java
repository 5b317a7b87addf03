package io.llmbench.runtime.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.client.RequestBodyFactory;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.record.Phase;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.spec.TargetSpec;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DatasetEntry turn(String conversation, int index, String text, long delayMs) {
        return new DatasetEntry(conversation, text, List.of(), -1, List.of(), List.of(), null, index,
                DatasetEntry.UNSET, delayMs);
    }

    private static RequestRecord answer(String text) {
        return new RequestRecord("r", "c", 0, 0, Phase.PROFILING, "p", 0, 0, 0, 0, 0, 0, 200,
                List.of(new ResponseChunk(1, text.substring(0, 2), "", false),
                        new ResponseChunk(2, text.substring(2), "", false)), null, null);
    }

    @Test
    void turnsAreGroupedInOrderAndCarryThePreviousTurnsAndAnswers() throws IOException {
        List<DatasetEntry> entries = List.of(turn("a", 1, "and then?", 500), turn("b", 0, "solo", -1),
                turn("a", 0, "tell me", -1), turn("a", 2, "thanks", 0));
        TargetSpec chat = new TargetSpec(URI.create("http://127.0.0.1:1"), "m", EndpointType.CHAT, true, null,
                Map.of(), Map.of(), Duration.ofSeconds(5));
        Conversations conversations = Conversations.of(entries, new RequestBodyFactory(chat, -1));
        assertEquals(2, conversations.size());
        assertEquals(2, conversations.entryIndex(0, 0), "turn 0 of conversation a");
        assertEquals(0, conversations.entryIndex(0, 1));
        assertEquals(3, conversations.entryIndex(0, 2));
        assertArrayEquals(new long[] {-1, 500, 0}, conversations.delaysMs()[0]);

        conversations.answered(0, 0, answer("once upon"));
        conversations.answered(0, 1, answer("the end"));
        JsonNode messages = JSON.readTree(conversations.body(0, 2)).get("messages");
        assertEquals(5, messages.size(), messages.toString());
        assertEquals("tell me", messages.get(0).get("content").asText());
        assertEquals("assistant", messages.get(1).get("role").asText());
        assertEquals("once upon", messages.get(1).get("content").asText());
        assertEquals("and then?", messages.get(2).get("content").asText());
        assertEquals("the end", messages.get(3).get("content").asText());
        assertEquals("user", messages.get(4).get("role").asText());
        assertEquals("thanks", messages.get(4).get("content").asText().strip());
    }

    @Test
    void singleTurnDatasetsHaveNoConversations() {
        TargetSpec chat = new TargetSpec(URI.create("http://127.0.0.1:1"), "m", EndpointType.CHAT, true, null,
                Map.of(), Map.of(), Duration.ofSeconds(5));
        assertNull(Conversations.of(List.of(new DatasetEntry("x", "hi", List.of(), -1)),
                new RequestBodyFactory(chat, -1)));
    }
}
