package io.llmbench.runtime.client;

import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.record.Phase;
import java.util.UUID;

/**
 * One request ready to be sent: its identity, what it carries, and its encoded body.
 *
 * @param requestId a UUID string, also sent as the {@code X-Request-ID} header
 * @param conversationId the dataset entry's conversation id
 * @param turnIndex the turn within the conversation (0 for single-turn)
 * @param entryIndex the index of the dataset entry sent
 * @param phase warmup or profiling
 * @param prompt the prompt text (for the input sequence length)
 * @param imageCount images attached to the request
 * @param body the JSON body, UTF-8 (see {@link RequestBodyFactory}); not copied, never modified
 * @param scheduledStartNs when the schedule wanted it sent ({@code System.nanoTime()}); in closed
 *     loop, pass {@link io.llmbench.runtime.record.RequestRecord#NOT_RECORDED} and the record gets
 *     its start instant (METRICS.md: equal to {@code request_start_ns} in closed loop)
 */
public record OutgoingRequest(
        String requestId,
        String conversationId,
        int turnIndex,
        int entryIndex,
        Phase phase,
        String prompt,
        int imageCount,
        byte[] body,
        long scheduledStartNs) {

    /**
     * A single-turn request for {@code entry} with a fresh random request id.
     *
     * @param body the body built for {@code entry} by {@link RequestBodyFactory#bytes}
     */
    public static OutgoingRequest forEntry(
            DatasetEntry entry, int entryIndex, Phase phase, byte[] body, long scheduledStartNs) {
        return new OutgoingRequest(UUID.randomUUID().toString(), entry.conversationId(), 0, entryIndex,
                phase, entry.text(), entry.images().size(), body, scheduledStartNs);
    }
}
