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
 * multi-byte UTF-8 character, or between CR and LF). Bytes are copied in bulk into two reusable
 * buffers; a {@link ViewListener} gets each event without a copy, a {@link Listener} in an array of
 * its own; an {@code event:} field's name is the only other allocation. It never throws on
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
    private static final long ALL_LF = 0x0A0A0A0A0A0A0A0AL;
    private static final long ALL_CR = 0x0D0D0D0D0D0D0D0DL;
    private static final long ALL_ONES = 0x0101010101010101L;
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
            appendToLine(bytes, position, end - position);
            if (end == limit) {
                break;
            }
            skipNextLf = bytes[end] == CR;
            position = end + 1;
            processLine(receivedNs);
        }
    }

    /**
     * The first LF or CR in {@code bytes} from {@code from}, or {@code limit}. Eight bytes at a
     * time: this scan touches every byte of every stream, and a byte-by-byte loop was more than
     * half of the parser's time.
     */
    static int indexOfLineEnd(byte[] bytes, int from, int limit) {
        int i = from;
        for (; i + Long.BYTES <= limit; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            long lf = word ^ ALL_LF;
            long cr = word ^ ALL_CR;
            // A byte of lf or cr is zero where the input has LF or CR; the lowest flagged byte is
            // always a true one (a borrow can only flag bytes above a zero byte).
            long found = ((lf - ALL_ONES) & ~lf | (cr - ALL_ONES) & ~cr) & ALL_HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
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
            processLine(lastReceivedNs);
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
        if (lineLength + extra > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + extra));
        }
    }

    private void processLine(long receivedNs) {
        int length = lineLength;
        lineLength = 0;
        if (length == 0) {
            dispatch(receivedNs);
            return;
        }
        if (line[0] == COLON) {
            return;
        }
        int colon = indexOfColon(length);
        int nameEnd = colon < 0 ? length : colon;
        int valueStart = colon < 0 ? length : colon + 1;
        if (valueStart < length && line[valueStart] == SPACE) {
            valueStart++;
        }
        if (isField("data", nameEnd)) {
            appendData(valueStart, length - valueStart);
        } else if (isField("event", nameEnd)) {
            eventName = new String(line, valueStart, length - valueStart, StandardCharsets.UTF_8);
        }
        // id, retry and unknown fields carry nothing a benchmark needs.
    }

    private int indexOfColon(int length) {
        for (int i = 0; i < length; i++) {
            if (line[i] == COLON) {
                return i;
            }
        }
        return -1;
    }

    private boolean isField(String name, int nameEnd) {
        if (nameEnd != name.length()) {
            return false;
        }
        for (int i = 0; i < nameEnd; i++) {
            if (line[i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void appendData(int from, int length) {
        int needed = dataLength + length + (hasData ? 1 : 0);
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, needed));
        }
        if (hasData) {
            data[dataLength++] = LF;
        }
        System.arraycopy(line, from, data, dataLength, length);
        dataLength += length;
        hasData = true;
    }

    private void dispatch(long receivedNs) {
        if (hasData) {
            listener.onEvent(eventName, data, 0, dataLength, receivedNs);
        }
        dataLength = 0;
        hasData = false;
        eventName = null;
    }
}
