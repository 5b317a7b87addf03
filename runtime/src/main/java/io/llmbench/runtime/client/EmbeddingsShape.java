package io.llmbench.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.record.Usage;
import java.util.List;

/**
 * OpenAI Embeddings: {@code {"model", "input": [text, ...]}} (an entry's batch of texts, else its one
 * text), answered by {@code {"data": [{"embedding"}],
 * "usage": {"prompt_tokens"}}}. Never streamed and without output text: a valid answer is one empty
 * chunk, so only latency and throughput apply.
 */
final class EmbeddingsShape implements ApiShape {

    @Override
    public String path(boolean streaming) {
        return "/v1/embeddings";
    }

    @Override
    public void writeBody(ObjectNode body, DatasetEntry entry, String model, boolean streaming, int maxTokens) {
        body.put("model", model);
        ArrayNode input = body.putArray("input");
        if (entry.texts().isEmpty()) {
            input.add(entry.text());
        } else {
            entry.texts().forEach(input::add);
        }
    }

    @Override
    public ResponseDecoder.Decoded decodeEvents(List<SseEvent> events) {
        return ResponseDecoder.malformedBody(new byte[0], "embeddings (an embeddings server does not stream)");
    }

    @Override
    public ResponseDecoder.Decoded decodeBody(byte[] body, long receivedNs) {
        String expected = "'data' array of embeddings";
        return ResponseDecoder.decodeArrayBody(body, "data", expected, (node, data) -> {
            if (data.isEmpty()) {
                return ResponseDecoder.malformedBody(body, expected);
            }
            JsonNode usage = node.path("usage");
            Usage counts = usage.isObject() ? new Usage(ResponseDecoder.count(usage.get("prompt_tokens")), -1, -1)
                    : null;
            return new ResponseDecoder.Decoded(List.of(new ResponseChunk(receivedNs, "", "", false)), counts, null);
        });
    }
}
