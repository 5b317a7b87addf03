package io.llmbench.samples;

import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.annotations.SyntheticInput;

/**
 * A benchmark of synthetic multi-turn conversations: 2 conversations of 3 turns, each later turn
 * sent 60 ms after the previous answer, one session at a time, 6 requests in all.
 */
@LlmBenchmark(concurrency = 1, requestCount = 6, inputTokensMean = 20, outputTokens = 4)
@SyntheticInput(numDatasetEntries = 2, conversationTurnMean = 3, conversationTurnDelayMean = 60)
public class MockConversationsBenchmark { }
