package io.llmbench.runtime.dataset.hub;

import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.token.HubUnavailableException;
import java.io.IOException;

/** Turns one dataset row into the entry to send, as AIPerf builds it for that dataset. */
@FunctionalInterface
interface RowMapper {

    /**
     * The entry for {@code row}, or {@code null} to skip the row (empty prompt, filtered out).
     *
     * @param id the entry's conversation id
     * @throws IOException when the row's media cannot be read
     */
    DatasetEntry map(Row row, String id, RowContext context) throws IOException, HubUnavailableException;
}
