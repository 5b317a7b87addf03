package io.llmbench.samples;

import io.llmbench.annotations.LlmBenchmark;

/** A two-point sweep kept small, for the sweep, selection and result-file tests. */
@LlmBenchmark(concurrency = {1, 2}, requestCount = 4, inputTokensMean = 50, outputTokens = 8)
public class MockSweepBenchmark { }
