package io.llmbench.runtime.mock;

import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes a stream of another API shape on the timer, with the same timing as {@link TokenStream}:
 * the head events at once, token {@code i} at {@code arrival + ttft + i * itl}, then the tail. Each
 * write starts after the previous one completed.
 */
final class EventStream implements Runnable {

    /** The bytes of one shape's stream. */
    interface Events {
        /** Events sent at once (may be empty). */
        byte[] head();

        /** The event carrying token {@code index}. */
        byte[] token(int index, String token);

        /** Events after the last token (may be empty). */
        byte[] tail();
    }

    private final Response response;
    private final Callback done;
    private final ScheduledExecutorService timer;
    private final Events events;
    private final int tokens;
    private final long firstTokenNs;
    private final long itlNs;
    /** -1 is the head, 0..tokens-1 the tokens, tokens the tail. */
    private int step = -1;

    EventStream(Response response, Callback done, ScheduledExecutorService timer, Events events, int tokens,
            long firstTokenNs, long itlNs) {
        this.response = response;
        this.done = done;
        this.timer = timer;
        this.events = events;
        this.tokens = tokens;
        this.firstTokenNs = firstTokenNs;
        this.itlNs = itlNs;
    }

    @Override
    public void run() {
        int current = step;
        if (current == -1) {
            response.write(false, ByteBuffer.wrap(events.head()), Callback.from(this::next, done::failed));
        } else if (current < tokens) {
            response.write(false, ByteBuffer.wrap(events.token(current, MockVocabulary.token(current))),
                    Callback.from(this::next, done::failed));
        } else {
            response.write(true, ByteBuffer.wrap(events.tail()), done);
        }
    }

    private void next() {
        step++;
        long due = step >= tokens ? System.nanoTime() : firstTokenNs + step * itlNs;
        long delay = due - System.nanoTime();
        if (delay <= 0) {
            timer.execute(this);
        } else {
            timer.schedule(this, delay, TimeUnit.NANOSECONDS);
        }
    }
}
