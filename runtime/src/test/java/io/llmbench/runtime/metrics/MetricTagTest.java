package io.llmbench.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.annotations.SloMetrics;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricTagTest {

    @Test
    void sloTagsAreExactlyThoseTheAnnotationProcessorAccepts() {
        List<String> runtime = MetricTag.sloAllowed().stream().map(MetricTag::tag).toList();
        assertEquals(SloMetrics.TAGS, runtime,
                "MetricTag's SLO-able tags must equal io.llmbench.annotations.SloMetrics.TAGS, in order");
        for (MetricTag tag : MetricTag.sloAllowed()) {
            assertEquals(MetricKind.PER_REQUEST, tag.kind(), tag + " carries an SLO so must be per-request");
        }
    }

    @Test
    void sloDirectionsAgreeWithTheAnnotationProcessor() {
        List<String> floors = MetricTag.sloAllowed().stream().filter(MetricTag::isLargerBetter)
                .map(MetricTag::tag).toList();
        assertEquals(SloMetrics.LARGER_IS_BETTER, floors);
    }

    @Test
    void consoleRowsFollowMetricsMd() {
        List<String> rows = MetricTag.consoleRows().stream().map(MetricTag::displayName).toList();
        assertEquals(List.of("Time to First Token", "Time to Second Token", "Time to First Output Token",
                "Request Latency", "Inter Token Latency", "Output Token Throughput Per User",
                "Output Sequence Length", "Input Sequence Length", "Output Token Throughput", "Image Throughput",
                "Image Latency", "Request Throughput", "Goodput", "Request Count"), rows);
    }

    @Test
    void tagsAreUniqueAndFoundByName() {
        Set<String> seen = new HashSet<>();
        for (MetricTag tag : MetricTag.values()) {
            assertTrue(seen.add(tag.tag()), "duplicate tag " + tag.tag());
            assertEquals(tag, MetricTag.fromTag(tag.tag()).orElseThrow());
        }
        assertTrue(MetricTag.fromTag("nope").isEmpty());
    }

    @Test
    void labelIsNameThenUnitInParentheses() {
        assertEquals("Time to First Token (ms)", MetricTag.TIME_TO_FIRST_TOKEN.label());
        assertEquals("Output Token Throughput Per User (tokens/sec/user)",
                MetricTag.OUTPUT_TOKEN_THROUGHPUT_PER_USER.label());
    }
}
