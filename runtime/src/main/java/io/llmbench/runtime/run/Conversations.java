package io.llmbench.runtime.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.runtime.client.RequestBodyFactory;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.ResponseChunk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The multi-turn conversations of a dataset (entries sharing a conversation id, in turn order) and
 * their history while a run goes on: each turn's body carries the earlier turns' prompts and the
 * answers the server gave to them (chat: as user and assistant messages before the turn's own;
 * completions: prepended to the prompt). An answer is recorded on the processing thread before its
 * turn is reported done, and read by the next turn's send, which happens after.
 */
final class Conversations {

    private final List<DatasetEntry> entries;
    private final RequestBodyFactory bodies;
    private final int[][] turns;
    private final long[][] delaysMs;
    private final String[][] answers;

    private Conversations(List<DatasetEntry> entries, RequestBodyFactory bodies, int[][] turns) {
        this.entries = entries;
        this.bodies = bodies;
        this.turns = turns;
        this.delaysMs = new long[turns.length][];
        this.answers = new String[turns.length][];
        for (int s = 0; s < turns.length; s++) {
            delaysMs[s] = new long[turns[s].length];
            answers[s] = new String[turns[s].length];
            for (int t = 0; t < turns[s].length; t++) {
                delaysMs[s][t] = entries.get(turns[s][t]).delayMs();
            }
        }
    }

    /** The conversations of {@code entries}, or {@code null} when every entry is a single turn. */
    static Conversations of(List<DatasetEntry> entries, RequestBodyFactory bodies) {
        if (entries.stream().noneMatch(entry -> entry.turnIndex() > 0)) {
            return null;
        }
        Map<String, List<Integer>> byConversation = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            byConversation.computeIfAbsent(entries.get(i).conversationId(), id -> new ArrayList<>()).add(i);
        }
        int[][] turns = new int[byConversation.size()][];
        int s = 0;
        for (List<Integer> indexes : byConversation.values()) {
            indexes.sort(java.util.Comparator.comparingInt(i -> entries.get(i).turnIndex()));
            turns[s++] = indexes.stream().mapToInt(Integer::intValue).toArray();
        }
        return new Conversations(entries, bodies, turns);
    }

    long[][] delaysMs() {
        return delaysMs;
    }

    int size() {
        return turns.length;
    }

    /** The dataset entry of a turn. */
    int entryIndex(int session, int turn) {
        return turns[session][turn];
    }

    /** Keeps the answer of a completed turn for the turns after it. */
    void answered(int session, int turn, RequestRecord record) {
        StringBuilder text = new StringBuilder();
        for (ResponseChunk chunk : record.chunks()) {
            text.append(chunk.content());
        }
        answers[session][turn] = text.toString();
    }

    /** The body of a turn: its own, with the earlier turns and their answers as history. */
    byte[] body(int session, int turn) {
        DatasetEntry entry = entries.get(turns[session][turn]);
        ObjectNode body = bodies.tree(entry);
        if (entry.rawBody() != null) {
            // A replayed payload (raw_payload, inputs_json) was recorded with the history it was sent with.
            return RequestBodyFactory.toBytes(body);
        }
        JsonNode messages = body.get("messages");
        if (messages instanceof ArrayNode own) {
            ArrayNode history = body.arrayNode();
            for (int t = 0; t < turn; t++) {
                history.addObject().put("role", "user").put("content", entries.get(turns[session][t]).text());
                history.addObject().put("role", "assistant").put("content", orEmpty(answers[session][t]));
            }
            history.addAll(own);
            body.set("messages", history);
        } else if (body.get("prompt") != null && body.get("prompt").isTextual()) {
            StringBuilder prompt = new StringBuilder();
            for (int t = 0; t < turn; t++) {
                prompt.append(entries.get(turns[session][t]).text()).append('\n')
                        .append(orEmpty(answers[session][t])).append('\n');
            }
            body.put("prompt", prompt.append(body.get("prompt").asText()).toString());
        }
        return RequestBodyFactory.toBytes(body);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
