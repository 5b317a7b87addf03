package io.llmbench.samples;

import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.annotations.Load;

/**
 * A benchmark repeated from its annotations: three runs a quarter second apart, warmup before each,
 * a seed of its own for each, and a 90% interval over them.
 */
@LlmBenchmark(concurrency = 2, requestCount = 4, warmupRequestCount = 1, inputTokensMean = 20, outputTokens = 4)
@Load(numProfileRuns = 3, profileRunCooldownSeconds = 0.25, confidenceLevel = 0.9,
        profileRunDisableWarmupAfterFirst = false, setConsistentSeed = false)
public class MockRepeatedRunsBenchmark { }
