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
 *
 * <p>A conversation is the script of one or more sessions (a run that asks for more turns than the
 * dataset has starts it over); each session keeps the answers it got, until its last turn.
 */
final class Conversations {

    private final List<DatasetEntry> entries;
    private final RequestBodyFactory bodies;
    private final int[][] turns;
    private final long[][] delaysMs;
    /** Per session in progress, the answers to its turns so far. */
    private final Map<Integer, String[]> answers = new java.util.concurrent.ConcurrentHashMap<>();

    private Conversations(List<DatasetEntry> entries, RequestBodyFactory bodies, int[][] turns) {
        this.entries = entries;
        this.bodies = bodies;
        this.turns = turns;
        this.delaysMs = new long[turns.length][];
        for (int s = 0; s < turns.length; s++) {
            delaysMs[s] = new long[turns[s].length];
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

    /** The number of turns of each conversation. */
    int[] turnCounts() {
        int[] counts = new int[turns.length];
        for (int c = 0; c < turns.length; c++) {
            counts[c] = turns[c].length;
        }
        return counts;
    }

    /** Keeps the answer of a completed turn for the turns after it (a run in which each conversation is one session). */
    void answered(int conversation, int turn, RequestRecord record) {
        answered(conversation, conversation, turn, turn == turns[conversation].length - 1, record);
    }

    /**
     * Keeps the answer of a completed turn of {@code session} (a session of {@code conversation})
     * for its turns after it; after the session's last turn its answers are dropped.
     *
     * @param sessionEnds whether no turn of this session follows
     */
    void answered(int conversation, int session, int turn, boolean sessionEnds, RequestRecord record) {
        if (sessionEnds) {
            answers.remove(session);
            return;
        }
        StringBuilder text = new StringBuilder();
        for (ResponseChunk chunk : record.chunks()) {
            text.append(chunk.content());
        }
        answers.computeIfAbsent(session, s -> new String[turns[conversation].length])[turn] = text.toString();
    }

    /** The body of a turn: its own, with the earlier turns and their answers as history. */
    byte[] body(int conversation, int turn) {
        return body(conversation, conversation, turn);
    }

    /** The body of a turn of {@code session}: its own, with the session's earlier turns and answers as history. */
    byte[] body(int conversation, int session, int turn) {
        String[] sessionAnswers = answers.getOrDefault(session, new String[turn]);
        DatasetEntry entry = entries.get(turns[conversation][turn]);
        ObjectNode body = bodies.tree(entry);
        if (entry.rawBody() != null || entry.selfContained()) {
            // A replayed payload (raw_payload, inputs_json) was recorded with the history it was sent with;
            // a self-contained turn (a Bailian row, a single_turn session line) already holds its context.
            return RequestBodyFactory.toBytes(body);
        }
        JsonNode messages = body.get("messages");
        if (messages instanceof ArrayNode own) {
            ArrayNode history = body.arrayNode();
            // A system prompt and context sent as messages of their own stay first, as AIPerf sends them.
            int leading = entry.chatContext() == null ? 0 : entry.chatContext().messageCount();
            for (int m = 0; m < leading; m++) {
                history.add(own.get(m));
            }
            for (int t = 0; t < turn; t++) {
                history.addObject().put("role", "user").put("content", promptOf(entries.get(turns[conversation][t])));
                history.addObject().put("role", "assistant").put("content", orEmpty(sessionAnswers[t]));
            }
            for (int m = leading; m < own.size(); m++) {
                history.add(own.get(m));
            }
            body.set("messages", history);
        } else if (body.get("prompt") != null && body.get("prompt").isTextual()) {
            String own = body.get("prompt").asText();
            // A system prompt and context that lead every turn (synthetic conversations) lead the whole
            // prompt once, as they lead a chat's messages.
            int leading = entry.chatContext() != null && own.equals(entry.text()) ? entry.chatContext().promptStart()
                    : 0;
            StringBuilder prompt = new StringBuilder(own.substring(0, leading));
            for (int t = 0; t < turn; t++) {
                prompt.append(promptOf(entries.get(turns[conversation][t]))).append('\n')
                        .append(orEmpty(sessionAnswers[t])).append('\n');
            }
            body.put("prompt", prompt.append(own, leading, own.length()).toString());
        }
        return RequestBodyFactory.toBytes(body);
    }

    /** An earlier turn's prompt as history: without the system prompt and context that lead every turn. */
    private static String promptOf(DatasetEntry entry) {
        return entry.chatContext() == null ? entry.text() : entry.chatContext().prompt(entry.text());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
