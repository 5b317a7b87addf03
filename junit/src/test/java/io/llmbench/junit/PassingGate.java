package io.llmbench.junit;

import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.annotations.Slo;

/** Generous SLOs the mock server meets: two sweep points, two passing tests. */
@LlmBenchmark(concurrency = {1, 2}, requestCount = 4, inputTokensMean = 32, outputTokens = 8)
@Slo(metric = "request_latency", statistic = "p99", max = 10_000)
@Slo(metric = "error_request_count", max = 0)
public class PassingGate { }
