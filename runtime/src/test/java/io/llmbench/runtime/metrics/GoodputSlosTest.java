package io.llmbench.runtime.metrics;

import static io.llmbench.runtime.metrics.TestRecords.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.UserInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoodputSlosTest {

    private final RequestMetrics metrics = new RequestMetrics(new WhitespaceTokenizer(), true, TokenCountSource.CLIENT);

    /** TTFT 20 ms, OSL 5, latency 100 ms: ITL 20 ms, 50 tokens/sec/user. */
    private RequestValues sample() {
        return metrics.compute(request()
                .content(20, "one two").content(60, " three four").content(100, " five").endAt(100).build());
    }

    @Test
    void parsesTagValuePairsInDisplayUnits() {
        GoodputSlos slos = GoodputSlos.parse("  time_to_first_token:200\tinter_token_latency:20.5 ");
        assertEquals(Map.of(MetricTag.TIME_TO_FIRST_TOKEN, 200.0, MetricTag.INTER_TOKEN_LATENCY, 20.5),
                slos.asMap());
        assertEquals("time_to_first_token:200 inter_token_latency:20.5", slos.toString());
    }

    @Test
    void blankMeansNoSlos() {
        assertTrue(GoodputSlos.parse("").isEmpty());
        assertTrue(GoodputSlos.parse(null).isEmpty());
        assertTrue(GoodputSlos.parse("   ").isEmpty());
    }

    @Test
    void unknownTagIsAUserErrorListingTheAllowedTags() {
        UserInputException e = assertThrows(UserInputException.class, () -> GoodputSlos.parse("ttft:200"));
        assertTrue(e.getMessage().contains("'ttft'"), e.getMessage());
        assertTrue(e.getMessage().contains("time_to_first_token"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void runLevelTagsCannotCarryAnSlo() {
        assertThrows(UserInputException.class, () -> GoodputSlos.parse("request_throughput:5"));
    }

    @Test
    void badNumberIsAUserError() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> GoodputSlos.parse("time_to_first_token:fast"));
        assertTrue(e.getMessage().contains("'fast'"), e.getMessage());
        assertThrows(UserInputException.class, () -> GoodputSlos.parse("time_to_first_token:-1"));
        assertThrows(UserInputException.class, () -> GoodputSlos.parse("time_to_first_token:NaN"));
    }

    @Test
    void duplicateTagIsAUserError() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> GoodputSlos.parse("request_latency:100 request_latency:200"));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void pairWithoutColonOrValueIsAUserError() {
        assertThrows(UserInputException.class, () -> GoodputSlos.parse("time_to_first_token"));
        assertThrows(UserInputException.class, () -> GoodputSlos.parse("time_to_first_token:"));
        assertThrows(UserInputException.class, () -> GoodputSlos.parse(":5"));
    }

    @Test
    void smallerIsBetterMetricsMustBeAtMostTheirSlo() {
        assertTrue(GoodputSlos.parse("time_to_first_token:20").isGood(sample()), "20 <= 20");
        assertFalse(GoodputSlos.parse("time_to_first_token:19.9").isGood(sample()));
    }

    @Test
    void largerIsBetterMetricsMustBeAtLeastTheirSlo() {
        assertTrue(GoodputSlos.parse("output_token_throughput_per_user:50").isGood(sample()), "50 >= 50");
        assertFalse(GoodputSlos.parse("output_token_throughput_per_user:50.1").isGood(sample()));
    }

    @Test
    void everySloMustBeMet() {
        assertTrue(GoodputSlos.parse("time_to_first_token:25 inter_token_latency:20").isGood(sample()));
        assertFalse(GoodputSlos.parse("time_to_first_token:25 inter_token_latency:19").isGood(sample()));
    }

    @Test
    void requestWithoutTheMetricIsNotGood() {
        RequestValues noImages = sample();
        assertFalse(GoodputSlos.parse("image_latency:1000").isGood(noImages));
    }
}
