package io.llmbench.runtime.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.dataset.DatasetEntry;
import java.util.List;

/**
 * What the client knows of one API shape: where requests go, how their bodies look, and how the
 * answers decode into chunks, usage and errors. One small class per shape; {@link #of} picks it.
 */
public interface ApiShape {

    /** The path below the base URL, e.g. {@code /v1/chat/completions}. */
    String path(boolean streaming);

    /**
     * Fills {@code body} (which holds nothing yet) for {@code entry}.
     *
     * @param maxTokens the output limit to send, or {@code -1} for none
     */
    void writeBody(ObjectNode body, DatasetEntry entry, String model, boolean streaming, int maxTokens);

    /** Decodes a stream's events in order, stopping at the first malformed or error event. */
    ResponseDecoder.Decoded decodeEvents(List<SseEvent> events);

    /** Decodes a whole (non-streaming) body into chunks stamped {@code receivedNs}. */
    ResponseDecoder.Decoded decodeBody(byte[] body, long receivedNs);

    /**
     * Whether a stream's events may be decoded as they arrive, on the network thread, by the
     * {@link OpenAiChunkScanner}: true for the OpenAI chunk shapes only ({@link OpenAiChunkShape},
     * whose events {@link ResponseDecoder} decodes), so the raw bytes of the events it reads are
     * never kept. Every other shape keeps its events raw for {@link #decodeEvents}.
     */
    default boolean decodesOnArrival() {
        return false;
    }

    /** Whether a stream's events include its proper end (OpenAI's {@code [DONE]} by default). */
    default boolean complete(List<SseEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).isDone()) {
                return true;
            }
        }
        return false;
    }

    /** The event that ends a stream, for messages ({@code data: [DONE]} by default). */
    default String endEvent() {
        return "data: [DONE]";
    }

    /** The shape of {@code target}'s endpoint type (with its template, for {@code template}). */
    static ApiShape of(io.llmbench.runtime.spec.TargetSpec target) {
        if (target.endpointType() == EndpointType.TEMPLATE) {
            return new TemplateShape(target.endpoint().template(), target.endpoint().responseField());
        }
        return of(target.endpointType());
    }

    /** The shape of {@code type} ({@code template} needs its target: see {@link #of(io.llmbench.runtime.spec.TargetSpec)}). */
    static ApiShape of(EndpointType type) {
        return switch (type) {
            case COMPLETIONS -> new OpenAiCompletionsShape();
            case EMBEDDINGS -> new EmbeddingsShape();
            case NIM_RANKINGS -> RankingsShape.nim();
            case HF_TEI_RANKINGS -> RankingsShape.huggingFaceTei();
            case COHERE_RANKINGS -> RankingsShape.cohere();
            case RESPONSES -> new OpenAiResponsesShape();
            case MESSAGES -> new AnthropicMessagesShape();
            case HUGGINGFACE_GENERATE -> new HuggingFaceGenerateShape();
            case TEMPLATE -> throw new IllegalArgumentException("the template shape needs its template");
            case CHAT, UNSET -> new OpenAiChatShape();
        };
    }
}
