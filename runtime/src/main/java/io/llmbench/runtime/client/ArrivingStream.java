package io.llmbench.runtime.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One response stream's events as they arrive, on the network thread. For a shape that decodes on
 * arrival (the OpenAI chunk shapes) each event is read by the {@link OpenAiChunkScanner} straight from
 * the parser's buffer, a fraction of a microsecond, so its bytes are never copied or kept; any other
 * event (a named one, {@code [DONE]}, one the scanner leaves to Jackson, or every event of another
 * shape) is copied and kept raw for the processing thread. Either way the arrival order is kept, so
 * the stream decodes exactly as if every event had been kept raw.
 *
 * <p>Not thread-safe: fed by one parser, read once the stream has ended.
 */
public final class ArrivingStream implements SseParser.ViewListener {

    private final Runnable onFirstOutput;
    private boolean firstOutputSeen;
    private final OpenAiChunkScanner scanner;
    private final List<SseEvent> events;
    private final List<DecodedEvent> decodedEvents;

    /**
     * @param shape decides whether events decode on arrival
     * @param onFirstOutput called once, when the first event carrying output arrives (a role-only
     *     event does not count), or {@code null}
     */
    public ArrivingStream(ApiShape shape, Runnable onFirstOutput) {
        this.onFirstOutput = onFirstOutput;
        if (shape.decodesOnArrival()) {
            scanner = new OpenAiChunkScanner();
            events = new ArrayList<>(2);
            decodedEvents = new ArrayList<>(64);
        } else {
            scanner = null;
            events = new ArrayList<>(64);
            decodedEvents = List.of();
        }
    }

    /** An arriving stream of the OpenAI chat shape, which decodes on arrival. */
    public static ArrivingStream openAiChat() {
        return new ArrivingStream(new OpenAiChatShape(), null);
    }

    @Override
    public void onEvent(String eventName, byte[] buffer, int offset, int length, long receivedNs) {
        DecodedEvent decoded = scanner != null && eventName == null
                ? scanner.scan(buffer, offset, length, receivedNs) : null;
        if (decoded != null) {
            decodedEvents.add(decoded);
            if (!firstOutputSeen && decoded.chunk().isTokenBearing()) {
                firstOutput();
            }
            return;
        }
        byte[] data = Arrays.copyOfRange(buffer, offset, offset + length);
        if (scanner != null) {
            decodedEvents.add(DecodedEvent.KEPT_RAW);
        }
        if (!firstOutputSeen && FirstTokenProbe.carriesOutput(data)) {
            firstOutput();
        }
        events.add(new SseEvent(eventName, data, receivedNs));
    }

    private void firstOutput() {
        firstOutputSeen = true;
        if (onFirstOutput != null) {
            onFirstOutput.run();
        }
    }

    /** The events kept raw, in arrival order (see {@link CompletedExchange#events()}). */
    public List<SseEvent> events() {
        return events;
    }

    /** Every event in arrival order, or empty when all were kept raw (see {@link CompletedExchange#decodedEvents()}). */
    public List<DecodedEvent> decodedEvents() {
        return decodedEvents;
    }
}
