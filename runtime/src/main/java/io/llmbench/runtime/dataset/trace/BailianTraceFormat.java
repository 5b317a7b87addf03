package io.llmbench.runtime.dataset.trace;

import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.file.FileContext;
import io.llmbench.runtime.dataset.file.JsonLines;
import io.llmbench.runtime.dataset.file.LineFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bailian_trace}: Alibaba Bailian's anonymised usage traces, one request per JSONL line:
 * {@code chat_id}, {@code parent_chat_id} (-1 for a first turn), {@code timestamp} (seconds from the
 * trace's start, kept as ms), {@code input_length}, {@code output_length}, {@code turn} and
 * {@code hash_ids} (blocks of 16 tokens unless {@code --isl-block-size} says otherwise). A chat's
 * turns follow its {@code parent_chat_id} links back to the root chat, which names the conversation.
 * A row's length and hash ids cover the whole request the service got, history included, so each turn
 * is sent as its own prompt, without the earlier turns prepended (as AIPerf replays them).
 */
public final class BailianTraceFormat {

    /** Bailian hashes 16-token blocks. */
    public static final int BLOCK_SIZE = 16;

    private BailianTraceFormat() {
    }

    private record Request(int line, long chatId, long parentChatId, long timestampMs, int inputLength,
            int outputLength, int turn, int[] hashIds) {
    }

    /** The entries of the trace file, ordered by timestamp. */
    public static List<DatasetEntry> read(FileContext context) {
        List<Request> requests = new ArrayList<>();
        Map<Long, Long> parents = new HashMap<>();
        for (JsonLines.Line line : JsonLines.read(context.path())) {
            long chatId = requiredLong(line, "chat_id");
            long parent = line.json().has("parent_chat_id") ? line.json().get("parent_chat_id").asLong(-1) : -1;
            double seconds = LineFields.number(line, "timestamp");
            if (Double.isNaN(seconds)) {
                throw line.error("'timestamp' (seconds) is missing");
            }
            int input = LineFields.wholeNumber(line, "input_length", 1);
            int output = LineFields.wholeNumber(line, "output_length", 0);
            if (input < 0 || output < 0) {
                throw line.error("'input_length' and 'output_length' are required token counts");
            }
            int turn = Math.max(1, LineFields.wholeNumber(line, "turn", 1));
            int[] hashIds = LineFields.wholeNumbers(line, "hash_ids");
            requests.add(new Request(line.number(), chatId, parent, Math.round(seconds * 1000), input, output, turn,
                    hashIds));
            parents.put(chatId, parent);
        }
        requests.sort(Comparator.comparingLong(Request::timestampMs).thenComparingInt(Request::line));
        int blockSize = context.blockSize(BLOCK_SIZE);
        List<String> texts = context.prompts().hashIdPrompts(requests.stream().map(Request::hashIds).toList(),
                requests.stream().mapToInt(Request::inputLength).toArray(), blockSize);
        Map<Long, Integer> turnsSeen = new HashMap<>();
        List<DatasetEntry> entries = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            long root = root(request.chatId, parents);
            int turnIndex = turnsSeen.merge(root, 1, Integer::sum) - 1;
            String text = texts.get(i);
            entries.add(new DatasetEntry("bailian-" + root, text, List.of(), Math.max(1, request.outputLength),
                    List.of(), List.of(), null, turnIndex, request.timestampMs, DatasetEntry.UNSET).asSelfContained());
        }
        return entries;
    }

    private static long root(long chatId, Map<Long, Long> parents) {
        long current = chatId;
        for (int hops = 0; hops < 10_000; hops++) {
            Long parent = parents.get(current);
            if (parent == null || parent < 0) {
                return current;
            }
            current = parent;
        }
        return current;
    }

    private static long requiredLong(JsonLines.Line line, String field) {
        var value = line.json().get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw line.error("'" + field + "' must be a whole number");
        }
        return value.asLong();
    }
}
