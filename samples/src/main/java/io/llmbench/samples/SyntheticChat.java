package io.llmbench.samples;

import io.llmbench.annotations.LlmBenchmark;

/**
 * Streaming chat with synthetic prompts of about 550 tokens and 64 output tokens, four users at a time.
 * Needs no network: run it against {@code --mock} or any OpenAI-compatible server.
 */
@LlmBenchmark(dataset = "synthetic", concurrency = 4, requestCount = 40, warmupRequestCount = 4,
        outputTokens = 64)
public class SyntheticChat { }
