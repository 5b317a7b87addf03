package io.llmbench.samples;

import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.annotations.Slo;

/** A benchmark whose SLO no server can meet (a first token within a microsecond), for the SLO gate's exit code. */
@LlmBenchmark(concurrency = 1, requestCount = 2, outputTokens = 2)
@Slo(metric = "time_to_first_token", statistic = "p50", max = 0.001)
public class MockMissedSloBenchmark {
}
