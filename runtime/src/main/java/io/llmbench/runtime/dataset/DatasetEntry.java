package io.llmbench.runtime.dataset;

import java.util.List;

/**
 * One request's input: a single-turn prompt, or one turn of a multi-turn conversation (entries
 * sharing a {@code conversationId}, ordered by {@code turnIndex}).
 *
 * @param conversationId a stable id of the conversation (exported as {@code conversation_id})
 * @param text the prompt text
 * @param images images sent after the text, in order (empty for text-only)
 * @param maxTokens the {@code max_tokens} to request for this entry, or {@code -1} for the run's setting
 * @param videos video URLs sent after the images (empty for none)
 * @param audios audio clips as {@code data:audio/<format>;base64,...} (empty for none)
 * @param expectedAnswer the dataset's reference answer, kept for response checks and never sent, or {@code null}
 * @param turnIndex the turn within the conversation, from 0
 * @param timestampMs when a trace wants this request sent, in ms from the trace's start, or {@code -1}
 * @param delayMs how long after the previous turn's answer this turn is sent, in ms, or {@code -1}
 * @param role the chat role of the message, or {@code null} for {@code user}
 * @param rawBody a recorded request body (JSON) to send verbatim instead of building one, or {@code null}
 * @param texts several texts sent as one request's inputs (embeddings: every input; rankings: the query,
 *     then the passages), or empty to send {@code text} alone; {@code text} then holds them joined by newlines
 * @param selfContained whether this turn already carries its conversation's context (a {@code single_turn}
 *     line of a session, a Bailian trace row): it is sent as it is, without the earlier turns and their
 *     answers as history (AIPerf's {@code message_array_with_responses} context mode)
 * @param recordedChat a trace's recorded chat, {@code {"messages": [...], "tools": [...]}} as JSON, sent in place
 *     of {@code text} in a body otherwise built from the run's settings (model, streaming, extra inputs; a
 *     SageMaker capture, as AIPerf's {@code raw_messages}), or {@code null}
 * @param chatContext the system prompt and context that {@code text} starts with, sent to a chat endpoint as
 *     messages of their own before the prompt (see {@link ChatContext}), or {@code null}
 */
public record DatasetEntry(
        String conversationId,
        String text,
        List<ImageInput> images,
        int maxTokens,
        List<String> videos,
        List<String> audios,
        String expectedAnswer,
        int turnIndex,
        long timestampMs,
        long delayMs,
        String role,
        String rawBody,
        List<String> texts,
        boolean selfContained,
        String recordedChat,
        ChatContext chatContext) {

    /** Marks an unset {@code maxTokens}, {@code timestampMs} or {@code delayMs}. */
    public static final int UNSET = -1;

    public DatasetEntry {
        images = List.copyOf(images);
        videos = List.copyOf(videos);
        audios = List.copyOf(audios);
        texts = texts == null ? List.of() : List.copyOf(texts);
    }

    /** An entry whose later turns get the earlier turns as history (unless it is a recorded body). */
    public DatasetEntry(String conversationId, String text, List<ImageInput> images, int maxTokens,
            List<String> videos, List<String> audios, String expectedAnswer, int turnIndex, long timestampMs,
            long delayMs, String role, String rawBody, List<String> texts) {
        this(conversationId, text, images, maxTokens, videos, audios, expectedAnswer, turnIndex, timestampMs, delayMs,
                role, rawBody, texts, false, null, null);
    }

    /** This entry, sent as it is even when it is a later turn of its conversation (see {@link #selfContained()}). */
    public DatasetEntry asSelfContained() {
        return new DatasetEntry(conversationId, text, images, maxTokens, videos, audios, expectedAnswer, turnIndex,
                timestampMs, delayMs, role, rawBody, texts, true, recordedChat, chatContext);
    }

    /** This entry, sending {@code chat} (see {@link #recordedChat()}) in place of its text. */
    public DatasetEntry withRecordedChat(String chat) {
        return new DatasetEntry(conversationId, text, images, maxTokens, videos, audios, expectedAnswer, turnIndex,
                timestampMs, delayMs, role, rawBody, texts, selfContained, chat, chatContext);
    }

    /** This entry, whose text starts with {@code context} (see {@link #chatContext()}). */
    public DatasetEntry withChatContext(ChatContext context) {
        return new DatasetEntry(conversationId, text, images, maxTokens, videos, audios, expectedAnswer, turnIndex,
                timestampMs, delayMs, role, rawBody, texts, selfContained, recordedChat, context);
    }

    /** An entry without a batch of texts. */
    public DatasetEntry(String conversationId, String text, List<ImageInput> images, int maxTokens,
            List<String> videos, List<String> audios, String expectedAnswer, int turnIndex, long timestampMs,
            long delayMs, String role, String rawBody) {
        this(conversationId, text, images, maxTokens, videos, audios, expectedAnswer, turnIndex, timestampMs, delayMs,
                role, rawBody, List.of());
    }

    /** A single-turn entry sending {@code texts} as one batch (see {@link #texts()}). */
    public static DatasetEntry batch(String conversationId, List<String> texts) {
        return new DatasetEntry(conversationId, String.join("\n", texts), List.of(), UNSET, List.of(), List.of(), null,
                0, UNSET, UNSET, null, null, texts);
    }

    /** An entry built into a body from its parts, sent with the {@code user} role. */
    public DatasetEntry(String conversationId, String text, List<ImageInput> images, int maxTokens,
            List<String> videos, List<String> audios, String expectedAnswer, int turnIndex, long timestampMs,
            long delayMs) {
        this(conversationId, text, images, maxTokens, videos, audios, expectedAnswer, turnIndex, timestampMs, delayMs,
                null, null);
    }

    /** A single-turn entry with text and images only. */
    public DatasetEntry(String conversationId, String text, List<ImageInput> images, int maxTokens) {
        this(conversationId, text, images, maxTokens, List.of(), List.of(), null, 0, UNSET, UNSET);
    }
}
