package io.llmbench.runtime.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.runtime.dataset.DatasetEntry;

/** OpenAI Completions: {@code prompt}, {@code max_tokens}, {@code stream_options.include_usage} when streaming. */
final class OpenAiCompletionsShape extends OpenAiChunkShape {

    @Override
    public String path(boolean streaming) {
        return "/v1/completions";
    }

    @Override
    public void writeBody(ObjectNode body, DatasetEntry entry, String model, boolean streaming, int maxTokens) {
        body.put("model", model);
        body.put("prompt", entry.text());
        writeStreamAndLimit(body, streaming, maxTokens, "max_tokens");
    }

    /** The OpenAI stream fields and the output limit under {@code limitField}. */
    static void writeStreamAndLimit(ObjectNode body, boolean streaming, int maxTokens, String limitField) {
        body.put("stream", streaming);
        if (streaming) {
            body.putObject("stream_options").put("include_usage", true);
        }
        if (maxTokens >= 0) {
            body.put(limitField, maxTokens);
        }
    }
}
