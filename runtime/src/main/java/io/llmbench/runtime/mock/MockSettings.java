package io.llmbench.runtime.mock;

/**
 * How the mock server behaves.
 *
 * @param ttftMs time from a request's arrival to its first token, in milliseconds
 * @param itlMs time between consecutive tokens, in milliseconds
 * @param outputTokens tokens generated when the request sets neither {@code max_completion_tokens}
 *     nor {@code max_tokens}
 * @param model the model listed by {@code GET /v1/models} and named in responses to requests that
 *     do not name one (any requested model name is accepted and echoed)
 * @param errorRate the fraction of completion requests answered with an HTTP 500 instead (0 to 1)
 * @param reasoningTokens how many of a chat response's tokens come first as reasoning
 *     ({@code reasoning_content}, counted in {@code completion_tokens_details.reasoning_tokens}); 0 for none
 */
public record MockSettings(double ttftMs, double itlMs, int outputTokens, String model, double errorRate,
        int reasoningTokens) {

    /** The model name served by default. */
    public static final String DEFAULT_MODEL = "llmbench-mock";

    public MockSettings {
        requireNonNegative("ttftMs", ttftMs);
        requireNonNegative("itlMs", itlMs);
        if (outputTokens < 1) {
            throw new IllegalArgumentException("outputTokens must be at least 1, was " + outputTokens);
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must be a non-blank name");
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("errorRate must be between 0 and 1, was " + errorRate);
        }
        if (reasoningTokens < 0) {
            throw new IllegalArgumentException("reasoningTokens must be at least 0, was " + reasoningTokens);
        }
    }

    /** Settings without reasoning output. */
    public MockSettings(double ttftMs, double itlMs, int outputTokens, String model, double errorRate) {
        this(ttftMs, itlMs, outputTokens, model, errorRate, 0);
    }

    /** 20 ms to the first token, 5 ms between tokens, 100 tokens, no errors. */
    public static MockSettings defaults() {
        return new MockSettings(20, 5, 100, DEFAULT_MODEL, 0);
    }

    /** These settings with other token timings. */
    public MockSettings withTiming(double ttftMs, double itlMs) {
        return new MockSettings(ttftMs, itlMs, outputTokens, model, errorRate, reasoningTokens);
    }

    /** These settings with another default output length. */
    public MockSettings withOutputTokens(int outputTokens) {
        return new MockSettings(ttftMs, itlMs, outputTokens, model, errorRate, reasoningTokens);
    }

    /** These settings with another served model name. */
    public MockSettings withModel(String model) {
        return new MockSettings(ttftMs, itlMs, outputTokens, model, errorRate, reasoningTokens);
    }

    /** These settings with another error rate. */
    public MockSettings withErrorRate(double errorRate) {
        return new MockSettings(ttftMs, itlMs, outputTokens, model, errorRate, reasoningTokens);
    }

    /** These settings with the first {@code reasoningTokens} tokens of a chat response as reasoning. */
    public MockSettings withReasoningTokens(int reasoningTokens) {
        return new MockSettings(ttftMs, itlMs, outputTokens, model, errorRate, reasoningTokens);
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
        }
    }
}
