package io.llmbench.runtime.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.runtime.dataset.DatasetEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code multi_turn}: one conversation per JSONL line, {@code {"session_id": ..., "turns": [turn, ...]}}
 * where each turn has the single-turn fields (a {@code delay} is the pause after the previous turn's
 * answer; a {@code timestamp} fixes when the turn is sent). Entries are the turns in order.
 */
final class MultiTurnFormat {

    private MultiTurnFormat() {
    }

    static List<DatasetEntry> read(FileContext context) {
        List<DatasetEntry> entries = new ArrayList<>();
        Set<String> sessions = new HashSet<>();
        for (JsonLines.Line line : JsonLines.read(context.path())) {
            String session = LineFields.string(line, "session_id");
            if (session == null) {
                session = "line-" + line.number();
            }
            if (!sessions.add(session)) {
                throw line.error("session_id '" + session + "' was used by an earlier line: each line is one whole"
                        + " conversation, so give each its own session_id");
            }
            JsonNode turns = line.json().get("turns");
            if (turns == null || !turns.isArray() || turns.isEmpty()) {
                throw line.error("'turns' must be a non-empty list of turns, e.g. {\"session_id\": \"a\", \"turns\":"
                        + " [{\"text\": \"Hi\"}, {\"text\": \"And then?\", \"delay\": 1000}]}");
            }
            for (int i = 0; i < turns.size(); i++) {
                JsonNode turn = turns.get(i);
                JsonLines.Line part = line.nested(turn, "turns[" + i + "]");
                if (!turn.isObject()) {
                    throw part.error("a turn must be a JSON object");
                }
                entries.add(TurnReader.read(part, true).toEntry(session, i));
            }
        }
        return entries;
    }
}
