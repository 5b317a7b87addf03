package io.llmbench.runtime.client;

import java.util.Arrays;

/**
 * One server-sent event as it arrived, not yet decoded.
 *
 * @param name the {@code event:} field, or {@code null}
 * @param data the data lines joined with {@code \n}, UTF-8
 * @param receivedNs {@code System.nanoTime()} of the read that completed this event
 */
public record SseEvent(String name, byte[] data, long receivedNs) {

    private static final byte[] DONE = {'[', 'D', 'O', 'N', 'E', ']'};

    /** Whether this is OpenAI's end-of-stream sentinel, {@code data: [DONE]}. */
    public boolean isDone() {
        return Arrays.equals(data, DONE);
    }
}
