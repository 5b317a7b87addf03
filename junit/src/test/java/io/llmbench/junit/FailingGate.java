package io.llmbench.junit;

import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.annotations.Slo;

/** A TTFT objective no request can meet when the mock waits 40 ms before the first token. */
@LlmBenchmark(requestCount = 3, inputTokensMean = 32, outputTokens = 4)
@Slo(metric = "time_to_first_token", statistic = "p50", max = 1)
public class FailingGate { }
