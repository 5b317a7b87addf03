package io.llmbench.runtime.dataset;

import java.util.List;

/**
 * One prompt to send: a single-turn request.
 *
 * @param conversationId a stable id of the entry (exported as {@code conversation_id})
 * @param text the prompt text
 * @param images images sent after the text, in order (empty for text-only)
 * @param maxTokens the {@code max_tokens} to request for this entry, or {@code -1} for the run's setting
 */
public record DatasetEntry(String conversationId, String text, List<ImageInput> images, int maxTokens) {

    public DatasetEntry {
        images = List.copyOf(images);
    }
}
