package io.llmbench.runtime.token;

import java.util.Objects;

/**
 * The tokenizer a run uses and, when it is not the model's own, why.
 *
 * @param tokenizer the tokenizer to count and generate with
 * @param notice {@code null} when the model's own tokenizer was loaded; otherwise one line for the
 *     user saying that the fallback is used, why, and how to get the model's own tokenizer
 */
public record LoadedTokenizer(Tokenizer tokenizer, String notice) {

    public LoadedTokenizer {
        Objects.requireNonNull(tokenizer, "tokenizer");
    }

    /** Whether the counts come from the fallback rather than the model's own tokenizer. */
    public boolean isFallback() {
        return tokenizer.isFallback();
    }
}
