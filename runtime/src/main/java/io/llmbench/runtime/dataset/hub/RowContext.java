package io.llmbench.runtime.dataset.hub;

import io.llmbench.runtime.token.HubUnavailableException;
import io.llmbench.runtime.token.Tokenizer;
import java.io.IOException;

/**
 * What a {@link RowMapper} may use: the run's tokenizer (length filters), an image transcoder, a
 * way to fetch files the row refers to, and the run's output length setting.
 *
 * @param tokenizer the run's tokenizer
 * @param images the calling thread's transcoder (transcoders keep a JPEG writer: one per thread)
 * @param repoFiles fetches a file of the dataset's repository by its path in the repository
 * @param outputTokens the run's {@code max_tokens} setting, {@code -1} when not set
 */
record RowContext(Tokenizer tokenizer, java.util.function.Supplier<ImageTranscoder> images, RepoFiles repoFiles,
        int outputTokens) {

    /** Fetches a file of the dataset's repository, for images stored as file references. */
    @FunctionalInterface
    interface RepoFiles {
        byte[] read(String pathInRepo) throws IOException, HubUnavailableException;
    }
}
