package io.llmbench.runtime.metrics;

import static io.llmbench.runtime.metrics.TestRecords.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.record.ErrorType;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {

    private final RequestMetrics streaming =
            new RequestMetrics(new WhitespaceTokenizer(), true, TokenCountSource.CLIENT);
    private final RequestMetrics nonStreaming =
            new RequestMetrics(new WhitespaceTokenizer(), false, TokenCountSource.CLIENT);

    @Test
    void ttftIsMeasuredToTheFirstTokenBearingEventSkippingRoleOnlyEvents() {
        RequestValues v = streaming.compute(request()
                .roleOnly(5).content(20, "Hello").content(32, " big world").usageOnly(40).endAt(32).build());
        assertEquals(20.0, v.get(MetricTag.TIME_TO_FIRST_TOKEN), "the role-only event at 5 ms is not a token");
        assertEquals(12.0, v.get(MetricTag.TIME_TO_SECOND_TOKEN), "second token-bearing event - first");
        assertEquals(20.0, v.get(MetricTag.TIME_TO_FIRST_OUTPUT_TOKEN));
        assertEquals(32.0, v.get(MetricTag.REQUEST_LATENCY));
        assertArrayEquals(new double[] {12.0}, v.interChunkLatenciesMs(),
                "the usage-only event is not a chunk gap");
    }

    @Test
    void usageOnlyAndEmptyEventsAreNeverTokenBearing() {
        RequestValues v = streaming.compute(request()
                .usageOnly(3).roleOnly(4).content(10, "a").roleOnly(12).content(30, "b").endAt(30).build());
        assertEquals(10.0, v.get(MetricTag.TIME_TO_FIRST_TOKEN));
        assertEquals(20.0, v.get(MetricTag.TIME_TO_SECOND_TOKEN), "the empty event at 12 ms is skipped");
        assertArrayEquals(new double[] {20.0}, v.interChunkLatenciesMs());
    }

    @Test
    void ttfoIgnoresReasoningOnlyEventsWhileTtftCountsThem() {
        RequestValues v = streaming.compute(request()
                .reasoning(10, "think").reasoning(15, " hard").content(40, "the answer").endAt(40).build());
        assertEquals(10.0, v.get(MetricTag.TIME_TO_FIRST_TOKEN), "reasoning is a token");
        assertEquals(5.0, v.get(MetricTag.TIME_TO_SECOND_TOKEN));
        assertEquals(40.0, v.get(MetricTag.TIME_TO_FIRST_OUTPUT_TOKEN), "first non-reasoning content");
    }

    @Test
    void oslCountsOutputContentPlusReasoningText() {
        RequestValues v = streaming.compute(request()
                .reasoning(10, "think").reasoning(15, " hard").content(40, "the answer is").endAt(40).build());
        assertEquals(5.0, v.get(MetricTag.OUTPUT_SEQUENCE_LENGTH), "2 reasoning + 3 output tokens");
        assertEquals(3, v.clientOutputTokens());
        assertEquals(2, v.clientReasoningTokens());
        assertEquals(2.0, v.get(MetricTag.REASONING_TOKEN_COUNT), "reasoning text counts as reasoning tokens");
        RequestValues plain = streaming.compute(request().content(40, "the answer is").endAt(40).build());
        assertFalse(plain.has(MetricTag.REASONING_TOKEN_COUNT), "no reasoning text, no reasoning count");
    }

    @Test
    void itlIsLatencyAfterTheFirstTokenSpreadOverTheRemainingTokens() {
        // OSL 5, latency 100 ms, TTFT 20 ms: (100 - 20) / (5 - 1) = 20 ms, so 50 tokens/sec/user.
        RequestValues v = streaming.compute(request()
                .content(20, "one two").content(60, " three four").content(100, " five").endAt(100).build());
        assertEquals(5.0, v.get(MetricTag.OUTPUT_SEQUENCE_LENGTH));
        assertEquals(20.0, v.get(MetricTag.INTER_TOKEN_LATENCY));
        assertEquals(50.0, v.get(MetricTag.OUTPUT_TOKEN_THROUGHPUT_PER_USER), 1e-9);
        assertArrayEquals(new double[] {40.0, 40.0}, v.interChunkLatenciesMs());
    }

    @Test
    void itlNeedsAtLeastTwoOutputTokens() {
        RequestValues v = streaming.compute(request().content(20, "single").endAt(25).build());
        assertEquals(1.0, v.get(MetricTag.OUTPUT_SEQUENCE_LENGTH));
        assertFalse(v.has(MetricTag.INTER_TOKEN_LATENCY));
        assertFalse(v.has(MetricTag.OUTPUT_TOKEN_THROUGHPUT_PER_USER));
        assertFalse(v.has(MetricTag.TIME_TO_SECOND_TOKEN));
        assertEquals(0, v.interChunkCount());
    }

    @Test
    void perUserThroughputIsAbsentWhenItlIsZero() {
        // All three tokens arrive in the one event that is also the last: latency == TTFT, ITL 0.
        RequestValues v = streaming.compute(request().content(30, "a b c").endAt(30).build());
        assertEquals(0.0, v.get(MetricTag.INTER_TOKEN_LATENCY));
        assertFalse(v.has(MetricTag.OUTPUT_TOKEN_THROUGHPUT_PER_USER));
    }

    @Test
    void nonStreamingRequestsHaveNoStreamingMetrics() {
        RequestValues v = nonStreaming.compute(request().content(250, "a whole answer").endAt(250).build());
        assertEquals(250.0, v.get(MetricTag.REQUEST_LATENCY));
        assertEquals(3.0, v.get(MetricTag.OUTPUT_SEQUENCE_LENGTH));
        assertEquals(3.0, v.get(MetricTag.INPUT_SEQUENCE_LENGTH));
        for (MetricTag tag : MetricTag.values()) {
            if (tag.isStreamingOnly()) {
                assertFalse(v.has(tag), tag + " must be absent for a non-streaming request");
            }
        }
        assertEquals(0, v.interChunkCount());
    }

    @Test
    void islIsTheTokenizerCountOfThePrompt() {
        RequestValues v = streaming.compute(request().prompt("describe this picture please").images(1)
                .content(5, "ok").endAt(5).build());
        assertEquals(4.0, v.get(MetricTag.INPUT_SEQUENCE_LENGTH), "images do not count");
    }

    @Test
    void imageMetricsExistOnlyForRequestsWithImages() {
        RequestValues v = streaming.compute(request().images(2).content(500, "two cats").endAt(500).build());
        assertEquals(250.0, v.get(MetricTag.IMAGE_LATENCY), "500 ms / 2 images");
        assertEquals(4.0, v.get(MetricTag.IMAGE_THROUGHPUT), 1e-12, "2 images / 0.5 s");

        RequestValues text = streaming.compute(request().content(500, "no images").endAt(500).build());
        assertFalse(text.has(MetricTag.IMAGE_LATENCY));
        assertFalse(text.has(MetricTag.IMAGE_THROUGHPUT));
    }

    @Test
    void scheduleLagIsStartMinusScheduledInOpenLoopOnly() {
        RequestValues open = streaming.compute(request().scheduledAt(-3).queuedAt(-1).startAt(0)
                .content(10, "x").endAt(10).build());
        assertEquals(3.0, open.get(MetricTag.SCHEDULE_LAG));

        RequestValues closed = streaming.compute(request().queuedAt(-1).startAt(0)
                .content(10, "x").endAt(10).build());
        assertFalse(closed.has(MetricTag.SCHEDULE_LAG), "closed loop: scheduled == queued");
    }

    @Test
    void failedRequestKeepsWhatItMeasured() {
        RequestValues v = streaming.compute(request().content(20, "partial answer").endAt(35)
                .failed(ErrorType.STREAM, 0, "connection reset").build());
        assertEquals(20.0, v.get(MetricTag.TIME_TO_FIRST_TOKEN), "TTFT measured before the stream broke");
        assertEquals(35.0, v.get(MetricTag.REQUEST_LATENCY));

        RequestValues refused = streaming.compute(request().notStarted()
                .failed(ErrorType.CONNECT, 0, "connection refused").build());
        assertFalse(refused.has(MetricTag.REQUEST_LATENCY), "never started: no latency");
        assertFalse(refused.has(MetricTag.TIME_TO_FIRST_TOKEN));
        assertEquals(3.0, refused.get(MetricTag.INPUT_SEQUENCE_LENGTH));
    }

    @Test
    void serverUsageIsRecordedBesideTheClientCount() {
        RequestValues v = streaming.compute(request().content(10, "a b").content(20, " c").endAt(20)
                .usage(7, 4, -1).build());
        assertEquals(3.0, v.get(MetricTag.OUTPUT_SEQUENCE_LENGTH), "client count is primary by default");
        assertEquals(4.0, v.get(MetricTag.USAGE_COMPLETION_TOKENS));
        assertEquals(7.0, v.get(MetricTag.USAGE_PROMPT_TOKENS));
        assertFalse(v.has(MetricTag.USAGE_REASONING_TOKENS), "-1 means the server did not say");
    }

    @Test
    void serverCountCanBePrimary() {
        RequestMetrics server = new RequestMetrics(new WhitespaceTokenizer(), true, TokenCountSource.SERVER);
        RequestValues v = server.compute(request().content(10, "a b").content(20, " c").endAt(30)
                .usage(7, 5, 0).build());
        assertEquals(5.0, v.get(MetricTag.OUTPUT_SEQUENCE_LENGTH));
        assertEquals(7.0, v.get(MetricTag.INPUT_SEQUENCE_LENGTH));
        assertEquals(5.0, v.get(MetricTag.INTER_TOKEN_LATENCY), "(30 - 10) / (5 - 1) with the server's OSL");
        assertTrue(v.has(MetricTag.OUTPUT_TOKEN_THROUGHPUT_PER_USER));
        assertFalse(v.has(MetricTag.REASONING_TOKEN_COUNT), "the server reported 0 reasoning tokens");
    }

    @Test
    void serverCountsTokenizeNothing() {
        WhitespaceTokenizer refusing = new WhitespaceTokenizer() {
            @Override
            public int count(String text) {
                throw new AssertionError("tokenized " + text);
            }
        };
        RequestMetrics server = new RequestMetrics(refusing, true, TokenCountSource.SERVER);
        RequestValues v = server.compute(request().prompt("a long prompt").content(10, "a b").content(20, " c")
                .endAt(30).usage(7, 5, 2).build());

        assertEquals(5.0, v.get(MetricTag.OUTPUT_SEQUENCE_LENGTH), "completion_tokens holds the reasoning");
        assertEquals(2.0, v.get(MetricTag.REASONING_TOKEN_COUNT));
        assertEquals(RequestValues.NOT_COUNTED, v.clientInputTokens());
        assertEquals(RequestValues.NOT_COUNTED, v.clientOutputSequenceLength());
    }

    @Test
    void serverCountsWithoutUsageLeaveNoTokenCounts() {
        RequestMetrics server = new RequestMetrics(new WhitespaceTokenizer(), true, TokenCountSource.SERVER);
        RequestValues v = server.compute(request().prompt("a b c").content(10, "a b").content(20, " c").endAt(30)
                .build());

        assertFalse(v.has(MetricTag.INPUT_SEQUENCE_LENGTH));
        assertFalse(v.has(MetricTag.OUTPUT_SEQUENCE_LENGTH));
        assertFalse(v.has(MetricTag.INTER_TOKEN_LATENCY), "ITL needs an output length");
        assertTrue(v.has(MetricTag.TIME_TO_FIRST_TOKEN));
    }

    @Test
    void aPromptSentAgainIsTokenizedOnlyOnce() {
        java.util.List<String> counted = new java.util.ArrayList<>();
        WhitespaceTokenizer words = new WhitespaceTokenizer() {
            @Override
            public int count(String text) {
                counted.add(text);
                return super.count(text);
            }
        };
        RequestMetrics metrics = new RequestMetrics(words, true, TokenCountSource.CLIENT);
        String prompt = "the same five word prompt";
        for (int i = 0; i < 3; i++) {
            RequestValues v = metrics.compute(request().prompt(prompt).content(10, "a b").endAt(10).build());
            assertEquals(5.0, v.get(MetricTag.INPUT_SEQUENCE_LENGTH));
        }
        assertEquals(1, java.util.Collections.frequency(counted, prompt), "counted: " + counted);
        assertEquals(3, java.util.Collections.frequency(counted, "a b"), "every output is counted");
    }
}
