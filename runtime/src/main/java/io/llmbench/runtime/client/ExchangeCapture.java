package io.llmbench.runtime.client;

import io.llmbench.runtime.record.RequestRecord;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Jetty listener for one exchange: stamps the instants, reads the response content on demand
 * (never blocking, releasing every chunk), feeds stream bytes to an {@link SseParser} (or, from a
 * large read on, copies them for a parse off the network thread: {@link DeferredReads}) and hands a
 * {@link CompletedExchange} to the caller exactly once.
 *
 * <p>Jetty calls these methods one at a time, but a failure (a timeout, an abort) may complete the
 * exchange on one thread while a read is still running on another; the monitor keeps the captured
 * data consistent, and is uncontended otherwise (taken once per read, not per byte).
 */
final class ExchangeCapture implements Request.BeginListener, Response.HeadersListener,
        Response.ContentSourceListener, Response.CompleteListener {

    /** Most of an error body kept for its message. */
    private static final int ERROR_BODY_CAP = 64 * 1024;
    /**
     * A stream read bringing this many bytes (about 25 OpenAI chunks) or more is copied and parsed
     * later, off the network thread (see {@link DeferredReads}); smaller reads, such as one event
     * each from a server pacing its tokens, are parsed in place, which costs less than the copy.
     */
    static final int DEFER_READS_FROM = 4096;

    private final OutgoingRequest request;
    private final URI uri;
    private final Consumer<CompletedExchange> onDone;
    private final long queuedNs;
    private final ApiShape shape;
    private final Runnable onFirstToken;

    private long startNs = RequestRecord.NOT_RECORDED;
    private long ackNs = RequestRecord.NOT_RECORDED;
    private long bodyEndNs = RequestRecord.NOT_RECORDED;
    private int status;
    private boolean eventStream;
    private SseParser parser;
    private ArrivingStream stream;
    /** The stream's reads from the first large one on, or {@code null} while they are parsed in place. */
    private DeferredReads deferred;
    private ByteSink body;
    private Content.Source source;
    /**
     * The demand callback, declared non-blocking (it never waits): with the client's non-blocking
     * transport, Jetty then runs it on the selector thread that saw the bytes arrive, instead of
     * handing every read to a pool thread and waking the selector to re-arm the connection.
     */
    private final Runnable readWhenAvailable = Invocable.from(Invocable.InvocationType.NON_BLOCKING, this::readAvailable);
    private boolean completed;

    ExchangeCapture(OutgoingRequest request, URI uri, long queuedNs, Consumer<CompletedExchange> onDone) {
        this(request, uri, queuedNs, null, onDone, new OpenAiChatShape());
    }

    ExchangeCapture(OutgoingRequest request, URI uri, long queuedNs, Consumer<CompletedExchange> onDone,
            ApiShape shape) {
        this(request, uri, queuedNs, null, onDone, shape);
    }

    /** @param onFirstToken called once when the first stream event carrying output arrives, or {@code null} */
    ExchangeCapture(OutgoingRequest request, URI uri, long queuedNs, Runnable onFirstToken,
            Consumer<CompletedExchange> onDone, ApiShape shape) {
        this.shape = shape;
        this.onFirstToken = onFirstToken;
        this.request = request;
        this.uri = uri;
        this.queuedNs = queuedNs;
        this.onDone = onDone;
    }

    @Override
    public void onBegin(Request jettyRequest) {
        long now = System.nanoTime();
        synchronized (this) {
            startNs = now;
        }
    }

    @Override
    public void onHeaders(Response response) {
        long now = System.nanoTime();
        synchronized (this) {
            ackNs = now;
            status = response.getStatus();
            String contentType = response.getHeaders().get(HttpHeader.CONTENT_TYPE);
            boolean success = status >= 200 && status < 300;
            eventStream = success && contentType != null
                    && contentType.regionMatches(true, 0, "text/event-stream", 0, "text/event-stream".length());
            if (eventStream) {
                stream = new ArrivingStream(shape, onFirstToken);
                parser = new SseParser(stream);
            } else {
                body = new ByteSink(success ? 4096 : 1024, success ? Integer.MAX_VALUE - 16 : ERROR_BODY_CAP);
            }
        }
    }

    @Override
    public void onContentSource(Response response, Content.Source contentSource) {
        if (source != null) {
            // Registered twice, this listener would get a second copy of the content through Jetty's
            // demultiplexer (bookkeeping on every read, and headers handled twice): fail loudly.
            response.abort(new IllegalStateException("the response content listener was registered twice"));
            return;
        }
        this.source = contentSource;
        readAvailable();
    }

    /** Reads until nothing is available, then asks to be called back; never waits. */
    private void readAvailable() {
        while (true) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                source.demand(readWhenAvailable);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                // Jetty completes the exchange with this failure; a transient one is fatal to us too.
                if (!chunk.isLast()) {
                    source.fail(chunk.getFailure());
                }
                return;
            }
            long receivedNs = System.nanoTime();
            boolean last;
            try {
                last = chunk.isLast();
                ByteBuffer bytes = chunk.getByteBuffer();
                synchronized (this) {
                    if (completed) {
                        return;
                    }
                    if (bytes.hasRemaining()) {
                        if (parser != null) {
                            feed(bytes, receivedNs);
                        } else if (body != null) {
                            body.append(bytes);
                        }
                    }
                    if (last) {
                        bodyEndNs = receivedNs;
                        if (deferred != null) {
                            deferred.end();
                        } else if (parser != null) {
                            parser.finish();
                        }
                    }
                }
            } finally {
                chunk.release();
            }
            if (last) {
                return;
            }
        }
    }

    /**
     * Parses a stream read in place, or defers it once a large read came. Not with a first-token
     * callback ({@code --prefill-concurrency}), which must run when that token arrives.
     */
    private void feed(ByteBuffer bytes, long receivedNs) {
        if (deferred == null) {
            if (onFirstToken != null || bytes.remaining() < DEFER_READS_FROM) {
                parser.feed(bytes, receivedNs);
                return;
            }
            deferred = new DeferredReads(parser, stream, bytes.remaining());
        }
        deferred.append(bytes, receivedNs);
    }

    @Override
    public void onComplete(Result result) {
        long now = System.nanoTime();
        CompletedExchange exchange;
        synchronized (this) {
            if (completed) {
                return;
            }
            completed = true;
            exchange = new CompletedExchange(request, uri, queuedNs, startNs, ackNs, bodyEndNs, now, status,
                    eventStream, events(), body == null ? new byte[0] : body.toByteArray(), result.getFailure(), shape,
                    decodedEvents());
        }
        onDone.accept(exchange);
    }

    private List<SseEvent> events() {
        return stream == null ? List.of() : deferred != null ? deferred.events() : stream.events();
    }

    private List<DecodedEvent> decodedEvents() {
        return stream == null ? List.of() : deferred != null ? deferred.decodedEvents() : stream.decodedEvents();
    }

    /** Completes the exchange when Jetty refused it before any listener could run. */
    void failedToSend(Throwable failure) {
        long now = System.nanoTime();
        CompletedExchange exchange;
        synchronized (this) {
            if (completed) {
                return;
            }
            completed = true;
            exchange = new CompletedExchange(request, uri, queuedNs, startNs, ackNs, bodyEndNs, now, status,
                    eventStream, events(), new byte[0], failure, shape, decodedEvents());
        }
        onDone.accept(exchange);
    }
}
