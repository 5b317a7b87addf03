package io.llmbench.runtime.record;

/**
 * One decoded response event (an SSE {@code data:} event, or the whole body of a non-streaming
 * response).
 *
 * @param receivedNs {@code System.nanoTime()} when the bytes that completed this event were read
 * @param content the content delta ({@code ""} when absent)
 * @param reasoning the reasoning delta ({@code reasoning_content} or {@code reasoning}; {@code ""} when absent)
 * @param usageOnly whether the event carried usage and no choices (OpenAI's trailing usage event)
 */
public record ResponseChunk(long receivedNs, String content, String reasoning, boolean usageOnly) {

    /** Whether this event carries output: non-empty content or non-empty reasoning content. */
    public boolean isTokenBearing() {
        return !content.isEmpty() || !reasoning.isEmpty();
    }
}
