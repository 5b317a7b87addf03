package io.llmbench.runtime.client;

import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * The rest of a response stream, read but not yet parsed: each read's bytes copied as they came,
 * with the instant of its read, parsed on first use of the exchange's events (on the processing
 * thread). A read that brings many events at once (a server that wrote a whole stream, or a client
 * that fell behind) costs the network thread only its copy, so the reads of the other connections
 * on that thread, and their instants, do not wait for this one's parse. Every event gets its read's
 * instant either way, so the stream decodes exactly as if it had been parsed on arrival.
 *
 * <p>Filled on the network thread under the exchange's monitor, then handed over with the
 * completed exchange; {@link #parse()} runs once, whichever thread asks first.
 */
final class DeferredReads {

    private final SseParser parser;
    private final ArrivingStream stream;
    private byte[] bytes;
    private int length;
    /** Where each read ends in {@code bytes}, and when it was read. */
    private int[] readEnds = new int[4];
    private long[] readNs = new long[4];
    private int reads;
    private boolean ended;
    /** Set last by the parse: a reader that sees it sees the parsed stream. */
    private volatile boolean parsed;

    /** Takes over {@code parser}, which has parsed the stream so far into {@code stream}. */
    DeferredReads(SseParser parser, ArrivingStream stream, int firstReadBytes) {
        this.parser = parser;
        this.stream = stream;
        this.bytes = new byte[Math.max(firstReadBytes, 1024)];
    }

    /** Copies the remaining bytes of one read (its position moves to its limit). */
    void append(ByteBuffer read, long receivedNs) {
        int n = read.remaining();
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 2));
        }
        read.get(bytes, length, n);
        length += n;
        if (reads == readEnds.length) {
            readEnds = Arrays.copyOf(readEnds, reads * 2);
            readNs = Arrays.copyOf(readNs, reads * 2);
        }
        readEnds[reads] = length;
        readNs[reads] = receivedNs;
        reads++;
    }

    /** The body ended with the last read appended (else the stream was cut: no end of stream is parsed). */
    void end() {
        ended = true;
    }

    /** Parses every read into the stream, once (a volatile read once it has). */
    void parse() {
        if (!parsed) {
            parseOnce();
        }
    }

    private synchronized void parseOnce() {
        if (parsed) {
            return;
        }
        int from = 0;
        for (int i = 0; i < reads; i++) {
            parser.feed(ByteBuffer.wrap(bytes, from, readEnds[i] - from), readNs[i]);
            from = readEnds[i];
        }
        if (ended) {
            parser.finish();
        }
        bytes = null;
        parsed = true;
    }

    /** The stream's events kept raw, parsing first (see {@link CompletedExchange#events()}). */
    List<SseEvent> events() {
        return new Parsed<>(this, true);
    }

    /** The stream's decoded events, parsing first (see {@link CompletedExchange#decodedEvents()}). */
    List<DecodedEvent> decodedEvents() {
        return new Parsed<>(this, false);
    }

    /**
     * One of the stream's lists, parsed on first use. {@link CompletedExchange} keeps these as
     * they are rather than copying them, which would parse on the network thread.
     */
    static final class Parsed<T> extends AbstractList<T> {
        private final DeferredReads reads;
        private final boolean raw;

        private Parsed(DeferredReads reads, boolean raw) {
            this.reads = reads;
            this.raw = raw;
        }

        @SuppressWarnings("unchecked")
        private List<T> list() {
            reads.parse();
            return (List<T>) (raw ? reads.stream.events() : reads.stream.decodedEvents());
        }

        @Override
        public T get(int index) {
            return list().get(index);
        }

        @Override
        public int size() {
            return list().size();
        }

        /** Whether the stream behind this list has been parsed yet (for tests). */
        boolean parsed() {
            return reads.parsed;
        }
    }
}
