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
    /** The timing event's text before its "arrived" instant, between the two instants, and after them. */
    private static final String STAMP_HEAD = "event: " + TIMING_EVENT
            + "\ndata: {\"object\":\"chat.completion.chunk\",\"choices\":[],\"llmbench_mock\":{\"arrived_ns\":";
    private static final String STAMP_MIDDLE = ",\"sent_ns\":";
    private static final String STAMP_TAIL = "}}\n\n";
    /** Bytes the timing event takes at most: its text and two instants of up to 20 characters each. */
    private static final int STAMP_ROOM = STAMP_HEAD.length() + STAMP_MIDDLE.length() + STAMP_TAIL.length() + 40;

    private WholeStream() {
    }

    static void write(Response response, Callback callback, ResponseShapes shapes, CompletionRequest request,
            int tokens, String finishReason, long arrivedNs, boolean timing) {
        byte[] head = request.chat() ? shapes.roleEvent() : new byte[0];
        byte[] end = request.includeUsage()
                ? shapes.usageEventAndDone(request.promptTokens(), tokens)
                : shapes.done();
        // One array of the exact size, with room in front for the timing event: this runs for every
        // request of a client benchmark, and 20 KiB copied again per stream showed in its profile.
        int room = timing ? STAMP_ROOM : 0;
        byte[] body = new byte[room + head.length + shapes.tokenEventsLength(tokens, finishReason) + end.length];
        System.arraycopy(head, 0, body, room, head.length);
        int at = shapes.writeTokenEvents(body, room + head.length, tokens, finishReason);
        System.arraycopy(end, 0, body, at, end.length);
        // Stamped once the events are ready, as close to the write as the mock can get.
        response.write(true, timing ? stampBefore(body, room, arrivedNs) : ByteBuffer.wrap(body), callback);
    }

    /** {@code events} after the timing event, whose "written" instant is taken now. */
    static ByteBuffer stamped(long arrivedNs, byte[] events) {
        byte[] body = new byte[STAMP_ROOM + events.length];
        System.arraycopy(events, 0, body, STAMP_ROOM, events.length);
        return stampBefore(body, STAMP_ROOM, arrivedNs);
    }

    /**
     * Writes the timing event, its "written" instant taken now, to end where {@code body}'s events
     * start ({@code room}), and returns the two as one buffer.
     */
    private static ByteBuffer stampBefore(byte[] body, int room, long arrivedNs) {
        byte[] stamp = (STAMP_HEAD + arrivedNs + STAMP_MIDDLE + System.nanoTime() + STAMP_TAIL)
                .getBytes(StandardCharsets.US_ASCII);
        int from = room - stamp.length;
        System.arraycopy(stamp, 0, body, from, stamp.length);
        return ByteBuffer.wrap(body, from, body.length - from);
    }
}
