package io.llmbench.runtime.spec;

/**
 * Several texts in one request, for the endpoints that take them: a batch of inputs for embeddings
 * ({@code --batch-size-text}) and a query with its passages for the rerankers ({@code --rankings-*}).
 * Option names and defaults are AIPerf's (see {@code docs/cli.md}).
 *
 * @param textBatchSize texts per embeddings request; 1 sends one text (no batch)
 * @param rankings whether synthetic rankings entries (a query and its passages) are generated
 * @param passagesMean mean number of passages per rankings request ({@code --rankings-passages-mean})
 * @param passagesStddev standard deviation of the number of passages
 * @param passageTokensMean mean passage length in tokens ({@code --rankings-passages-prompt-token-mean})
 * @param passageTokensStddev standard deviation of passage lengths in tokens
 * @param queryTokensMean mean query length in tokens ({@code --rankings-query-prompt-token-mean})
 * @param queryTokensStddev standard deviation of query lengths in tokens
 */
public record BatchSpec(
        int textBatchSize,
        boolean rankings,
        int passagesMean,
        int passagesStddev,
        int passageTokensMean,
        int passageTokensStddev,
        int queryTokensMean,
        int queryTokensStddev) {

    /** AIPerf's defaults: one text per request, no synthetic rankings (one passage of 550 tokens, query of 550). */
    public static BatchSpec defaults() {
        return new BatchSpec(1, false, 1, 0, 550, 0, 550, 0);
    }

    /** Whether the synthetic dataset is made of batches rather than single prompts. */
    public boolean batched() {
        return rankings || textBatchSize > 1;
    }
}
