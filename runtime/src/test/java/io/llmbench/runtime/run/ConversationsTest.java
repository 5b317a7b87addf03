package io.llmbench.runtime.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.client.RequestBodyFactory;
import io.llmbench.annotations.Datasets;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.DatasetLoader;
import io.llmbench.runtime.record.Phase;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.spec.SynthesisSpec;
import io.llmbench.runtime.spec.TargetSpec;
import io.llmbench.runtime.token.FallbackTokenizer;
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

    /** Two turns of one conversation, each starting with a system prompt and a context, as synthetic ones do. */
    private static List<DatasetEntry> turnsWithSystemPromptAndContext() {
        io.llmbench.runtime.dataset.ChatContext context = new io.llmbench.runtime.dataset.ChatContext("Be terse.",
                "About me.", "Be terse.\n\nAbout me.\n\n".length());
        return List.of(turn("a", 0, "Be terse.\n\nAbout me.\n\nfirst", -1).withChatContext(context),
                turn("a", 1, "Be terse.\n\nAbout me.\n\nsecond", -1).withChatContext(context));
    }

    @Test
    void aSystemPromptAndContextStayFirstAndEarlierTurnsAreHistoryWithoutThem() throws IOException {
        List<DatasetEntry> entries = turnsWithSystemPromptAndContext();
        TargetSpec chat = new TargetSpec(URI.create("http://127.0.0.1:1"), "m", EndpointType.CHAT, false, null,
                Map.of(), Map.of(), Duration.ofSeconds(5));
        Conversations conversations = Conversations.of(entries, new RequestBodyFactory(chat, -1));
        conversations.answered(0, 0, answer("reply"));
        JsonNode messages = JSON.readTree(conversations.body(0, 1)).get("messages");
        List<String> sent = new java.util.ArrayList<>();
        messages.forEach(m -> sent.add(m.get("role").asText() + ":" + m.get("content").asText()));
        assertEquals(List.of("system:Be terse.", "user:About me.", "user:first", "assistant:reply", "user:second"),
                sent);
    }

    @Test
    void aCompletionsPromptStartsWithTheSystemPromptAndContextOnceBeforeTheHistory() throws IOException {
        List<DatasetEntry> entries = turnsWithSystemPromptAndContext();
        TargetSpec completions = new TargetSpec(URI.create("http://127.0.0.1:1"), "m", EndpointType.COMPLETIONS,
                false, null, Map.of(), Map.of(), Duration.ofSeconds(5));
        Conversations conversations = Conversations.of(entries, new RequestBodyFactory(completions, -1));
        conversations.answered(0, 0, answer("reply"));
        assertEquals("Be terse.\n\nAbout me.\n\nfirst\nreply\nsecond",
                JSON.readTree(conversations.body(0, 1)).get("prompt").asText());
    }

    @Test
    void agenticCodeTurnsHoldTheirWholeContextSoNoHistoryIsAdded() throws IOException {
        SynthesisSpec shape = new SynthesisSpec(0, null, 0, 1, 64, 64, 0, 0, 0, 1, 0, 0, "wav", List.of(16.0),
                List.of(16), 1, 1);
        List<DatasetEntry> entries = new DatasetLoader().load(new InputSpec(Datasets.AGENTIC_CODE, 40, 0, 20, 1L, 1,
                64, 64, "png", null, null, shape, List.of()), new FallbackTokenizer());
        TargetSpec chat = new TargetSpec(URI.create("http://127.0.0.1:1"), "m", EndpointType.CHAT, true, null,
                Map.of(), Map.of(), Duration.ofSeconds(5));
        Conversations conversations = Conversations.of(entries, new RequestBodyFactory(chat, -1));

        conversations.answered(0, 0, answer("an answer"));
        JsonNode messages = JSON.readTree(conversations.body(0, 1)).get("messages");
        assertEquals(1, messages.size(), "turn 1 already repeats turn 0 and a stand-in for its answer");
        assertEquals(entries.get(conversations.entryIndex(0, 1)).text(), messages.get(0).get("content").asText());
    }

    @Test
    void singleTurnDatasetsHaveNoConversations() {
        TargetSpec chat = new TargetSpec(URI.create("http://127.0.0.1:1"), "m", EndpointType.CHAT, true, null,
                Map.of(), Map.of(), Duration.ofSeconds(5));
        assertNull(Conversations.of(List.of(new DatasetEntry("x", "hi", List.of(), -1)),
                new RequestBodyFactory(chat, -1)));
    }
}
