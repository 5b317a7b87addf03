package io.llmbench.runtime.client;

import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.record.Usage;

/**
 * One stream event decoded: its chunk, and the usage it carries ({@code null} when none).
 *
 * @param chunk what the event said, stamped with when it arrived
 * @param usage the token counts it reported, or {@code null}
 */
public record DecodedEvent(ResponseChunk chunk, Usage usage) {

    /**
     * Stands in the arrival order of a stream for an event that was not decoded on arrival and is
     * kept raw instead (see {@link CompletedExchange#decodedEvents()}).
     */
    public static final DecodedEvent KEPT_RAW = new DecodedEvent(null, null);
}
