package io.llmbench.runtime.dataset.trace;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.file.FileContext;
import io.llmbench.runtime.dataset.file.JsonLines;
import io.llmbench.runtime.dataset.file.LineFields;
import io.llmbench.runtime.spec.SynthesisSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mooncake_trace}: one request per JSONL line with exactly one input among
 * {@code input_length} (a synthesised prompt of that many tokens, built from {@code hash_ids} blocks
 * of {@code --isl-block-size} tokens when given), {@code text_input} (sent as it is) and
 * {@code payload} (a whole request body sent verbatim); optional {@code output_length} (the request's
 * {@code max_tokens}), {@code timestamp} or {@code delay} (ms) and {@code session_id} (lines sharing
 * one are turns of one conversation, in file order).
 */
public final class MooncakeTraceFormat {

    private MooncakeTraceFormat() {
    }

    /** The entries of the trace file. */
    public static List<DatasetEntry> read(FileContext context) {
        List<JsonLines.Line> lines = JsonLines.read(context.path());
        // Validate every line before synthesising any prompt: a typo on the last line fails fast.
        List<Request> requests = new ArrayList<>(lines.size());
        for (JsonLines.Line line : lines) {
            requests.add(parse(line));
        }
        int blockSize = context.blockSize(SynthesisSpec.DEFAULT_ISL_BLOCK_SIZE);
        List<int[]> hashIds = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        for (Request request : requests) {
            if (request.inputLength > 0) {
                hashIds.add(request.hashIds);
                lengths.add(request.inputLength);
            }
        }
        List<String> synthesised = lengths.isEmpty() ? List.of()
                : context.prompts().hashIdPrompts(hashIds, lengths.stream().mapToInt(Integer::intValue).toArray(),
                        blockSize);
        Map<String, Integer> turns = new HashMap<>();
        List<DatasetEntry> entries = new ArrayList<>(requests.size());
        int next = 0;
        for (Request request : requests) {
            String conversation = request.sessionId != null ? request.sessionId : "trace-" + request.line;
            int turn = turns.merge(conversation, 1, Integer::sum) - 1;
            String text = request.text != null ? request.text
                    : request.payload != null ? "" : synthesised.get(next++);
            entries.add(new DatasetEntry(conversation, text, List.of(), request.outputLength, List.of(), List.of(),
                    null, turn, request.timestampMs, request.delayMs, null, request.payload));
        }
        return entries;
    }

    private record Request(int line, String sessionId, int inputLength, int[] hashIds, String text, String payload,
            int outputLength, long timestampMs, long delayMs) {
    }

    private static Request parse(JsonLines.Line line) {
        int inputLength = LineFields.wholeNumber(line, "input_length", 1);
        String text = LineFields.string(line, "text_input");
        JsonNode payload = line.json().get("payload");
        boolean hasPayload = payload != null && !payload.isNull();
        if (line.json().has("messages")) {
            throw line.error("'messages' input is not supported by llmbench yet: use input_length, text_input or"
                    + " payload");
        }
        int modes = (inputLength > 0 ? 1 : 0) + (text != null ? 1 : 0) + (hasPayload ? 1 : 0);
        if (modes != 1) {
            throw line.error(modes == 0 ? "no input: give one of 'input_length', 'text_input' or 'payload'"
                    : "'input_length', 'text_input' and 'payload' exclude each other: give one of them");
        }
        if (hasPayload && (!payload.isObject() || payload.isEmpty())) {
            throw line.error("'payload' must be a non-empty JSON object (a request body)");
        }
        int[] hashIds = LineFields.wholeNumbers(line, "hash_ids");
        if (hashIds != null && inputLength < 0) {
            throw line.error("'hash_ids' needs 'input_length' (the prompt is synthesised from them)");
        }
        double timestamp = LineFields.number(line, "timestamp");
        double delay = LineFields.number(line, "delay");
        if (!Double.isNaN(timestamp) && !Double.isNaN(delay)) {
            throw line.error("'timestamp' and 'delay' cannot both be set: use one of them");
        }
        return new Request(line.number(), LineFields.string(line, "session_id"), inputLength, hashIds, text,
                hasPayload ? payload.toString() : null, LineFields.wholeNumber(line, "output_length", 1),
                Double.isNaN(timestamp) ? DatasetEntry.UNSET : Math.round(timestamp),
                Double.isNaN(delay) ? DatasetEntry.UNSET : Math.round(delay));
    }
}
