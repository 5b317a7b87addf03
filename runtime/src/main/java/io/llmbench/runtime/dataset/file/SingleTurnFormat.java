package io.llmbench.runtime.dataset.file;

import io.llmbench.runtime.dataset.DatasetEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code single_turn}: one request per JSONL line, in file order (a fixed prompt set is sent as it
 * is, cycling when more requests than lines are sent). Lines sharing a {@code session_id} are turns
 * of one conversation, in file order, each sent as written (no earlier turns as history, as in AIPerf);
 * the others are conversations of their own.
 */
final class SingleTurnFormat {

    private SingleTurnFormat() {
    }

    static List<DatasetEntry> read(FileContext context) {
        List<DatasetEntry> entries = new ArrayList<>();
        Map<String, Integer> turnsPerSession = new HashMap<>();
        for (JsonLines.Line line : JsonLines.read(context.path())) {
            TurnReader.Turn turn = TurnReader.read(line, true);
            String conversation = turn.sessionId() != null ? turn.sessionId() : "line-" + line.number();
            int turnIndex = turnsPerSession.merge(conversation, 1, Integer::sum) - 1;
            // AIPerf sends each line as it is: a session orders its lines but adds no history.
            entries.add(turn.toEntry(conversation, turnIndex).asSelfContained());
        }
        return entries;
    }
}
