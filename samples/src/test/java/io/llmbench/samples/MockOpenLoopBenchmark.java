package io.llmbench.samples;

import io.llmbench.annotations.ArrivalPattern;
import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.annotations.Load;

/** An open-loop benchmark whose load comes from {@code @Load}: 20 requests per second, evenly spaced. */
@LlmBenchmark(requestCount = 12, inputTokensMean = 50, outputTokens = 8)
@Load(requestRate = 20, arrivalPattern = ArrivalPattern.CONSTANT, prefillConcurrency = 3)
public class MockOpenLoopBenchmark { }
