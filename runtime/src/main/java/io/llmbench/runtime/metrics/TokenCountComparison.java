package io.llmbench.runtime.metrics;

/**
 * The client's token counts beside the server's {@code usage}, summed over the valid profiling
 * requests for which the server reported that count, so that a tokenizer mismatch shows.
 *
 * @param requestsWithCompletionUsage valid requests whose usage had {@code completion_tokens}
 * @param clientOutputTokens the client's output sequence length (output + reasoning) over those requests
 * @param serverCompletionTokens the server's {@code completion_tokens} over those requests
 * @param requestsWithPromptUsage valid requests whose usage had {@code prompt_tokens}
 * @param clientInputTokens the client's input sequence length over those requests
 * @param serverPromptTokens the server's {@code prompt_tokens} over those requests
 * @param clientCounted whether the client counted tokens at all (not with {@code --use-server-token-count}):
 *     without, the client columns are meaningless and nothing differs
 */
public record TokenCountComparison(
        long requestsWithCompletionUsage,
        long clientOutputTokens,
        long serverCompletionTokens,
        long requestsWithPromptUsage,
        long clientInputTokens,
        long serverPromptTokens,
        boolean clientCounted) {

    /** Whether the two output counts disagree (only when the server reported any). */
    public boolean outputDiffers() {
        return clientCounted && requestsWithCompletionUsage > 0 && clientOutputTokens != serverCompletionTokens;
    }

    /** Whether the two input counts disagree (only when the server reported any). */
    public boolean inputDiffers() {
        return clientCounted && requestsWithPromptUsage > 0 && clientInputTokens != serverPromptTokens;
    }
}
