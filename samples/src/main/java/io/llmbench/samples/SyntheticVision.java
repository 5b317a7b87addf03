package io.llmbench.samples;

import io.llmbench.annotations.LlmBenchmark;

/**
 * Streaming chat with a synthetic prompt and a generated image per request: exercises the vision path
 * and the image metrics offline.
 */
@LlmBenchmark(dataset = "synthetic-vision", concurrency = 2, requestCount = 10, inputTokensMean = 100,
        outputTokens = 32)
public class SyntheticVision { }
