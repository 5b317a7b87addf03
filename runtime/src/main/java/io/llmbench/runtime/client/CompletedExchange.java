package io.llmbench.runtime.client;

import io.llmbench.runtime.record.ErrorType;
import io.llmbench.runtime.record.RequestError;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.ResponseChunk;
import java.net.URI;
import java.util.List;

/**
 * The raw capture of one request/response exchange, as taken on the network threads: instants,
 * status, the undecoded stream events or body, and any transport failure. {@link #toRecord()}
 * decodes it; call that off the network threads. Instants are {@code System.nanoTime()} values,
 * {@link RequestRecord#NOT_RECORDED} where never reached.
 *
 * @param request what was sent
 * @param uri where it was sent
 * @param queuedNs just before it was handed to Jetty
 * @param startNs Jetty's request-begin event: it began to be sent on a connection
 * @param ackNs the response status line and headers arrived
 * @param bodyEndNs the read that delivered the end of the response body
 * @param completedNs Jetty reported the exchange complete (successfully or not)
 * @param httpStatus the response status, 0 when none arrived
 * @param eventStream whether the response was {@code text/event-stream} (its events are in
 *     {@code events}; otherwise its body is in {@code body})
 * @param events the stream's events in arrival order, {@code [DONE]} included (for a stream whose
 *     large reads were deferred, a view that parses them on first use: see {@link DeferredReads})
 * @param body the whole body of a non-stream response (the first 64 KiB of an error body)
 * @param failure the transport failure Jetty reported, or {@code null}
 * @param shape the API shape, which decides how the response decodes
 * @param decodedEvents when the shape decodes on arrival ({@link ApiShape#decodesOnArrival()}): every
 *     event of the stream in arrival order, decoded, or {@link DecodedEvent#KEPT_RAW} for one that was
 *     kept raw in {@code events} instead; empty when every event is in {@code events}
 */
public record CompletedExchange(
        OutgoingRequest request,
        URI uri,
        long queuedNs,
        long startNs,
        long ackNs,
        long bodyEndNs,
        long completedNs,
        int httpStatus,
        boolean eventStream,
        List<SseEvent> events,
        byte[] body,
        Throwable failure,
        ApiShape shape,
        List<DecodedEvent> decodedEvents) {

    private static final long NOT_RECORDED = RequestRecord.NOT_RECORDED;

    public CompletedExchange {
        // A stream whose reads were deferred parses when its events are first used, off the
        // network thread: copying its lists here would parse them on the network thread.
        events = events instanceof DeferredReads.Parsed<SseEvent> ? events : List.copyOf(events);
        shape = shape == null ? new OpenAiChatShape() : shape;
        decodedEvents = decodedEvents == null ? List.of()
                : decodedEvents instanceof DeferredReads.Parsed<DecodedEvent> ? decodedEvents
                : List.copyOf(decodedEvents);
    }

    /** An exchange whose events were all kept raw. */
    public CompletedExchange(OutgoingRequest request, URI uri, long queuedNs, long startNs, long ackNs, long bodyEndNs,
            long completedNs, int httpStatus, boolean eventStream, List<SseEvent> events, byte[] body,
            Throwable failure, ApiShape shape) {
        this(request, uri, queuedNs, startNs, ackNs, bodyEndNs, completedNs, httpStatus, eventStream, events, body,
                failure, shape, List.of());
    }

    /** An exchange of the OpenAI chat or completions shape (they decode alike). */
    public CompletedExchange(OutgoingRequest request, URI uri, long queuedNs, long startNs, long ackNs, long bodyEndNs,
            long completedNs, int httpStatus, boolean eventStream, List<SseEvent> events, byte[] body,
            Throwable failure) {
        this(request, uri, queuedNs, startNs, ackNs, bodyEndNs, completedNs, httpStatus, eventStream, events, body,
                failure, new OpenAiChatShape(), List.of());
    }

    /** How many events the stream had, decoded on arrival or kept raw. */
    public int eventCount() {
        return decodedEvents.isEmpty() ? events.size() : decodedEvents.size();
    }

    /** Whether the stream's end-of-stream sentinel {@code data: [DONE]} arrived. */
    public boolean doneReceived() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).isDone()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decodes this exchange into the record the rest of the run uses. Keeps whatever was
     * measured before a failure (instants, chunks before a broken stream). The end instant of a
     * successful stream follows AIPerf's request latency: the last event with content or
     * reasoning, so a trailing usage-only event and {@code [DONE]} do not extend it (see
     * {@code docs/timestamps.md}); of a successful non-streaming response, when its whole body
     * had arrived; of a failed request, when the client saw it end. A request sent without a
     * schedule ({@code scheduledStartNs} not recorded: closed loop) gets its start as its
     * scheduled start (METRICS.md), or its queued instant when it never started.
     */
    public RequestRecord toRecord() {
        ResponseDecoder.Decoded decoded = decode();
        RequestError error = error(decoded);
        List<ResponseChunk> chunks = decoded.chunks();
        long endNs = error == null ? successfulEnd(chunks) : completedNs;
        long scheduled = request.scheduledStartNs() != NOT_RECORDED ? request.scheduledStartNs()
                : startNs != NOT_RECORDED ? startNs : queuedNs;
        return new RequestRecord(request.requestId(), request.conversationId(), request.turnIndex(),
                request.entryIndex(), request.phase(), request.prompt(), request.imageCount(), scheduled,
                queuedNs, startNs, ackNs, endNs, httpStatus, chunks, decoded.usage(), error);
    }

    private boolean isSuccessStatus() {
        return httpStatus >= 200 && httpStatus < 300;
    }

    private ResponseDecoder.Decoded decode() {
        if (eventStream) {
            return decodedEvents.isEmpty() ? shape.decodeEvents(events)
                    : ResponseDecoder.decodeInArrivalOrder(decodedEvents, events);
        }
        if (failure == null && isSuccessStatus()) {
            return shape.decodeBody(body, bodyEndNs == NOT_RECORDED ? completedNs : bodyEndNs);
        }
        return new ResponseDecoder.Decoded(List.of(), null, null);
    }

    private RequestError error(ResponseDecoder.Decoded decoded) {
        if (httpStatus != 0 && !isSuccessStatus()) {
            String detail = body.length == 0 && failure != null
                    ? FailureClassifier.describe(failure)
                    : ResponseDecoder.errorMessage(body);
            return new RequestError(ErrorType.HTTP, httpStatus, "HTTP " + httpStatus + ": " + detail);
        }
        if (failure != null) {
            return FailureClassifier.classify(failure, startNs != NOT_RECORDED, uri.toString());
        }
        if (decoded.error() != null) {
            return decoded.error();
        }
        if (eventStream && !shape.complete(events)) {
            return new RequestError(ErrorType.STREAM, 0,
                    "stream ended without " + shape.endEvent() + " after " + eventCount() + " events");
        }
        return null;
    }

    private long successfulEnd(List<ResponseChunk> chunks) {
        if (!eventStream) {
            return bodyEndNs == NOT_RECORDED ? completedNs : bodyEndNs;
        }
        for (int i = chunks.size() - 1; i >= 0; i--) {
            if (chunks.get(i).isTokenBearing()) {
                return chunks.get(i).receivedNs();
            }
        }
        // No output at all: AIPerf has no request latency then; the last data event is the
        // nearest instant that still says when the server stopped answering.
        return chunks.isEmpty() ? (bodyEndNs == NOT_RECORDED ? completedNs : bodyEndNs)
                : chunks.get(chunks.size() - 1).receivedNs();
    }
}
