package io.llmbench.runtime.record;

import java.util.List;

/**
 * Everything measured about one request, as the client saw it. Instants are
 * {@code System.nanoTime()} values of this process; {@link #NOT_RECORDED} marks an instant that was
 * never reached (a connection that failed has no {@code ackNs}). Exports turn them into wall-clock
 * nanoseconds with the run's {@code TimeBase}.
 *
 * @param requestId the {@code X-Request-ID} sent (a UUID)
 * @param conversationId the dataset entry's conversation id
 * @param turnIndex the turn within the conversation (0 for single-turn)
 * @param entryIndex the index of the dataset entry sent
 * @param phase warmup or profiling
 * @param prompt the prompt text sent (for the input sequence length)
 * @param imageCount images attached to the request
 * @param scheduledStartNs when the schedule wanted it sent (equals {@code startNs} in closed loop)
 * @param queuedNs when it was handed to the HTTP client
 * @param startNs when it began to be sent on its connection
 * @param ackNs when the status line and headers arrived
 * @param endNs when the last response event that counts for request latency arrived
 * @param httpStatus the HTTP status, 0 when none arrived
 * @param chunks decoded response events in arrival order (one for a non-streaming response)
 * @param usage the server-reported usage, or {@code null}
 * @param error why it failed, or {@code null} when it succeeded
 */
public record RequestRecord(
        String requestId,
        String conversationId,
        int turnIndex,
        int entryIndex,
        Phase phase,
        String prompt,
        int imageCount,
        long scheduledStartNs,
        long queuedNs,
        long startNs,
        long ackNs,
        long endNs,
        int httpStatus,
        List<ResponseChunk> chunks,
        Usage usage,
        RequestError error) {

    /** Marks an instant that was never reached. */
    public static final long NOT_RECORDED = Long.MIN_VALUE;

    public RequestRecord {
        chunks = List.copyOf(chunks);
    }

    /** Whether the request succeeded (and so enters the statistics). */
    public boolean isValid() {
        return error == null;
    }

    /** Whether the request was cancelled on purpose. */
    public boolean wasCancelled() {
        return error != null && error.type() == ErrorType.CANCELLED;
    }
}
