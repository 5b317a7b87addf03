package io.llmbench.runtime.metrics;

/** Which count is the primary input and output sequence length. */
public enum TokenCountSource {
    /** The client's tokenizer on the text sent and received (AIPerf's default). */
    CLIENT,
    /**
     * The server's {@code usage} where the server reported it ({@code prompt_tokens},
     * {@code completion_tokens}); the client's count for requests without usage.
     */
    SERVER
}
