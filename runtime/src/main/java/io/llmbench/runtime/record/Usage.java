package io.llmbench.runtime.record;

/**
 * Token counts reported by the server ({@code usage}); {@code -1} where the server did not say.
 */
public record Usage(int promptTokens, int completionTokens, int reasoningTokens) {
}
