package io.llmbench.samples;

import io.llmbench.annotations.Endpoint;
import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.annotations.Output;
import io.llmbench.annotations.SyntheticInput;

/**
 * A benchmark whose routing, output and prompt shape come from concern annotations: an explicit
 * endpoint path, summary-level exports with timeslices, and a shared system prompt.
 */
@LlmBenchmark(requestCount = 4, inputTokensMean = 20, outputTokens = 4)
@Endpoint(customEndpoint = "v1/chat/completions")
@Output(exportLevel = "summary", sliceDuration = 1)
@SyntheticInput(sharedSystemPromptLength = 12)
public class MockConcernsBenchmark { }
