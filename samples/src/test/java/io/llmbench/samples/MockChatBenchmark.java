package io.llmbench.samples;

import io.llmbench.annotations.LlmBenchmark;

/** A benchmark kept in a test source set: compiled by the processor in this module's test build. */
@LlmBenchmark(dataset = "synthetic", concurrency = 4, requestCount = 40, warmupRequestCount = 4,
        inputTokensMean = 200, outputTokens = 64)
public class MockChatBenchmark { }
