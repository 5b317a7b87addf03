package io.llmbench.runtime.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.runtime.dataset.DatasetEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The hook methods of one benchmark instance ({@code @Setup}, {@code @TearDown},
 * {@code @CustomDataset}, {@code @CustomizeRequest}, {@code @CheckResponse}), as the generated runner
 * calls them: directly, without reflection. Every method has a default that does nothing, so a
 * benchmark without hooks (and code generated before hooks existed) needs none.
 */
public interface BenchmarkHooks {

    /** No hooks at all. */
    BenchmarkHooks NONE = new BenchmarkHooks() {
    };

    /** Calls the {@code @Setup} method. */
    default void setup() {
    }

    /** Calls the {@code @TearDown} method. */
    default void tearDown() {
    }

    /** Whether there is a {@code @CustomDataset} method. */
    default boolean hasCustomDataset() {
        return false;
    }

    /** The entries the {@code @CustomDataset} method returns. */
    default List<DatasetEntry> customDataset() {
        throw new UnsupportedOperationException("no @CustomDataset method");
    }

    /** Whether there is a {@code @CustomizeRequest} method. */
    default boolean hasRequestCustomizer() {
        return false;
    }

    /** Calls the {@code @CustomizeRequest} method on the body built for {@code entry}. */
    default void customizeRequest(ObjectNode body, DatasetEntry entry) {
    }

    /** Whether there is a {@code @CheckResponse} method. */
    default boolean hasResponseCheck() {
        return false;
    }

    /** Calls the {@code @CheckResponse} method with the generated text and the entry sent. */
    default boolean checkResponse(String response, DatasetEntry entry) {
        throw new UnsupportedOperationException("no @CheckResponse method");
    }

    /**
     * Entries for a {@code @CustomDataset} method that returns prompts: one single-turn entry per
     * prompt, with ids {@code custom-0}, {@code custom-1}, ... and the run's {@code max_tokens}.
     */
    static List<DatasetEntry> promptEntries(List<String> prompts) {
        List<DatasetEntry> entries = new ArrayList<>(prompts.size());
        for (int i = 0; i < prompts.size(); i++) {
            entries.add(new DatasetEntry("custom-" + i, prompts.get(i), List.of(), DatasetEntry.UNSET));
        }
        return entries;
    }
}
