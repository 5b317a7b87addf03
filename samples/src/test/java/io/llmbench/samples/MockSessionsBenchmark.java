package io.llmbench.samples;

import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.annotations.Load;
import io.llmbench.annotations.Warmup;

/**
 * A benchmark stopped by sessions rather than requests: synthetic entries are sessions of one turn,
 * so 6 profiling and 2 warmup sessions send 6 and 2 requests.
 */
@LlmBenchmark(concurrency = 2, inputTokensMean = 50, outputTokens = 8)
@Load(conversationNum = 6, prefillConcurrency = 2, prefillConcurrencyRampDuration = 0.05)
@Warmup(numSessions = 2, prefillConcurrency = 1)
public class MockSessionsBenchmark { }
