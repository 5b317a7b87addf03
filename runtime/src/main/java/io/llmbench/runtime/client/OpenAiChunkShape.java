package io.llmbench.runtime.client;

import java.util.List;

/**
 * What the two OpenAI shapes, chat and completions, share: they answer in the same chunks
 * ({@code choices[0]}'s delta, message or text, and {@code usage}), which {@link ResponseDecoder}
 * decodes and the {@link OpenAiChunkScanner} reads as they arrive. Only their requests differ.
 */
abstract class OpenAiChunkShape implements ApiShape {

    @Override
    public final boolean decodesOnArrival() {
        return true;
    }

    @Override
    public final ResponseDecoder.Decoded decodeEvents(List<SseEvent> events) {
        return ResponseDecoder.decodeEvents(events);
    }

    @Override
    public final ResponseDecoder.Decoded decodeBody(byte[] body, long receivedNs) {
        return ResponseDecoder.decodeBody(body, receivedNs);
    }
}
