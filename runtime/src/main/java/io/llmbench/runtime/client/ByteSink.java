package io.llmbench.runtime.client;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A growable byte array filled in bulk from buffers, optionally capped. Not thread-safe. */
final class ByteSink {

    private final int cap;
    private byte[] bytes;
    private int length;

    /** @param cap the most bytes kept; later bytes are dropped */
    ByteSink(int initialCapacity, int cap) {
        this.bytes = new byte[initialCapacity];
        this.cap = cap;
    }

    /** Copies the remaining bytes of {@code buffer} (up to the cap) and consumes them all. */
    void append(ByteBuffer buffer) {
        int take = Math.min(buffer.remaining(), cap - length);
        if (take > 0) {
            if (length + take > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(cap, Math.max(bytes.length * 2, length + take)));
            }
            buffer.get(buffer.position(), bytes, length, take);
            length += take;
        }
        buffer.position(buffer.limit());
    }

    /** A copy of the bytes kept. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }
}
