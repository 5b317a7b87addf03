package io.llmbench.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock's own instants from its timing event ({@code "arrived_ns": …, "sent_ns": …}, see
 * docs/mock-server.md), on the machine's monotonic clock: what the harness's TTFT error subtracts.
 *
 * @param arrivedNs when the request reached the mock's handler
 * @param sentNs when the stream (paced: its first token) was written
 */
record MockStamp(long arrivedNs, long sentNs) {

    /** The request header that asks the mock for its timing event. */
    static final String HEADER = "X-Llmbench-Mock-Timing";
    /** The timing event's name (the client keeps it raw, because it is named). */
    static final String EVENT = "llmbench_mock_timing";

    private static final Pattern INSTANTS = Pattern.compile("\"arrived_ns\":(-?\\d+),\"sent_ns\":(-?\\d+)");

    /** The first stamp in {@code text}, or {@code null}. */
    static MockStamp find(CharSequence text) {
        Matcher matcher = INSTANTS.matcher(text);
        return matcher.find() ? new MockStamp(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)))
                : null;
    }

    /** Client TTFT − the mock's own (sent − arrived), in ms: what everything outside the mock's handler adds. */
    double ttftErrorMs(long clientTtftNs) {
        return (clientTtftNs - (sentNs - arrivedNs)) / 1e6;
    }
}
