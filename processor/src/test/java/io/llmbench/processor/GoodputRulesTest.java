package io.llmbench.processor;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The goodput grammar on plain strings, without a compiler. */
class GoodputRulesTest {

    private static List<String> messages(String goodput) {
        return GoodputRules.check(goodput).stream().map(AttributeProblem::message).collect(Collectors.toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "time_to_first_token:200",
        "  time_to_first_token:200\tinter_token_latency:2.5\n",
        "request_latency:.5 output_token_throughput_per_user:1e2",
        "image_latency:3. image_throughput:0.001",
    })
    void wellFormedSlosPass(String goodput) {
        assertThat(messages(goodput)).isEmpty();
    }

    @Test
    void everyBadEntryIsReportedInOrder() {
        assertThat(messages("ttft:0 request_latency request_latency:1 request_latency:2")).containsExactly(
                String.format(ErrorMessages.GOODPUT_UNKNOWN_TAG, "ttft", io.llmbench.annotations.SloMetrics.TAGS),
                String.format(ErrorMessages.GOODPUT_BAD_VALUE, "0", "ttft", "ttft"),
                String.format(ErrorMessages.GOODPUT_NOT_A_PAIR, "request_latency"),
                String.format(ErrorMessages.GOODPUT_DUPLICATE_TAG, "request_latency")).inOrder();
    }
}
