package io.llmbench.runtime.metrics;

/** Which count is the primary input and output sequence length. */
public enum TokenCountSource {
    /** The client's tokenizer on the text sent and received (AIPerf's default). */
    CLIENT,
    /**
     * The server's {@code usage} alone ({@code prompt_tokens}, {@code completion_tokens},
     * {@code reasoning_tokens}), AIPerf's {@code --use-server-token-count}: the client tokenizes
     * nothing, and a request without usage has no token counts.
     */
    SERVER
}
