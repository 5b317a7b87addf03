package io.llmbench.runtime.client;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An incremental parser of a {@code text/event-stream} body, following the WHATWG event-stream
 * rules: lines end in LF, CR or CRLF; a blank line dispatches the event; {@code data:} lines are
 * joined with {@code \n}; {@code event:} names the event; {@code id:}, {@code retry:}, comment
 * lines ({@code :...}) and unknown fields are skipped; one space after the colon is dropped.
 *
 * <p>It works on bytes and never decodes text, so input may be split anywhere (inside a field, a
 * multi-byte UTF-8 character, or between CR and LF). A line whole in one read is read where it is,
 * and an event of one such data line reaches a {@link ViewListener} as a view of that read; lines
 * split across reads and events of several data lines are copied in bulk into two reusable
 * buffers. A {@link Listener} gets each event in an array of its own; an {@code event:} field's
 * name is the only other allocation. It never throws on
 * malformed input: bytes that do not form a known field are ignored. Not thread-safe; one instance
 * per response.
 */
public final class SseParser {

    /** Receives each complete event. */
    @FunctionalInterface
    public interface Listener {
        /**
         * Called once per dispatched event.
         *
         * @param eventName the {@code event:} field, or {@code null} when absent
         * @param data the data lines joined with {@code \n}, as UTF-8 bytes (owned by the receiver)
         * @param receivedNs the instant passed with the bytes that completed this event
         */
        void onEvent(String eventName, byte[] data, long receivedNs);
    }

    /**
     * Receives each complete event as a view of the parser's own buffer, without a copy: the hot
     * path, for a receiver that decodes the event at once. The bytes are valid only during the call.
     */
    @FunctionalInterface
    public interface ViewListener {
        /**
         * Called once per dispatched event.
         *
         * @param eventName the {@code event:} field, or {@code null} when absent
         * @param buffer holds the data lines joined with {@code \n}, as UTF-8 bytes (not to be kept)
         * @param offset where the data starts in {@code buffer}
         * @param length how many bytes of data
         * @param receivedNs the instant passed with the bytes that completed this event
         */
        void onEvent(String eventName, byte[] buffer, int offset, int length, long receivedNs);
    }

    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final byte COLON = ':';
    private static final byte SPACE = ' ';
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** One more than CR, the larger line end, in every byte. */
    private static final long ALL_0E = 0x0E0E0E0E0E0E0E0EL;
    private static final long ALL_HIGH_BITS = 0x8080808080808080L;

    private final ViewListener listener;

