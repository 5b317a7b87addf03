package io.llmbench.runtime.mock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The stream without inter-token latency: every event of the response, from the role event to
 * {@code [DONE]}, in ONE write (at the time to first token, at once when that is 0 too), as a server
 * with nothing to compute would send it. This keeps the mock cheap enough that a client benchmark measures the client, not
 * the mock's per-event timer hops.
 *
 * <p>When the request carries {@link #TIMING_HEADER}, a leading event named {@link #TIMING_EVENT}
 * (a chunk with no choices, which clients skip) reports the mock's own instants, {@code System.nanoTime()} of the mock's
 * process (on Linux one clock for every process of the machine): when the request arrived and when
 * the stream was written. The client benchmark compares them with its own timestamps.
 */
final class WholeStream {

    /** Request header asking for the mock's timing event. */
    static final String TIMING_HEADER = "X-Llmbench-Mock-Timing";
    /**
     * The timing event's name: a named event is kept as it arrived by a client that decodes OpenAI
     * chunks on arrival, so the benchmark can read the instants back.
     */
    static final String TIMING_EVENT = "llmbench_mock_timing";

    private WholeStream() {
    }

    static void write(Response response, Callback callback, ResponseShapes shapes, CompletionRequest request,
            int tokens, String finishReason, long arrivedNs, boolean timing) {
        byte[] head = request.chat() ? shapes.roleEvent() : new byte[0];
        byte[] end = request.includeUsage()
                ? shapes.usageEventAndDone(request.promptTokens(), tokens)
                : shapes.done();
        // One array of the exact size: this runs for every request of a client benchmark.
        byte[] events = new byte[head.length + shapes.tokenEventsLength(tokens, finishReason) + end.length];
        System.arraycopy(head, 0, events, 0, head.length);
        int at = shapes.writeTokenEvents(events, head.length, tokens, finishReason);
        System.arraycopy(end, 0, events, at, end.length);
        // Stamped once the events are ready, as close to the write as the mock can get.
        response.write(true, ByteBuffer.wrap(timing ? stamped(arrivedNs, events) : events), callback);
    }

    /** {@code events} after the timing event, whose "written" instant is taken now. */
    static byte[] stamped(long arrivedNs, byte[] events) {
        byte[] stamp = stamp(arrivedNs);
        byte[] body = java.util.Arrays.copyOf(stamp, stamp.length + events.length);
        System.arraycopy(events, 0, body, stamp.length, events.length);
        return body;
    }

    /** The timing event: the mock's instants, the stream's "written" one taken now. */
    private static byte[] stamp(long arrivedNs) {
        return ("event: " + TIMING_EVENT + "\ndata: {\"object\":\"chat.completion.chunk\",\"choices\":[],\"llmbench_mock\":{"
                + "\"arrived_ns\":" + arrivedNs + ",\"sent_ns\":" + System.nanoTime() + "}}\n\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
