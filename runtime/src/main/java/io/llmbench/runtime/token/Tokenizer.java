package io.llmbench.runtime.token;

/**
 * Counts, encodes and decodes tokens. Implementations are thread-safe, never truncate and never add
 * special tokens. Never called on a network thread.
 */
public interface Tokenizer {

    /** The number of tokens in {@code text}. */
    int count(String text);

    /** The token ids of {@code text}. */
    int[] encode(String text);

    /** The text of {@code ids}. */
    String decode(int[] ids);

    /** What was loaded: a path, a Hub model id, or the fallback's name. */
    String name();

    /** Whether this is the bundled offline fallback rather than the model's own tokenizer. */
    boolean isFallback();
}