    /**
     * Copy space for direct buffers, one per thread rather than per parser: a parser lives as long as
     * its response, and 10,000 streams in flight must not each hold a read-sized array.
     */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[16 * 1024]);
    private byte[] line = new byte[256];
    private int lineLength;
    private byte[] data = new byte[1024];
    private int dataLength;
    /** The event's only data line so far, still in the current read (see {@link #appendData}); or null. */
    private byte[] viewBuffer;
    private int viewOffset;
    private int viewLength;
    private boolean hasData;
    private String eventName;
    /** The previous byte ended a line with CR; a following LF belongs to that same line ending. */
    private boolean skipNextLf;
    /** Bytes of a leading byte-order mark seen so far, or -1 once the stream start is past. */
    private int bomMatched;
    private long lastReceivedNs;

    /** A parser that reports events to {@code listener}, each in an array of its own. */
    public SseParser(Listener listener) {
        this.listener = (name, buffer, offset, length, receivedNs) ->
                listener.onEvent(name, Arrays.copyOfRange(buffer, offset, offset + length), receivedNs);
    }

    /** A parser that reports events to {@code listener} as views of its buffer. */
    public SseParser(ViewListener listener) {
        this.listener = listener;
    }

    /**
     * Consumes all remaining bytes of {@code bytes} (its position moves to its limit) and reports
     * every event they complete.
     *
     * @param receivedNs when these bytes were read; given to every event they complete
     */
    public void feed(ByteBuffer bytes, long receivedNs) {
        int length = bytes.remaining();
        if (bytes.hasArray()) {
            feed(bytes.array(), bytes.arrayOffset() + bytes.position(), length, receivedNs);
        } else {
            // Jetty's buffers are direct: one bulk copy, then the scan runs over a plain array
            // (byte-by-byte reads of a direct buffer cost a bounds and scope check each).
            byte[] scratch = SCRATCH.get();
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, 2 * scratch.length)];
                SCRATCH.set(scratch);
            }
            bytes.get(bytes.position(), scratch, 0, length);
            feed(scratch, 0, length, receivedNs);
        }
        bytes.position(bytes.limit());
    }

    private void feed(byte[] bytes, int offset, int length, long receivedNs) {
        lastReceivedNs = receivedNs;
        int position = offset;
        int limit = offset + length;
        if (bomMatched >= 0) {
            position = skipByteOrderMark(bytes, position, limit);
        }
        while (position < limit) {
            if (skipNextLf) {
                skipNextLf = false;
                if (bytes[position] == LF) {
                    position++;
                    continue;
                }
            }
            int end = indexOfLineEnd(bytes, position, limit);
            if (end == limit) {
                appendToLine(bytes, position, end - position);
                break;
            }
            skipNextLf = bytes[end] == CR;
            if (lineLength == 0) {
                // The whole line is in this read: read it where it is, without a copy.
                processLine(bytes, position, end - position, receivedNs, true);
            } else {
                appendToLine(bytes, position, end - position);
                processLineBuffer(receivedNs);
            }
            position = end + 1;
        }
        // The caller's bytes are its own again after this call.
        keepPendingView();
    }

    /**
     * The first LF or CR in {@code bytes} from {@code from}, or {@code limit}. Eight bytes at a
     * time: this scan touches every byte of every stream, and a byte-by-byte loop was more than
     * half of the parser's time. One test per word flags the bytes below 0x0E (LF and CR among
     * them), half the work of testing for LF and for CR; a flagged byte that is neither (a tab, in
     * JSON whitespace) is passed over.
     */
    static int indexOfLineEnd(byte[] bytes, int from, int limit) {
        int i = from;
        while (i + Long.BYTES <= limit) {
            long word = (long) LONGS.get(bytes, i);
            // A byte is flagged where it is below 0x0E; the lowest flagged byte is always a true one
            // (a borrow can only flag bytes above it).
            long found = (word - ALL_0E) & ~word & ALL_HIGH_BITS;
            if (found == 0) {
                i += Long.BYTES;
                continue;
            }
            i += Long.numberOfTrailingZeros(found) >>> 3;
            if (bytes[i] == LF || bytes[i] == CR) {
                return i;
            }
            i++;
        }
        for (; i < limit; i++) {
            if (bytes[i] == LF || bytes[i] == CR) {
                return i;
            }
        }
        return limit;
    }

    /** Convenience for tests and small inputs: feeds a whole array. */
    public void feed(byte[] bytes, long receivedNs) {
        feed(bytes, 0, bytes.length, receivedNs);
    }

    /**
     * Ends the stream: a last line without its line ending is processed, and an event with data
     * that was not followed by a blank line is still dispatched (servers that close right after
     * their last {@code data:} line lose nothing).
     */
    public void finish() {
        if (lineLength > 0) {
            processLineBuffer(lastReceivedNs);
        }
        dispatch(lastReceivedNs);
        skipNextLf = false;
    }

    private int skipByteOrderMark(byte[] bytes, int position, int limit) {
        while (position < limit && bomMatched >= 0) {
            if (bytes[position] == BOM[bomMatched]) {
                position++;
                bomMatched++;
                if (bomMatched == BOM.length) {
                    bomMatched = -1;
                }
            } else {
                // Not a BOM after all: the bytes already skipped belong to the first line.
                if (bomMatched > 0) {
                    ensureLineCapacity(bomMatched);
                    System.arraycopy(BOM, 0, line, lineLength, bomMatched);
                    lineLength += bomMatched;
                }
                bomMatched = -1;
            }
        }
        return position;
    }

    private void appendToLine(byte[] bytes, int from, int length) {
        if (length == 0) {
            return;
        }
        ensureLineCapacity(length);
        System.arraycopy(bytes, from, line, lineLength, length);
        lineLength += length;
    }

    private void ensureLineCapacity(int extra) {
        line = withRoom(line, lineLength + extra);
    }

    /** {@code buffer}, or a copy at least twice its size when it holds fewer than {@code needed} bytes. */
    private static byte[] withRoom(byte[] buffer, int needed) {
        return needed <= buffer.length ? buffer : Arrays.copyOf(buffer, Math.max(buffer.length * 2, needed));
    }

    private void processLineBuffer(long receivedNs) {
        int length = lineLength;
        lineLength = 0;
        processLine(line, 0, length, receivedNs, false);
    }

    /**
     * Processes the line {@code buffer[start, start + length)}; {@code inRead}: the buffer is the
     * current read's, so a data line may stay a view of it until the read is done.
     */
    private void processLine(byte[] buffer, int start, int length, long receivedNs, boolean inRead) {
        if (length == 0) {
            dispatch(receivedNs);
            return;
        }
        if (buffer[start] == COLON) {
            return;
        }
        int colon = indexOfColon(buffer, start, length);
        int nameEnd = colon < 0 ? length : colon;
        int valueStart = colon < 0 ? length : colon + 1;
        if (valueStart < length && buffer[start + valueStart] == SPACE) {
            valueStart++;
        }
        if (isField(buffer, start, "data", nameEnd)) {
            appendData(buffer, start + valueStart, length - valueStart, inRead);
        } else if (isField(buffer, start, "event", nameEnd)) {
            eventName = new String(buffer, start + valueStart, length - valueStart, StandardCharsets.UTF_8);
        }
        // id, retry and unknown fields carry nothing a benchmark needs.
    }

    /** The colon's index from {@code start}, or -1. */
    private static int indexOfColon(byte[] buffer, int start, int length) {
        for (int i = 0; i < length; i++) {
            if (buffer[start + i] == COLON) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isField(byte[] buffer, int start, String name, int nameEnd) {
        if (nameEnd != name.length()) {
            return false;
        }
        for (int i = 0; i < nameEnd; i++) {
            if (buffer[start + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds a data line. An event's first data line read whole from the current read stays a view of
     * it (most events are one such line, handed on without a copy); anything else is copied.
     */
    private void appendData(byte[] buffer, int from, int length, boolean inRead) {
        if (!hasData && inRead) {
            viewBuffer = buffer;
            viewOffset = from;
            viewLength = length;
            hasData = true;
            return;
        }
        keepPendingView();
        data = withRoom(data, dataLength + length + (hasData ? 1 : 0));
        if (hasData) {
            data[dataLength++] = LF;
        }
        System.arraycopy(buffer, from, data, dataLength, length);
        dataLength += length;
        hasData = true;
    }

    /** Copies a data line still viewed in a read into the parser's own buffer. */
    private void keepPendingView() {
        if (viewBuffer == null) {
            return;
        }
        data = withRoom(data, viewLength);
        System.arraycopy(viewBuffer, viewOffset, data, 0, viewLength);
        dataLength = viewLength;
        viewBuffer = null;
    }

    private void dispatch(long receivedNs) {
        if (hasData) {
            if (viewBuffer != null) {
                listener.onEvent(eventName, viewBuffer, viewOffset, viewLength, receivedNs);
            } else {
                listener.onEvent(eventName, data, 0, dataLength, receivedNs);
            }
        }
        viewBuffer = null;
        dataLength = 0;
        hasData = false;
        eventName = null;
    }
}
